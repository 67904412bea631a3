import type { Metadata } from "next";
import Link from "next/link";
import { getScope, redirectUnsignedIn } from "@/lib/auth/guards";
import { getMe } from "@/lib/data/clinics";
import { ChangePasswordForm, SignOutEverywhereForm } from "./account-forms";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const scope = await getScope();
  if (!scope) return redirectUnsignedIn();
  const me = await getMe(scope);
  const home = scope.role === "athlete" ? "/today" : "/dashboard";
  return (
    <>
      <h1 className="mb-1 text-2xl font-bold">Your account</h1>
      <p className="mb-6 text-slate-600">Signed in as {me.email}.</p>
      <section aria-labelledby="password-heading">
        <h2 id="password-heading" className="mb-3 text-lg font-semibold">
          Change your password
        </h2>
        <ChangePasswordForm />
      </section>
      {scope.role !== "athlete" ? (
        <section aria-labelledby="two-factor-heading" className="mt-8 border-t border-slate-200 pt-6">
          <h2 id="two-factor-heading" className="mb-1 text-lg font-semibold">
            Two-factor sign-in
          </h2>
          <p className="mb-3 text-sm text-slate-600">A code from an app on your phone after your password.</p>
          <Link href="/account/two-factor" className="font-semibold text-brand-700 underline">
            Set up or manage two-factor sign-in
          </Link>
        </section>
      ) : null}
      <section aria-labelledby="sessions-heading" className="mt-8 border-t border-slate-200 pt-6">
        <h2 id="sessions-heading" className="mb-1 text-lg font-semibold">
          Sessions
        </h2>
        <p className="mb-3 text-sm text-slate-600">Signs you out on every phone and computer, this one too.</p>
        <SignOutEverywhereForm />
      </section>
      <p className="mt-8 text-sm">
        <Link href={home} className="font-semibold text-brand-700 underline">
          Back to the app
        </Link>
      </p>
    </>
  );
}
