import type { Metadata } from "next";
import Link from "next/link";
import { requireTrainer } from "@/lib/auth/guards";
import { listTemplates } from "@/lib/data/templates";
import { CopyTemplateButton } from "./_components/template-forms";

export const metadata: Metadata = { title: "Templates" };

export default async function TemplatesPage() {
  const scope = await requireTrainer();
  const templates = await listTemplates(scope);
  const groups = [
    { title: "Your clinic's templates", items: templates.filter((t) => !t.builtin), empty: "None yet. Save an athlete's program as a template from their page, or copy a built-in one." },
    { title: "Built-in templates", items: templates.filter((t) => t.builtin), empty: "" },
  ];
  return (
    <>
      <h1 className="text-2xl font-bold">Program templates</h1>
      <p className="mt-1 text-slate-700">Apply a template from an athlete&apos;s page. Built-in templates are shared by every clinic and read-only: copy one to change it.</p>
      {groups.map((g) => (
        <section key={g.title} aria-label={g.title} className="mt-6">
          <h2 className="text-lg font-semibold">{g.title}</h2>
          {g.items.length === 0 ? <p className="mt-1 text-sm text-slate-700">{g.empty}</p> : null}
          <ul className="mt-3 grid gap-3 md:grid-cols-2">
            {g.items.map((t) => (
              <li key={t.id} className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4">
                <Link href={`/templates/${t.id}`} className="font-semibold text-brand-700 underline">
                  {t.name}
                </Link>
                <p className="text-sm text-slate-700">{t.description}</p>
                <p className="text-sm text-slate-600">{t.itemCount} exercises</p>
                {t.builtin ? <CopyTemplateButton templateId={t.id} name={t.name} /> : null}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
