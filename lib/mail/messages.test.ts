import { describe, expect, it } from "vitest";
import { inviteMail, passwordChangedMail, passwordResetMail } from "./messages";

describe("mail messages", () => {
  it("puts the link, how long it works and the clinic in an invitation", () => {
    const m = inviteMail({ role: "trainer", clinicName: "Knee Lab", link: "https://app.example/invite/abc", days: 7 });
    expect(m.subject).toBe("Knee Lab invites you to Stride Clinic");
    expect(m.text).toContain("join Knee Lab as a trainer");
    expect(m.text).toContain("it works once, for 7 days");
    expect(m.text).toContain("\nhttps://app.example/invite/abc\n");
    expect(inviteMail({ role: "athlete", clinicName: "Knee Lab", link: "L", days: 7 }).text).toContain("on your phone");
  });

  it("says who asked for a reset link and that the old password still works until then", () => {
    const self = passwordResetMail({ link: "https://app.example/reset-password/t", minutes: 60, sentByTrainer: null });
    expect(self.text).toContain("Someone (we hope you) asked");
    expect(self.text).toContain("for 60 minutes");
    expect(self.text).toContain("https://app.example/reset-password/t");
    expect(passwordResetMail({ link: "L", minutes: 60, sentByTrainer: "Sam Rivera" }).text).toContain("Sam Rivera sent you a link");
    expect(passwordChangedMail({ when: "reset" }).text).toContain("reset with an emailed link");
  });
});
