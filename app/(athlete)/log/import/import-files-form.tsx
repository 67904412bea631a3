"use client";

import Link from "next/link";
import { useActionState, useState, useTransition } from "react";
import { FormMessage } from "@/app/_components/ui/form-message";
import { ScaleField } from "@/app/_components/ui/scale-field";
import { SelectField } from "@/app/_components/ui/select-field";
import { primaryButton, secondaryButton } from "@/app/_components/ui/button-styles";
import { formatDistance } from "@/lib/domain/units";
import { CR10_WORDS } from "@/lib/validation/reporting-labels";
import { importFilesAction, type ImportActionState } from "../../actions";

const minutes = (s: number) => `${Math.floor(s / 60)}:${String(Math.round(s % 60)).padStart(2, "0")}`;

/** Choose files → preview (start, distance, moving and elapsed time, laps) → save. */
export function ImportFilesForm({ unit, shoes, defaultShoeId = null }: { unit: "km" | "mi"; shoes: { id: string; name: string }[]; defaultShoeId?: string | null }) {
  const [state, action] = useActionState<ImportActionState, FormData>(importFilesAction, {});
  const [pending, startTransition] = useTransition();
  // one id per chosen file, made when the files are chosen: saving the same choice twice stores each once
  const [clientIds, setClientIds] = useState<string[]>([]);
  // the choice of files the preview on screen was asked for: choosing others hides it (and Save)
  // until they are previewed, so nothing is saved unseen
  const [previewedChoice, setPreviewedChoice] = useState<string | null>(null);
  const previews = previewedChoice === clientIds.join(",") ? state.previews : undefined;
  const e = state.fieldErrors ?? {};

  // submitted by hand so the chosen files stay in the input between preview and save
  const submit = (ev: React.FormEvent<HTMLFormElement>) => {
    ev.preventDefault();
    const submitter = (ev.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const data = new FormData(ev.currentTarget);
    data.set("intent", submitter?.value ?? "preview");
    if (data.get("intent") === "preview") setPreviewedChoice(clientIds.join(","));
    startTransition(() => action(data));
  };

  return (
    <div className="flex flex-col gap-4">
      <form onSubmit={submit} className="flex flex-col gap-5" noValidate>
        <div className="flex flex-col gap-1">
          <label htmlFor="activity-files" className="text-sm font-medium">
            Activity files
          </label>
          <input
            id="activity-files"
            name="file"
            type="file"
            multiple
            accept=".fit,.tcx,.gpx"
            onChange={(ev) => setClientIds(Array.from(ev.currentTarget.files ?? [], () => crypto.randomUUID()))}
            className="text-sm"
          />
          {e.file ? <p className="text-sm font-medium text-red-700">{e.file.join(" ")}</p> : null}
        </div>
        <input type="hidden" name="clientIds" value={clientIds.join(",")} />
        {previews?.length ? (
          <ul className="flex flex-col gap-2" aria-label="Preview">
            {previews.map((p) => (
              <li key={p.fileName} className={`rounded-md border p-3 text-sm ${p.ok ? "border-slate-200 bg-white" : "border-red-200 bg-red-50"}`}>
                <p className="font-semibold">{p.fileName}</p>
                {p.ok ? (
                  <dl className="mt-1 grid grid-cols-2 gap-x-3 gap-y-1">
                    <dt className="text-slate-600">Start</dt>
                    <dd>{new Date(p.startTime).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" })}</dd>
                    <dt className="text-slate-600">Distance</dt>
                    <dd>
                      {formatDistance(p.distanceM, unit, 2)} <span className="text-slate-600">({p.distanceSource === "device" ? "from the watch" : "from the GPS points"})</span>
                    </dd>
                    <dt className="text-slate-600">Moving time</dt>
                    <dd>{minutes(p.movingSec)}</dd>
                    <dt className="text-slate-600">Elapsed time</dt>
                    <dd>{minutes(p.elapsedSec)}</dd>
                    <dt className="text-slate-600">Laps</dt>
                    <dd>{p.laps.length ? p.laps.map((l) => (l.distanceM ? formatDistance(l.distanceM, unit, 2) : "–")).join(", ") : "none"}</dd>
                  </dl>
                ) : (
                  <p className="text-red-800">{p.error}</p>
                )}
              </li>
            ))}
          </ul>
        ) : null}
        <ScaleField legend="Session effort (0–10)" name="rpe" defaultValue="4" words={CR10_WORDS} errors={e.rpe} />
        <ScaleField legend="Knee pain during (0–10)" name="painDuring" errors={e.painDuring} />
        <ScaleField legend="Knee pain after (0–10)" name="painAfter" errors={e.painAfter} />
        {shoes.length ? <SelectField label="Shoes" name="shoeId" defaultValue={defaultShoeId ?? ""} options={[{ value: "", label: "Not recorded" }, ...shoes.map((s) => ({ value: s.id, label: s.name }))]} /> : null}
        <div className="flex gap-2">
          <button type="submit" name="intent" value="preview" disabled={pending} className={secondaryButton}>
            Preview
          </button>
          <button type="submit" name="intent" value="save" disabled={pending || !previews?.some((p) => p.ok)} className={primaryButton}>
            {pending ? "Working…" : "Save"}
          </button>
        </div>
      </form>
      <FormMessage message={state.message} ok={state.ok} />
      {state.results?.length ? (
        <ul className="flex flex-col gap-2" aria-label="Import results">
          {state.results.map((r) => (
            <li key={r.fileName} className={`rounded-md border p-3 text-sm ${r.ok ? "border-brand-100 bg-brand-50" : "border-red-200 bg-red-50"}`}>
              <p className="font-semibold">{r.fileName}</p>
              {r.ok ? (
                <p>
                  {r.created ? "Saved" : "Already saved"}: {r.activity.date}, {formatDistance(r.activity.distanceM ?? 0, unit, 2)} in {Math.round(r.activity.durationSec / 60)} min
                </p>
              ) : (
                <p className="text-red-800">{r.error}</p>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {state.results?.some((r) => r.ok) ? (
        <Link href="/history" className="font-semibold text-brand-700 underline">
          See it in your history
        </Link>
      ) : null}
    </div>
  );
}
