import Link from "next/link";
import { requireTrainer } from "@/lib/auth/guards";
import { getClinic, getMe } from "@/lib/data/clinics";
import { TrainerNav } from "./_components/trainer-nav";
import { signOutAction } from "../(auth)/actions";

export default async function TrainerLayout({ children }: { children: React.ReactNode }) {
  const scope = await requireTrainer();
  const [clinic, me] = await Promise.all([getClinic(scope), getMe(scope)]);
  return (
    <div className="min-h-screen md:flex">
      <aside className="no-print border-b border-slate-200 bg-white md:sticky md:top-0 md:flex md:h-screen md:w-60 md:flex-col md:border-r md:border-b-0">
        <div className="flex items-center justify-between gap-2 px-4 py-3 md:block md:py-5">
          <div>
            <p className="font-bold text-brand-700">Stride Clinic</p>
            <p className="text-sm text-slate-600">{clinic.name}</p>
          </div>
        </div>
        <TrainerNav isOwner={scope.role === "owner"} />
        <div className="mt-auto hidden border-t border-slate-200 px-4 py-4 md:block">
          <p className="truncate text-sm font-medium">{me.name}</p>
          <p className="mb-2 text-xs text-slate-600">{scope.role === "owner" ? "Clinic owner" : "Trainer"}</p>
          <Link href="/account" className="mb-2 block text-sm font-semibold text-brand-700 underline">
            Your account
          </Link>
          <form action={signOutAction}>
            <button type="submit" className="text-sm font-semibold text-brand-700 underline">
              Sign out
            </button>
          </form>
        </div>
      </aside>
      <main id="main" className="min-w-0 flex-1 px-4 py-6 md:px-8">
        {children}
        <Link href="/account" className="mt-10 block text-sm font-semibold text-brand-700 underline md:hidden">
          Your account
        </Link>
        <form action={signOutAction} className="mt-3 md:hidden">
          <button type="submit" className="text-sm font-semibold text-brand-700 underline">
            Sign out
          </button>
        </form>
      </main>
    </div>
  );
}
