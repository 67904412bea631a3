import type { Metadata } from "next";
import { requireTrainer } from "@/lib/auth/guards";
import { getAlertEmailSettings } from "@/lib/data/alert-mail";
import { AlertEmailForm } from "./alert-email-form";

export const metadata: Metadata = { title: "Alert emails" };

const hour = (h: number) => `${String(h).padStart(2, "0")}:00`;

function describeChoice(s: { alertEmail: "immediate" | "digest" | "none"; digestHour: number }): string {
  if (s.alertEmail === "none") return "No alert emails: you see alerts in the app only.";
  if (s.alertEmail === "digest") return `Urgent alerts by email at once, and a daily summary at ${hour(s.digestHour)}.`;
  return "Urgent alerts by email at once.";
}

export default async function AlertEmailsPage() {
  const scope = await requireTrainer();
  const settings = await getAlertEmailSettings(scope);
  return (
    <>
      <h1 className="text-2xl font-bold">Alert emails</h1>
      <p className="mt-1 max-w-2xl text-slate-700">
        How you hear of your athletes&apos; alerts when you are not in the app. They are your athletes&apos; alerts
        {scope.role === "owner" ? ", and those of athletes with no trainer or a deactivated one" : ""}. The emails name the athlete and the reason and link to the athlete&apos;s page;
        their subject line never says anything about anyone&apos;s health.
      </p>
      <section aria-labelledby="alert-email-heading" className="mt-6 max-w-2xl rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="alert-email-heading" className="text-lg font-semibold">
          Your choice
        </h2>
        <p className="mb-3 text-sm text-slate-700">Now: {describeChoice(settings)}</p>
        <AlertEmailForm alertEmail={settings.alertEmail} digestHour={settings.digestHour} timeZone={settings.timeZone} />
      </section>
    </>
  );
}
