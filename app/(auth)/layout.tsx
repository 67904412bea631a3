import { connection } from "next/server";

export default async function AuthLayout({ children }: { children: React.ReactNode }) {
  // rendered per request so Next can put this request's CSP nonce on its scripts (see proxy.ts)
  await connection();
  return (
    <main className="flex min-h-screen items-start justify-center px-4 py-10 sm:items-center">
      <div className="w-full max-w-md rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
        <p className="mb-6 text-lg font-bold text-brand-700">Stride Clinic</p>
        {children}
      </div>
    </main>
  );
}
