import type { Metadata } from "next";
import Link from "next/link";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Create your clinic" };

export default function SignUpPage() {
  return (
    <>
      <h1 className="mb-1 text-2xl font-bold">Create your clinic</h1>
      <p className="mb-6 text-slate-600">You will be the clinic owner and can invite trainers and athletes.</p>
      <SignUpForm />
      <p className="mt-6 text-sm text-slate-700">
        Already have an account?{" "}
        <Link href="/sign-in" className="font-semibold text-brand-700 underline">
          Sign in
        </Link>
      </p>
    </>
  );
}
