import type { Metadata } from "next";
import Link from "next/link";
import { requireAthlete } from "@/lib/auth/guards";
import { getMe } from "@/lib/data/clinics";
import { getDefaultShoeId, listShoes } from "@/lib/data/shoes";
import { ImportFilesForm } from "./import-files-form";

export const metadata: Metadata = { title: "Import from a watch" };

export default async function ImportRunPage() {
  const scope = await requireAthlete();
  const [me, shoes] = await Promise.all([getMe(scope), listShoes(scope)]);
  const defaultShoeId = await getDefaultShoeId(scope, shoes);
  return (
    <>
      <Link href="/today" className="text-sm font-semibold text-brand-700 underline">
        ← Today
      </Link>
      <h1 className="mt-2 text-2xl font-bold">Import from a watch</h1>
      <p className="mt-1 mb-4 text-sm text-slate-700">
        Export the activity from your watch app as a FIT, TCX or GPX file (up to 10 MB each) and choose it here. You can pick
        several at once.
      </p>
      <ImportFilesForm unit={me.unit} shoes={shoes.filter((s) => !s.retired).map((s) => ({ id: s.id, name: s.name }))} defaultShoeId={defaultShoeId} />
    </>
  );
}
