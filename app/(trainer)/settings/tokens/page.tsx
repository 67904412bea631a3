import type { Metadata } from "next";
import { requireTrainer } from "@/lib/auth/guards";
import { listApiTokens } from "@/lib/data/api-tokens";
import { getClinic } from "@/lib/data/clinics";
import { formatDateTime } from "@/lib/format/dates";
import { requestLocale } from "@/lib/format/request-locale";
import { CreateTokenForm, RevokeTokenForm } from "./token-forms";

export const metadata: Metadata = { title: "API tokens" };

export default async function TokensPage() {
  const scope = await requireTrainer();
  const [tokens, clinic, locale] = await Promise.all([listApiTokens(scope), getClinic(scope), requestLocale()]);
  const day = (d: Date | null) => (d ? formatDateTime(d, locale, clinic.timeZone) : "never");
  return (
    <>
      <h1 className="text-2xl font-bold">API tokens</h1>
      <p className="mt-1 max-w-2xl text-slate-700">
        A token lets a script act as you within your clinic through <code>/api/v1</code> (send{" "}
        <code>Authorization: Bearer &lt;token&gt;</code>; the routes are described at <a className="underline" href="/api/v1/openapi.json">/api/v1/openapi.json</a>).
        A read-only token cannot change anything.
      </p>
      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="new-token-heading" className="rounded-lg border border-slate-200 bg-white p-5">
          <h2 id="new-token-heading" className="mb-3 text-lg font-semibold">
            New token
          </h2>
          <CreateTokenForm />
        </section>
        <section aria-labelledby="tokens-heading" className="rounded-lg border border-slate-200 bg-white p-5">
          <h2 id="tokens-heading" className="mb-3 text-lg font-semibold">
            Your tokens
          </h2>
          {tokens.length === 0 ? <p className="text-slate-700">No tokens yet.</p> : null}
          <ul className="divide-y divide-slate-100">
            {tokens.map((t) => {
              const state = t.status;
              return (
                <li key={t.id} className="flex items-start justify-between gap-3 py-3 text-sm">
                  <div>
                    <p className="font-semibold">{t.name}</p>
                    <p className="text-slate-700">
                      {t.prefix}… · {t.scope === "read" ? "read only" : "read and write"} · {state} · expires {day(t.expiresAt)} · last used {day(t.lastUsedAt)}
                    </p>
                  </div>
                  {state === "active" ? <RevokeTokenForm tokenId={t.id} name={t.name} /> : null}
                </li>
              );
            })}
          </ul>
        </section>
      </div>
    </>
  );
}
