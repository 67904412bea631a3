import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requireTrainer } from "@/lib/auth/guards";
import { listExercises } from "@/lib/data/exercises";
import { getTemplate } from "@/lib/data/templates";
import { formatDosage } from "@/lib/domain/dosage";
import { isAppError } from "@/lib/errors";
import { AddTemplateItemForm, ArchiveTemplateButton, CopyTemplateButton, TemplateItemForm, TemplateMetaForm } from "../_components/template-forms";

export const metadata: Metadata = { title: "Template" };

export default async function TemplatePage({ params }: { params: Promise<{ templateId: string }> }) {
  const scope = await requireTrainer();
  const { templateId } = await params;
  if (!z.uuid().safeParse(templateId).success) notFound();
  const [template, exercises] = await Promise.all([
    getTemplate(scope, templateId).catch((err: unknown) => {
      if (isAppError(err) && err.code === "not_found") notFound();
      throw err;
    }),
    listExercises(scope),
  ]);
  return (
    <>
      <Link href="/templates" className="text-sm font-semibold text-brand-700 underline">
        ← Templates
      </Link>
      <div className="mt-2 flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">{template.name}</h1>
          <p className="text-slate-700">{template.description}</p>
          <p className="text-sm text-slate-600">{template.builtin ? "Built-in (read-only)" : "Your clinic"}</p>
        </div>
        {template.builtin ? <CopyTemplateButton templateId={template.id} name={template.name} /> : <ArchiveTemplateButton templateId={template.id} />}
      </div>

      <ol className="mt-6 flex flex-col gap-3">
        {template.items.map((item, i) => (
          <li key={item.id} className="rounded-lg border border-slate-200 bg-white p-4">
            <h2 className="font-semibold">
              {i + 1}.{" "}
              <Link href={`/exercises/${item.exerciseId}`} className="hover:underline">
                {item.exerciseName}
              </Link>
            </h2>
            <p>{formatDosage(item)}</p>
            {item.note ? <p className="text-sm text-slate-700">{item.note}</p> : null}
            {!template.builtin ? (
              <details className="mt-2">
                <summary className="cursor-pointer text-sm font-semibold text-brand-700">Edit</summary>
                <div className="mt-3">
                  <TemplateItemForm templateItemId={item.id} exerciseName={item.exerciseName} defaults={item} />
                </div>
              </details>
            ) : null}
          </li>
        ))}
      </ol>

      {!template.builtin ? (
        <div className="mt-8 grid gap-8 lg:grid-cols-2">
          <section aria-labelledby="add-item-heading">
            <h2 id="add-item-heading" className="mb-3 text-lg font-semibold">
              Add an exercise
            </h2>
            <AddTemplateItemForm templateId={template.id} exercises={exercises.map((e) => ({ value: e.id, label: e.kind === "mobility" ? `${e.name} (stretching and mobility)` : e.name }))} />
          </section>
          <section aria-labelledby="meta-heading">
            <h2 id="meta-heading" className="mb-3 text-lg font-semibold">
              Name and description
            </h2>
            <TemplateMetaForm templateId={template.id} name={template.name} description={template.description} />
          </section>
        </div>
      ) : null}
    </>
  );
}
