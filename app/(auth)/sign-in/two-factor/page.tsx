import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getPendingSignIn, getScope } from "@/lib/auth/guards";
import { signOutAction } from "../../actions";
import { SecondFactorForm } from "./second-factor-form";

export const metadata: Metadata = { title: "Two-factor sign-in" };

/** The sign-in's second step: only a session whose password was right and whose code is owed gets here. */
export default async function SecondFactorPage() {
  if (await getScope()) redirect("/");
  if (!(await getPendingSignIn())) redirect("/sign-in");
  return (
    <>
      <h1 className="mb-1 text-2xl font-bold">Enter your code</h1>
      <p className="mb-6 text-slate-600">Open your authenticator app and enter the 6-digit code it shows for Stride Clinic. Lost your phone? Enter one of your recovery codes instead.</p>
      <SecondFactorForm />
      <form action={signOutAction} className="mt-6">
        <button type="submit" className="text-sm font-semibold text-brand-700 underline">
          Cancel and sign in as someone else
        </button>
      </form>
    </>
  );
}
