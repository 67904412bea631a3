import { Fragment } from "react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requireTrainer } from "@/lib/auth/guards";
import { ExerciseMedia } from "@/app/_components/media/exercise-media";
import { getExerciseMedia } from "@/lib/data/exercise-media";
import { getExercise } from "@/lib/data/exercises";
import { listLadders } from "@/lib/data/ladders";
import { formatDosage } from "@/lib/domain/dosage";
import { isAppError } from "@/lib/errors";
import { KIND_LABELS, REGION_LABELS } from "@/lib/validation/programs";
import { PhotoForm, VideoForm } from "../_components/media-forms";
import { ArchiveExerciseButton, CopyExerciseButton, ExerciseForm, PlaceOnLadderForm } from "../_components/library-forms";

export const metadata: Metadata = { title: "Exercise" };

export default async function ExercisePage({ params }: { params: Promise<{ exerciseId: string }> }) {
  const scope = await requireTrainer();
  const { exerciseId } = await params;
  if (!z.uuid().safeParse(exerciseId).success) notFound();
  const [exercise, ladders, media] = await Promise.all([
    getExercise(scope, exerciseId).catch((err: unknown) => {
      if (isAppError(err) && err.code === "not_found") notFound();
      throw err;
    }),
    listLadders(scope),
    getExerciseMedia(scope, exerciseId),
  ]);
  const d = exercise.defaultDosage;
  const steps = exercise.ladderView?.steps.filter((s) => !s.archived || s.exerciseId === exercise.id) ?? [];

  // keyed by the exercise: a ladder step's link keeps this page mounted, and its forms (with the
  // fields of the exercise before) must not carry over to the next one
  return (
    <Fragment key={exercise.id}>
      <Link href="/exercises" className="text-sm font-semibold text-brand-700 underline">
        ← Exercises
      </Link>
      <div className="mt-2 flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">{exercise.name}</h1>
          <p className="text-slate-700">
            {REGION_LABELS[exercise.region as keyof typeof REGION_LABELS] ?? exercise.region}
            {exercise.ladder ? ` · ${exercise.ladder.name}, step ${exercise.ladder.step} of ${exercise.ladder.of}` : " · not on a ladder"}
            {exercise.builtin ? " · built-in (read-only)" : " · your clinic"}
            {exercise.archived ? " · archived" : ""}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          {exercise.builtin ? <CopyExerciseButton exerciseId={exercise.id} /> : <ArchiveExerciseButton exerciseId={exercise.id} archived={exercise.archived} />}
        </div>
      </div>

      {exercise.ladderView ? (
        <section aria-labelledby="ladder-heading" className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="ladder-heading" className="font-semibold">
            {exercise.ladderView.name} ladder
          </h2>
          <ol className="mt-3 flex flex-wrap gap-2 pb-2">
            {steps.map((s, i) => (
              <li key={s.exerciseId} className="flex shrink-0 items-center gap-2">
                {i > 0 ? <span aria-hidden="true">→</span> : null}
                {s.exerciseId === exercise.id ? (
                  <span aria-current="step" className="block w-40 rounded-md border-2 border-brand-700 bg-brand-50 px-3 py-2 text-sm">
                    <span className="block text-xs">Step {i + 1} · this exercise</span>
                    <span className="font-semibold">{s.name}</span>
                  </span>
                ) : (
                  <Link href={`/exercises/${s.exerciseId}`} className="block w-40 rounded-md border border-slate-300 px-3 py-2 text-sm hover:bg-slate-50">
                    <span className="block text-xs text-slate-600">Step {i + 1}</span>
                    <span className="font-medium">{s.name}</span>
                  </Link>
                )}
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="howto-heading" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="howto-heading" className="font-semibold">
            How to
          </h2>
          <ol className="mt-2 list-decimal pl-5">
            {exercise.howTo.map((s, i) => (
              <li key={i}>{s}</li>
            ))}
          </ol>
        </section>
        <section aria-labelledby="cues-heading" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="cues-heading" className="font-semibold">
            Coaching cues
          </h2>
          <ul className="mt-2 list-disc pl-5">
            {exercise.cues.map((s, i) => (
              <li key={i}>{s}</li>
            ))}
          </ul>
          <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="font-medium text-slate-600">Default dosage</dt>
            <dd>{formatDosage({ ...d, perSide: exercise.perSide })}</dd>
            <dt className="font-medium text-slate-600">Kind</dt>
            <dd>{KIND_LABELS[exercise.kind as keyof typeof KIND_LABELS] ?? exercise.kind}</dd>
            <dt className="font-medium text-slate-600">Equipment</dt>
            <dd>{exercise.equipment.join(", ") || "none"}</dd>
          </dl>
        </section>
      </div>

      <section aria-labelledby="media-heading" className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="media-heading" className="font-semibold">
          Photo and video
        </h2>
        <p className="mt-1 text-sm text-slate-700">
          {exercise.builtin ? "For your clinic's staff and athletes only; the built-in exercise itself is unchanged. " : ""}
          Shown with the exercise on Today, in the program and (the photo) on the printed home program.
        </p>
        <ExerciseMedia name={exercise.name} media={media} className="mt-3" />
        <div className="mt-4 grid gap-6 lg:grid-cols-2">
          <PhotoForm exerciseId={exercise.id} hasPhoto={media.photo !== null} />
          <VideoForm exerciseId={exercise.id} hasVideo={media.videoUrl !== null} />
        </div>
      </section>

      {!exercise.builtin ? (
        <div className="mt-8 grid gap-8 lg:grid-cols-2">
          <section aria-labelledby="edit-heading">
            <h2 id="edit-heading" className="mb-3 text-lg font-semibold">
              Edit
            </h2>
            <ExerciseForm
              initial={{ id: exercise.id, name: exercise.name, region: exercise.region, kind: exercise.kind, perSide: exercise.perSide, howTo: exercise.howTo, cues: exercise.cues, equipment: exercise.equipment, sets: d.sets, reps: d.reps ?? null, holdSec: d.holdSec ?? null, daysPerWeek: d.daysPerWeek }}
            />
          </section>
          <section aria-labelledby="place-heading">
            <h2 id="place-heading" className="mb-3 text-lg font-semibold">
              {exercise.ladder ? "Move to another step" : "Place on a ladder"}
            </h2>
            <PlaceOnLadderForm exerciseId={exercise.id} ladders={ladders.map((l) => ({ id: l.id, name: l.name, steps: l.steps.map((s) => ({ exerciseId: s.exerciseId, name: s.name })) }))} />
          </section>
        </div>
      ) : null}
    </Fragment>
  );
}
