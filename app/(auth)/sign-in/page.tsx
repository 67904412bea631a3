import type { Metadata } from "next";
import Link from "next/link";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { reset } = await searchParams;
  return (
    <>
      <h1 className="mb-1 text-2xl font-bold">Sign in</h1>
      <p className="mb-6 text-slate-600">Trainers and athletes sign in here.</p>
      {reset === "done" ? (
        <p role="status" className="mb-4 rounded-md border border-green-300 bg-green-50 p-3 text-sm text-green-900">
          Your new password is saved, and every session was signed out. Sign in with the new password.
        </p>
      ) : null}
      <SignInForm />
      <p className="mt-4 text-sm">
        <Link href="/forgot-password" className="font-semibold text-brand-700 underline">
          Forgot your password?
        </Link>
      </p>
      <p className="mt-6 text-sm text-slate-700">
        New clinic?{" "}
        <Link href="/sign-up" className="font-semibold text-brand-700 underline">
          Create an account
        </Link>
      </p>
    </>
  );
}
