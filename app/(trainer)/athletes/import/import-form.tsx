"use client";

import Link from "next/link";
import { useActionState } from "react";
import { FormMessage } from "@/app/_components/ui/form-message";
import { SubmitButton } from "@/app/_components/ui/submit-button";
import { confirmImportAction, previewImportAction, type ImportState } from "../actions";

const SHOWN = ["name", "email", "group", "birth_year", "injured_side", "status"] as const;

export function ImportForm() {
  const [preview, previewAction] = useActionState<ImportState, FormData>(previewImportAction, {});
  const [done, confirmAction] = useActionState<ImportState, FormData>(confirmImportAction, {});
  const rows = preview.preview?.rows ?? [];
  const good = rows.filter((r) => r.errors.length === 0).length;

  if (done.ok) {
    return (
      <div className="mt-6">
        <FormMessage message={done.message} ok />
        <Link href="/athletes" className="mt-4 inline-block font-semibold text-brand-700 underline">
          Go to the roster
        </Link>
      </div>
    );
  }

  return (
    <div className="mt-6 flex flex-col gap-6">
      <form action={previewAction} className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:flex-row sm:items-end">
        <div className="flex flex-col gap-1">
          <label htmlFor="roster-file" className="text-sm font-medium">
            CSV file (up to 1 MB)
          </label>
          <input id="roster-file" name="file" type="file" accept=".csv,text/csv" required className="text-sm" />
        </div>
        <SubmitButton pendingLabel="Reading…">Preview</SubmitButton>
      </form>
      <FormMessage message={preview.ok === false ? preview.message : undefined} />

      {rows.length > 0 ? (
        <section aria-labelledby="preview-heading">
          <h2 id="preview-heading" className="text-lg font-semibold">
            Preview of {preview.fileName}: {good} of {rows.length} rows can be imported
          </h2>
          <div className="mt-2 overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="w-full min-w-[720px] text-left text-sm">
              <thead className="bg-slate-50">
                <tr>
                  <th scope="col" className="px-3 py-2">Line</th>
                  {SHOWN.map((c) => (
                    <th key={c} scope="col" className="px-3 py-2 capitalize">
                      {c.replace("_", " ")}
                    </th>
                  ))}
                  <th scope="col" className="px-3 py-2">Problems</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.line} className={`border-t border-slate-100 ${r.errors.length ? "bg-red-50" : ""}`}>
                    <td className="px-3 py-2">{r.line}</td>
                    {SHOWN.map((c) => (
                      <td key={c} className="px-3 py-2">
                        {r.raw[c] || "—"}
                      </td>
                    ))}
                    <td className="px-3 py-2 font-medium text-red-800">{r.errors.length ? r.errors.join(" ") : <span className="text-brand-800">Ready</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <form action={confirmAction} className="mt-4 flex flex-col gap-2">
            <input type="hidden" name="csv" value={preview.csv} />
            <input type="hidden" name="fileName" value={preview.fileName} />
            <input type="hidden" name="importId" value={preview.importId} />
            <FormMessage message={done.ok === false ? done.message : undefined} />
            <div>
              <SubmitButton pendingLabel="Importing…">{`Import ${good} athlete${good === 1 ? "" : "s"}`}</SubmitButton>
            </div>
          </form>
        </section>
      ) : null}
    </div>
  );
}
