import { describe, expect, it } from "vitest";
import { alertDigestMail, alertRecipient, digestAthletes, digestDueOn, emailsUrgentAtOnce, localHourOf, urgentAlertMail, type DigestAlert, type StaffContact } from "./alert-mail";

const staff = (over: Partial<StaffContact> = {}): StaffContact => ({ id: "t1", email: "t@example.com", name: "Tess", role: "trainer", active: true, alertEmail: "immediate", ...over });
const owner = staff({ id: "o1", email: "o@example.com", name: "Olga", role: "owner" });

describe("who hears of an athlete's alerts", () => {
  it("is the athlete's trainer; the owner when there is none or the trainer was deactivated", () => {
    expect(alertRecipient(staff(), owner)?.id).toBe("t1");
    expect(alertRecipient(null, owner)?.id).toBe("o1");
    expect(alertRecipient(staff({ active: false }), owner)?.id).toBe("o1");
    expect(alertRecipient(null, null)).toBeNull();
  });

  it("keeps a trainer's 'none' (it is not passed on to the owner)", () => {
    const quiet = staff({ alertEmail: "none" });
    expect(alertRecipient(quiet, owner)?.id).toBe("t1");
    expect(emailsUrgentAtOnce(quiet.alertEmail)).toBe(false);
    expect(emailsUrgentAtOnce("immediate")).toBe(true);
    expect(emailsUrgentAtOnce("digest")).toBe(true);
  });
});

describe("when a digest is due", () => {
  // 30 Nov 2026 06:30 UTC = 07:30 in London (GMT), 19:30 in Auckland (NZDT, UTC+13), 12:00 in Kolkata (UTC+5:30)
  const now = new Date("2026-11-30T06:30:00Z");

  it("reads the local hour in the clinic's zone, half-hour zones too", () => {
    expect(localHourOf(now, "Europe/London")).toBe(6);
    expect(localHourOf(now, "Pacific/Auckland")).toBe(19);
    expect(localHourOf(now, "Asia/Kolkata")).toBe(12);
    expect(localHourOf(new Date("2026-11-30T00:10:00Z"), "UTC")).toBe(0);
  });

  it("is due at or after the chosen hour, once per local day", () => {
    const at = (hour: number, sentOn: string | null, timeZone = "Europe/London") => digestDueOn({ now, timeZone, hour, today: "2026-11-30", sentOn });
    expect(at(6, null)).toBe("2026-11-30");
    expect(at(7, null)).toBeNull();
    expect(at(6, "2026-11-29")).toBe("2026-11-30");
    expect(at(6, "2026-11-30")).toBeNull();
    expect(at(0, "2026-11-30")).toBeNull();
    expect(at(19, null, "Pacific/Auckland")).toBe("2026-11-30");
    expect(at(20, null, "Pacific/Auckland")).toBeNull();
  });
});

describe("the urgent alert email", () => {
  it("has no health details in the subject; the reason and the athlete link are in the body", () => {
    const m = urgentAlertMail({ appUrl: "https://clinic.example", athleteId: "a-1", athleteName: "Riley Runner", reason: "Reported locking: contact the athlete today", date: "2026-11-30", today: "2026-11-30" });
    expect(m.subject).toBe("Stride Clinic: an athlete needs your attention");
    expect(m.subject).not.toMatch(/Riley|lock|pain/i);
    expect(m.text).toContain("Riley Runner has an urgent alert today:");
    expect(m.text).toContain("Reported locking: contact the athlete today");
    expect(m.text).toContain("\nhttps://clinic.example/athletes/a-1");
    expect(m.text).toContain("https://clinic.example/settings/alert-emails");
    const late = urgentAlertMail({ appUrl: "https://c.example", athleteId: "a", athleteName: "R", reason: "Pain at or above 7: morning 8", date: "2026-11-28", today: "2026-11-30" });
    expect(late.text).toContain("an urgent alert for Sat 28 Nov:");
  });
});

describe("the daily digest", () => {
  const a = (over: Partial<DigestAlert>): DigestAlert => ({ athleteId: "a1", athleteName: "Ada", kind: "morning_rise", subject: null, severity: "moderate", date: "2026-11-30", reason: "Morning pain 1 above baseline", ...over });

  it("groups consecutive dates of one kind and subject into one line with its span, highest severity and latest reason", () => {
    const [ada] = digestAthletes([
      a({ date: "2026-11-28", reason: "rise 1" }),
      a({ date: "2026-11-29", severity: "high", reason: "rise 2" }),
      a({ date: "2026-11-30", reason: "rise 1 again" }),
      a({ kind: "missed_checkins", date: "2026-11-25", reason: "No check-in for 3 days" }),
      a({ date: "2026-11-20", reason: "older rise" }),
    ]);
    expect(ada!.lines).toEqual([
      { severity: "high", reason: "rise 1 again", from: "2026-11-28", to: "2026-11-30" },
      { severity: "moderate", reason: "No check-in for 3 days", from: "2026-11-25", to: "2026-11-25" },
      { severity: "moderate", reason: "older rise", from: "2026-11-20", to: "2026-11-20" },
    ]);
  });

  it("lists athletes with a high alert first, then by name, each with a link; nothing open, no email", () => {
    const mail = alertDigestMail({
      appUrl: "https://clinic.example",
      today: "2026-11-30",
      alerts: [
        a({ athleteId: "a2", athleteName: "Bea", kind: "run_spike", subject: "run-1", reason: "Run 12 km, 20% longer than the longest of the last 30 days" }),
        a({ athleteId: "a3", athleteName: "Cal", kind: "red_flag", subject: "swelling", severity: "high", reason: "Reported swelling; needs an AT's assessment" }),
        a({}),
      ],
    })!;
    expect(mail.subject).toBe("Stride Clinic: your daily alert summary");
    expect(mail.text.indexOf("Cal")).toBeLessThan(mail.text.indexOf("Ada"));
    expect(mail.text.indexOf("Ada")).toBeLessThan(mail.text.indexOf("Bea"));
    expect(mail.text).toContain("3 athletes have open high or moderate alerts");
    expect(mail.text).toContain("Cal\n  - High: Reported swelling; needs an AT's assessment (Mon 30 Nov)\n  https://clinic.example/athletes/a3");
    expect(alertDigestMail({ appUrl: "x", today: "2026-11-30", alerts: [] })).toBeNull();
  });

  it("shows five lines an athlete at most, then how many more", () => {
    const many = Array.from({ length: 7 }, (_, i) => a({ kind: "run_spike", subject: `run-${i}`, reason: `spike ${i}` }));
    const mail = alertDigestMail({ appUrl: "x", today: "2026-11-30", alerts: many })!;
    expect(mail.text.match(/ {2}- Moderate/g)).toHaveLength(5);
    expect(mail.text).toContain("  - and 2 more");
  });
});
