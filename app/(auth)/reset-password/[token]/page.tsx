import type { Metadata } from "next";
import Link from "next/link";
import { isResetLinkValid } from "@/lib/data/password-resets";
import { ResetPasswordForm } from "./reset-password-form";

export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const valid = await isResetLinkValid(token);
  return (
    <>
      <h1 className="mb-1 text-2xl font-bold">Choose a new password</h1>
      {valid ? (
        <>
          <p className="mb-6 text-slate-600">Choosing it signs you out everywhere; then sign in with the new password.</p>
          <ResetPasswordForm token={token} />
        </>
      ) : (
        <p className="mb-6 text-slate-700">
          This link is no longer valid: it works once, for an hour.{" "}
          <Link href="/forgot-password" className="font-semibold text-brand-700 underline">
            Ask for a new link
          </Link>
          .
        </p>
      )}
    </>
  );
}
