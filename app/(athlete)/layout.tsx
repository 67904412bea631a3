import Link from "next/link";
import { requireAthlete } from "@/lib/auth/guards";
import { AthleteNav } from "./_components/athlete-nav";
import { OfflineLayer } from "./_components/offline/offline-layer";
import { SignOutForm } from "./_components/offline/sign-out-form";
import { signOutAction } from "../(auth)/actions";

export default async function AthleteLayout({ children }: { children: React.ReactNode }) {
  const scope = await requireAthlete();
  return (
    <div className="mx-auto flex min-h-screen max-w-xl flex-col">
      <header className="no-print flex items-center justify-between border-b border-slate-200 bg-white px-4 py-3">
        <p className="font-bold text-brand-700">Stride Clinic</p>
        <div className="flex items-center gap-4">
          <Link href="/account" className="text-sm font-semibold text-brand-700 underline">
            Account
          </Link>
          <SignOutForm action={signOutAction} />
        </div>
      </header>
      <main id="main" className="flex-1 px-4 pt-4 pb-24">
        <OfflineLayer userId={scope.userId}>{children}</OfflineLayer>
      </main>
      <AthleteNav />
    </div>
  );
}
