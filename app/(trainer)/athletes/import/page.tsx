import type { Metadata } from "next";
import Link from "next/link";
import { requireTrainer } from "@/lib/auth/guards";
import { ImportForm } from "./import-form";

export const metadata: Metadata = { title: "Import roster" };

export default async function ImportPage() {
  await requireTrainer();
  return (
    <>
      <Link href="/athletes" className="text-sm font-semibold text-brand-700 underline">
        ← Athletes
      </Link>
      <h1 className="mt-2 text-2xl font-bold">Import a roster from CSV</h1>
      <p className="mt-1 max-w-2xl text-slate-700">
        Upload a CSV file saved from your spreadsheet (comma or semicolon separated, UTF-8). You will see every row and its
        problems before anything is saved; only the rows without problems are imported.{" "}
        <a href="/roster-example.csv" download className="font-semibold text-brand-700 underline">
          Download the example file
        </a>{" "}
        for the column names.
      </p>
      <ImportForm />
    </>
  );
}
