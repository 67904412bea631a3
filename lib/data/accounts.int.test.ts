import { describe, expect, it } from "vitest";
import { getClinic, getMe } from "@/lib/data/clinics";
import { signUpSchema } from "@/lib/validation/accounts";
import { makeClinic } from "@/tests/integration/factories";

const valid = {
  clinicName: "Harbour Physio",
  name: "Robin",
  email: "Robin@Example.com",
  password: "a-long-enough-password",
  timeZone: "America/New_York",
};

describe("sign-up validation", () => {
  it("explains a bad email and a short or long password", () => {
    const bad = signUpSchema.safeParse({ ...valid, email: "not-an-email", password: "short" });
    expect(bad.success).toBe(false);
    const messages = bad.error!.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(messages).toContain("email: Enter a valid email address, like name@example.com.");
    expect(messages).toContain("password: Use at least 10 characters for your password.");
    const long = signUpSchema.safeParse({ ...valid, password: "x".repeat(129) });
    expect(long.error!.issues[0]!.message).toBe("Use at most 128 characters for your password.");
  });
});

describe("clinic scoping in the data layer", () => {
  it("a user of clinic A cannot load clinic B or B's users", async () => {
    const a = await makeClinic("A");
    const b = await makeClinic("B");
    expect((await getClinic(a)).id).toBe(a.clinicId);
    // a scope that mixes A's user with B's clinic (a forged id) finds nothing
    await expect(getMe({ ...a, clinicId: b.clinicId })).rejects.toMatchObject({ code: "not_found" });
    // and a scope of A never returns B's clinic
    const seen = await getClinic(a);
    expect(seen.id).not.toBe(b.clinicId);
  });
});
