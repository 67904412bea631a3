import { describe, expect, it } from "vitest";
import { getClinic, getMe } from "@/lib/data/clinics";
import { signUpClinic, verifyCredentials } from "@/lib/data/accounts";
import { AppError } from "@/lib/errors";
import { signUpSchema } from "@/lib/validation/accounts";
import { makeClinic } from "@/tests/integration/factories";

const valid = {
  clinicName: "Harbour Physio",
  name: "Robin",
  email: "Robin@Example.com",
  password: "a-long-enough-password",
  timeZone: "America/New_York",
};

describe("sign-up", () => {
  it("creates a clinic and its owner with a lower-cased email and a hashed password", async () => {
    const user = await signUpClinic(signUpSchema.parse(valid));
    expect(user).toMatchObject({ email: "robin@example.com", role: "owner", athleteId: null });
    const clinic = await getClinic({ userId: user.id, clinicId: user.clinicId, role: "owner" });
    expect(clinic).toMatchObject({ name: "Harbour Physio", timeZone: "America/New_York" });
    expect(await verifyCredentials("ROBIN@example.com", valid.password)).toMatchObject({ id: user.id });
    expect(await verifyCredentials("robin@example.com", "wrong-password!")).toBeNull();
    expect(await verifyCredentials("nobody@example.com", valid.password)).toBeNull();
  });

  it("refuses a duplicate email, whatever its case, and creates no second clinic", async () => {
    const input = signUpSchema.parse({ ...valid, email: "dup@example.com" });
    await signUpClinic(input);
    const again = signUpClinic(signUpSchema.parse({ ...valid, clinicName: "Other", email: "DUP@example.com" }));
    await expect(again).rejects.toBeInstanceOf(AppError);
    await expect(again).rejects.toMatchObject({ code: "conflict", fieldErrors: { email: ["An account with this email already exists."] } });
  });

  it("refuses two racing sign-ups for one email with the same message", async () => {
    const input = signUpSchema.parse({ ...valid, email: "race@example.com" });
    const results = await Promise.allSettled([signUpClinic(input), signUpClinic(input)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ code: "conflict" });
  });

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
