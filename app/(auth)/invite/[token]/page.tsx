import type { Metadata } from "next";
import Link from "next/link";
import { getInvite } from "@/lib/data/invites";
import { AcceptInviteForm } from "./accept-invite-form";

export const metadata: Metadata = { title: "Accept invitation" };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invite = token.length < 200 ? await getInvite(token) : null;
  if (!invite) {
    return (
      <>
        <h1 className="text-2xl font-bold">This invitation link does not work</h1>
        <p className="mt-2 text-slate-700">
          It may have been used already, replaced by a newer link, or be more than 7 days old. Ask your trainer for a new
          link.
        </p>
        <Link href="/sign-in" className="mt-6 inline-block font-semibold text-brand-700 underline">
          Sign in instead
        </Link>
      </>
    );
  }
  return (
    <>
      <h1 className="text-2xl font-bold">Welcome{invite.name ? `, ${invite.name}` : ""}</h1>
      <p className="mt-1 mb-6 text-slate-700">
        {invite.clinicName} invited you to Stride Clinic{invite.role === "trainer" ? " as a trainer" : ""}. Choose a password to
        finish.
      </p>
      <AcceptInviteForm token={token} email={invite.email} />
    </>
  );
}
