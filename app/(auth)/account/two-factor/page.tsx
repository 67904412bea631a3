import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { signOutAction } from "@/app/(auth)/actions";
import { getSignedIn } from "@/lib/auth/guards";
import { getTwoFactorStatus } from "@/lib/data/two-factor";
import { ConfirmSetupForm, DisableForm, RegenerateCodesForm, StartSetupForm } from "./two-factor-forms";

export const metadata: Metadata = { title: "Two-factor sign-in" };

/**
 * A trainer's own two-factor sign-in. A trainer of a clinic that requires it and who has not set it
 * up is sent here after signing in, and can use nothing else until it is on.
 */
export default async function TwoFactorPage() {
  const signedIn = await getSignedIn();
  if (!signedIn) redirect("/sign-in");
  if (signedIn.scope.role === "athlete") notFound();
  const status = await getTwoFactorStatus(signedIn.scope);
  const home = "/dashboard";
  return (
    <>
      <h1 className="mb-1 text-2xl font-bold">Two-factor sign-in</h1>
      <p className="mb-6 text-slate-600">After your password, sign-in asks for a 6-digit code from an authenticator app on your phone (such as Google Authenticator, Microsoft Authenticator or 1Password).</p>
      {signedIn.mustEnrol ? (
        <p role="status" className="mb-6 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          Your clinic requires two-factor sign-in. Set it up to continue to the app.
        </p>
      ) : null}
      {status.enabled ? (
        <>
          <p className="mb-6 rounded-md border border-green-300 bg-green-50 p-3 text-sm text-green-900">
            Two-factor sign-in is on. You have {status.recoveryCodesLeft} unused recovery {status.recoveryCodesLeft === 1 ? "code" : "codes"}.
          </p>
          <section aria-labelledby="codes-heading">
            <h2 id="codes-heading" className="mb-3 text-lg font-semibold">
              Recovery codes
            </h2>
            <RegenerateCodesForm />
          </section>
          <section aria-labelledby="off-heading" className="mt-8 border-t border-slate-200 pt-6">
            <h2 id="off-heading" className="mb-1 text-lg font-semibold">
              Turn it off
            </h2>
            {status.requiredByClinic ? (
              <p className="text-sm text-slate-600">Your clinic requires two-factor sign-in, so it stays on.</p>
            ) : (
              <DisableForm />
            )}
          </section>
        </>
      ) : status.setup ? (
        <section aria-labelledby="scan-heading">
          <h2 id="scan-heading" className="mb-2 text-lg font-semibold">
            1. Scan this QR code with your app
          </h2>
          {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL made on the server, nothing to optimise */}
          <img src={`data:image/svg+xml;base64,${Buffer.from(status.setup.qrSvg).toString("base64")}`} alt="QR code for your authenticator app" width={200} height={200} className="mx-auto" />
          <p className="mt-3 text-sm text-slate-700">
            Cannot scan it? Enter this key in the app instead:{" "}
            <code className="break-all rounded bg-slate-100 px-1 font-mono">
              {status.setup.secret}
            </code>
          </p>
          <h2 className="mt-6 mb-2 text-lg font-semibold">2. Enter the code it shows</h2>
          <ConfirmSetupForm home={home} />
          <div className="mt-6">
            <StartSetupForm again />
          </div>
        </section>
      ) : (
        <StartSetupForm again={false} />
      )}
      <div className="mt-8 text-sm">
        {signedIn.mustEnrol ? (
          <form action={signOutAction}>
            <button type="submit" className="font-semibold text-brand-700 underline">
              Sign out
            </button>
          </form>
        ) : (
          <Link href="/account" className="font-semibold text-brand-700 underline">
            Back to your account
          </Link>
        )}
      </div>
    </>
  );
}
