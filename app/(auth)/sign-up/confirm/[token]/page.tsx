import type { Metadata } from "next";
import Link from "next/link";
import { getPendingSignUp } from "@/lib/data/sign-ups";
import { ConfirmSignUpForm } from "./confirm-sign-up-form";

export const metadata: Metadata = { title: "Confirm your email", referrer: "no-referrer" };

/** Opened from the sign-up email. Nothing happens on GET (mail scanners open links): the form creates the clinic. */
export default async function ConfirmSignUpPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const pending = await getPendingSignUp(token);
  return (
    <>
      <h1 className="mb-1 text-2xl font-bold">Confirm your email</h1>
      {pending ? (
        <>
          <p className="mb-6 text-slate-600">
            Enter the password you chose to create <strong>{pending.clinicName}</strong> for {pending.email}.
          </p>
          <ConfirmSignUpForm token={token} />
        </>
      ) : (
        <p className="mb-6 text-slate-700">
          This link is no longer valid: it works once, for 24 hours, and a newer sign-up replaces it.{" "}
          <Link href="/sign-up" className="font-semibold text-brand-700 underline">
            Sign up again
          </Link>{" "}
          or{" "}
          <Link href="/sign-in" className="font-semibold text-brand-700 underline">
            sign in
          </Link>
          .
        </p>
      )}
    </>
  );
}
