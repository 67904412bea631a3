import type { Metadata } from "next";
import Link from "next/link";
import { ForgotPasswordForm } from "./forgot-password-form";

export const metadata: Metadata = { title: "Forgot your password" };

export default function ForgotPasswordPage() {
  return (
    <>
      <h1 className="mb-1 text-2xl font-bold">Forgot your password?</h1>
      <p className="mb-6 text-slate-600">Enter the email you sign in with. We will send it a link to choose a new password.</p>
      <ForgotPasswordForm />
      <p className="mt-6 text-sm text-slate-700">
        <Link href="/sign-in" className="font-semibold text-brand-700 underline">
          Back to sign in
        </Link>
      </p>
    </>
  );
}
