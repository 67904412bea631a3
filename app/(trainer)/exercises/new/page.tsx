import type { Metadata } from "next";
import Link from "next/link";
import { requireTrainer } from "@/lib/auth/guards";
import { ExerciseForm } from "../_components/library-forms";

export const metadata: Metadata = { title: "Add exercise" };

export default async function NewExercisePage() {
  await requireTrainer();
  return (
    <>
      <Link href="/exercises" className="text-sm font-semibold text-brand-700 underline">
        ← Exercises
      </Link>
      <h1 className="mt-2 mb-4 text-2xl font-bold">Add an exercise</h1>
      <ExerciseForm />
    </>
  );
}
