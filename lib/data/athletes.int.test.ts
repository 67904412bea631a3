import { describe, expect, it } from "vitest";
import { archiveAthlete, createAthlete, getAthlete, listAthletes, listTrainers, restoreAthlete, updateAthlete } from "@/lib/data/athletes";
import { acceptInvite, createAthleteInvite, createTrainerInvite, getInvite, listPendingTrainerInvites } from "@/lib/data/invites";
import { importRoster, previewRosterImport } from "@/lib/data/roster-import";
import { verifyCredentials } from "@/lib/data/accounts";
import type { TrainerScope } from "@/lib/auth/scope";
import { makeAthlete, makeClinic } from "@/tests/integration/factories";
import { queuedMail, queuedToken } from "@/tests/integration/mail";

describe("roster", () => {
  it("adds, searches, edits, archives and restores an athlete", async () => {
    const clinic = await makeClinic();
    const { id } = await createAthlete(clinic, { name: "Maya Okafor", email: "maya@example.com", sportGroup: "Track", status: "return_to_run" });
    await createAthlete(clinic, { name: "Tom Baker", sportGroup: "Road" });
    expect((await listAthletes(clinic, { q: "may" })).items.map((a) => a.name)).toEqual(["Maya Okafor"]);
    expect((await listAthletes(clinic, { group: "Road" })).items.map((a) => a.name)).toEqual(["Tom Baker"]);
    expect((await listAthletes(clinic, { q: "%" })).total).toBe(0);

    const edited = await updateAthlete(clinic, id, { notes: "Prefers mornings", injuredSide: "left" });
    expect(edited).toMatchObject({ notes: "Prefers mornings", injuredSide: "left", condition: "Medial knee pain" });
    expect(edited.trainerName).toMatch(/^Owner \d+$/);

    await archiveAthlete(clinic, id);
    expect((await listAthletes(clinic)).items.map((a) => a.name)).toEqual(["Tom Baker"]);
    expect((await listAthletes(clinic, { status: "archived" })).items.map((a) => a.name)).toEqual(["Maya Okafor"]);
    const restored = await restoreAthlete(clinic, id);
    expect(restored.status).toBe("return_to_run");
  });

  it("pages on the server", async () => {
    const clinic = await makeClinic();
    for (let i = 0; i < 7; i++) await createAthlete(clinic, { name: `Runner ${String(i).padStart(2, "0")}` });
    const p2 = await listAthletes(clinic, { page: 2, pageSize: 3 });
    expect(p2.total).toBe(7);
    expect(p2.items.map((a) => a.name)).toEqual(["Runner 03", "Runner 04", "Runner 05"]);
  });

  it("refuses a duplicate email in the clinic with a field message", async () => {
    const clinic = await makeClinic();
    await createAthlete(clinic, { name: "A", email: "same@example.com" });
    await expect(createAthlete(clinic, { name: "B", email: "same@example.com" })).rejects.toMatchObject({
      code: "conflict",
      fieldErrors: { email: ["Another athlete in your clinic already has this email."] },
    });
  });

  it("every roster function refuses another clinic's ids", async () => {
    const a = await makeClinic("A");
    const b = await makeClinic("B");
    const { id } = await createAthlete(a, { name: "Only In A" });
    expect((await listAthletes(b)).items).toEqual([]);
    await expect(getAthlete(b, id)).rejects.toMatchObject({ code: "not_found" });
    await expect(updateAthlete(b, id, { name: "Hijacked" })).rejects.toMatchObject({ code: "not_found" });
    await expect(archiveAthlete(b, id)).rejects.toMatchObject({ code: "not_found" });
    await expect(restoreAthlete(b, id)).rejects.toMatchObject({ code: "not_found" });
    await expect(createAthleteInvite(b, id)).rejects.toMatchObject({ code: "not_found" });
    // a trainer of B cannot be made A's athlete's trainer, nor A's athlete get B's trainer
    await expect(createAthlete(a, { name: "X", trainerId: b.userId })).rejects.toMatchObject({ code: "invalid" });
    expect((await getAthlete(a, id)).name).toBe("Only In A");
  });

  it("an athlete's session reaches only their own record", async () => {
    const clinic = await makeClinic();
    const me = await makeAthlete(clinic, "Me");
    const other = await makeAthlete(clinic, "Someone Else");
    expect((await getAthlete(me, me.athleteId)).name).toBe("Me");
    await expect(getAthlete(me, other.athleteId)).rejects.toMatchObject({ code: "not_found" });
    // trainer-only functions are typed to TrainerScope; forcing an athlete scope in still finds only the clinic's rows
    // and the pages/routes refuse the athlete before calling them (see the API tests)
  });
});

describe("invitations", () => {
  it("binds an athlete login once; a new link revokes the old; the token is single use", async () => {
    const clinic = await makeClinic();
    const { id } = await createAthlete(clinic, { name: "Invited Runner", email: "invited@example.com" });
    await createAthleteInvite(clinic, id);
    const first = { token: await queuedToken("invited@example.com", "invite") };
    await createAthleteInvite(clinic, id);
    const second = { token: await queuedToken("invited@example.com", "invite") };
    expect(second.token).not.toBe(first.token);
    expect(await getInvite(first.token)).toBeNull();
    expect(await getInvite(second.token)).toMatchObject({ role: "athlete", email: "invited@example.com" });
    await expect(acceptInvite({ token: first.token, password: "a-long-password" })).rejects.toMatchObject({ code: "invalid" });

    const accepted = await acceptInvite({ token: second.token, password: "a-long-password" });
    expect(accepted).toEqual({ email: "invited@example.com", role: "athlete" });
    const user = await verifyCredentials("invited@example.com", "a-long-password");
    expect(user).toMatchObject({ role: "athlete", athleteId: id, clinicId: clinic.clinicId });
    await expect(acceptInvite({ token: second.token, password: "a-long-password" })).rejects.toMatchObject({ code: "invalid" });
    expect((await getAthlete(clinic, id)).hasLogin).toBe(true);
  });

  it("only the owner invites trainers, and the trainer joins the clinic", async () => {
    const clinic = await makeClinic();
    await createTrainerInvite(clinic, { name: "New Trainer", email: "newtrainer@example.com" });
    await acceptInvite({ token: await queuedToken("newtrainer@example.com", "invite"), password: "a-long-password" });
    const trainers = await listTrainers(clinic);
    const joined = trainers.find((t) => t.name === "New Trainer")!;
    expect(joined.role).toBe("trainer");
    const trainerScope: TrainerScope = { userId: joined.id, clinicId: clinic.clinicId, role: "trainer" };
    await expect(createTrainerInvite(trainerScope, { name: "X", email: "x@example.com" })).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("invitations prove the address and reveal no accounts", () => {
  it("an athlete without an email cannot be invited: the link only ever goes to a mailbox", async () => {
    const clinic = await makeClinic();
    const { id } = await createAthlete(clinic, { name: "No Mail" });
    await expect(createAthleteInvite(clinic, id)).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("Add this athlete's email address first") });
  });

  it("a trainer invitation to an address with an account answers the same, and only that mailbox is told", async () => {
    const clinic = await makeClinic("Inviter");
    const elsewhere = await makeClinic("Elsewhere");
    const fresh = await createTrainerInvite(clinic, { name: "Fresh", email: "fresh-trainer@example.com" });
    const taken = await createTrainerInvite(clinic, { name: "Taken", email: elsewhere.email });
    expect(Object.keys(taken).sort()).toEqual(Object.keys(fresh).sort());
    expect(taken.email).toBe(elsewhere.email);
    // both appear as pending invitations to the owner
    expect((await listPendingTrainerInvites(clinic)).map((i) => i.email).sort()).toEqual(["fresh-trainer@example.com", elsewhere.email].sort());
    const [toTaken] = await queuedMail(elsewhere.email);
    expect(toTaken!.subject).toBe((await queuedMail("fresh-trainer@example.com"))[0]!.subject);
    expect(toTaken!.body).toContain("already has a Stride Clinic account");
    expect(toTaken!.body).not.toContain("/invite/");
    // the owner of the address keeps their own account and clinic
    expect(await verifyCredentials(elsewhere.email, "correct-horse-battery")).toMatchObject({ clinicId: elsewhere.clinicId, role: "owner" });
  });
});

describe("CSV import", () => {
  it("stores exactly the good rows, in one go", async () => {
    const clinic = await makeClinic();
    await createAthlete(clinic, { name: "Already Here", email: "here@example.com" });
    const csv = [
      "name;email;group;status",
      "Good One;good1@example.com;Track;active",
      ";missing@example.com;Track;active",
      "Bad Email;nope;Track;active",
      "Unknown Status;us@example.com;Track;injured",
      "Duplicate;here@example.com;Track;active",
      "Good Two;;Road;return to run",
    ].join("\n");
    const preview = await previewRosterImport(clinic, csv);
    expect(preview.rows.map((r) => r.errors.length > 0)).toEqual([false, true, true, true, true, false]);
    const importId = crypto.randomUUID();
    const result = await importRoster(clinic, csv, importId);
    expect(result).toEqual({ imported: 2, skipped: 4 });
    // the same preview submitted again (a double click, a retry) imports nothing more
    expect(await importRoster(clinic, csv, importId)).toEqual({ imported: 2, skipped: 4 });
    const names = (await listAthletes(clinic)).items.map((a) => a.name);
    expect(names).toEqual(["Already Here", "Good One", "Good Two"]);
  });
});
