import Link from "next/link";
import { connection } from "next/server";

export default async function NotFound() {
  // Rendered per request, never prerendered: a page built ahead of time carries the nonce of the
  // build, not the one in this response's CSP header (proxy.ts), so none of its scripts would run.
  await connection();
  return (
    <main className="mx-auto max-w-lg px-4 py-16 text-center">
      <h1 className="text-2xl font-bold">Page not found</h1>
      <p className="mt-2 text-slate-700">This page does not exist, or you do not have access to it.</p>
      <Link href="/" className="mt-6 inline-block font-semibold text-brand-700 underline">
        Go to your home page
      </Link>
    </main>
  );
}
