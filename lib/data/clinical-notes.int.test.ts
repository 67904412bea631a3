import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { alerts, auditLog, clinicalNotes, injuryEpisodes } from "@/db/schema";
import { recordCheckIn } from "@/lib/data/check-ins";
import { addNote, archiveNote, editNote, listNotes } from "@/lib/data/clinical-notes";
import { exportAthleteData, exportAthleteRecord, exportClinicData } from "@/lib/data/export";
import { makeAthlete, makeClinic, makeTrainer } from "@/tests/integration/factories";

/** Moves a note's writing time back, as if it had been written `hours` ago (test setup, not an app path). */
async function age(noteId: string, hours: number) {
  await getDb()
    .update(clinicalNotes)
    .set({ createdAt: sql`now() - make_interval(hours => ${hours})` })
    .where(eq(clinicalNotes.id, noteId));
}

describe("clinical notes (issue 18, item 2)", () => {
  it("staff of the clinic write and read them; the athlete and another clinic are refused as not found", async () => {
    const clinic = await makeClinic("Notes");
    const me = await makeAthlete(clinic, "Noted Athlete");
    const colleague = await makeTrainer(clinic);
    const other = await makeClinic("Elsewhere");
    const { id } = await addNote(clinic, { athleteId: me.athleteId, body: "Tender over the pes anserine bursa." });
    const seen = await listNotes(colleague, me.athleteId);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ id, body: "Tender over the pes anserine bursa.", authorId: clinic.userId, editable: false });
    // the author's own view: editable within the window
    expect((await listNotes(clinic, me.athleteId))[0]!.editable).toBe(true);
    // the note belongs to the athlete's active episode
    const [episode] = await getDb().select().from(injuryEpisodes).where(eq(injuryEpisodes.athleteId, me.athleteId));
    expect((await listNotes(clinic, me.athleteId))[0]!.episode?.id).toBe(episode!.id);

    await expect(listNotes(me, me.athleteId)).rejects.toMatchObject({ code: "not_found" });
    await expect(listNotes(other, me.athleteId)).rejects.toMatchObject({ code: "not_found" });
    await expect(addNote(other, { athleteId: me.athleteId, body: "Not mine to write" })).rejects.toMatchObject({ code: "not_found" });
    await expect(editNote(other, { athleteId: me.athleteId, noteId: id, body: "Rewritten" })).rejects.toMatchObject({ code: "not_found" });
    // naming the note with another clinic's own athlete finds nothing either
    const theirs = await makeAthlete(other, "Theirs");
    await expect(editNote(other, { athleteId: theirs.athleteId, noteId: id, body: "Rewritten" })).rejects.toMatchObject({ code: "not_found" });
    await expect(archiveNote(other, { athleteId: theirs.athleteId, noteId: id })).rejects.toMatchObject({ code: "not_found" });
    expect((await listNotes(clinic, me.athleteId))[0]!.body).toBe("Tender over the pes anserine bursa.");
  });

  it("the author edits for 24 hours (audited, old text kept in the audit row); after that only a correcting note changes it", async () => {
    const clinic = await makeClinic("Window");
    const me = await makeAthlete(clinic);
    const colleague = await makeTrainer(clinic);
    const { id } = await addNote(clinic, { athleteId: me.athleteId, body: "Swelling 2+ medially." });
    await editNote(clinic, { athleteId: me.athleteId, noteId: id, body: "Swelling 1+ medially." });
    const [edited] = await listNotes(clinic, me.athleteId);
    expect(edited).toMatchObject({ body: "Swelling 1+ medially.", editable: true });
    expect(edited!.editedAt).not.toBeNull();
    const audit = await getDb().select().from(auditLog).where(and(eq(auditLog.entity, "clinical_note"), eq(auditLog.entityId, id))).orderBy(auditLog.createdAt);
    expect(audit.map((a) => a.action)).toEqual(["clinical_note.created", "clinical_note.edited"]);
    expect(audit[1]!.before).toEqual({ body: "Swelling 2+ medially." });

    // someone else may not edit it, even inside the window
    await expect(editNote(colleague, { athleteId: me.athleteId, noteId: id, body: "Mine now" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(archiveNote(colleague, { athleteId: me.athleteId, noteId: id })).rejects.toMatchObject({ code: "forbidden" });

    // 23 hours on: still editable; 25 hours on: refused, and nothing changed
    await age(id, 23);
    await editNote(clinic, { athleteId: me.athleteId, noteId: id, body: "Swelling 1+ medially, warm." });
    await age(id, 25);
    expect((await listNotes(clinic, me.athleteId))[0]!.editable).toBe(false);
    await expect(editNote(clinic, { athleteId: me.athleteId, noteId: id, body: "Too late" })).rejects.toMatchObject({ code: "conflict", message: expect.stringMatching(/24 hours/) });
    await expect(archiveNote(clinic, { athleteId: me.athleteId, noteId: id })).rejects.toMatchObject({ code: "conflict" });

    // the correction: a new note; the old one stays as written, shown as corrected
    const fix = await addNote(colleague, { athleteId: me.athleteId, body: "Correction: swelling was lateral, not medial.", correctsNoteId: id });
    const notes = await listNotes(clinic, me.athleteId);
    expect(notes.map((n) => n.id)).toEqual([fix.id, id]);
    expect(notes[0]).toMatchObject({ correctsNoteId: id, correctsWrittenAt: notes[1]!.createdAt, correctedByNoteId: null });
    expect(notes[1]).toMatchObject({ body: "Swelling 1+ medially, warm.", correctedByNoteId: fix.id, editable: false });
    const auditFix = await getDb().select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, fix.id));
    expect(auditFix).toEqual([{ action: "clinical_note.corrected" }]);

    // a note is corrected once: a second correction names the newest note instead
    await expect(addNote(clinic, { athleteId: me.athleteId, body: "Another go", correctsNoteId: id })).rejects.toMatchObject({ code: "conflict" });
    // a corrected note cannot be edited even inside the window
    const fresh = await addNote(clinic, { athleteId: me.athleteId, body: "Fresh note" });
    await addNote(clinic, { athleteId: me.athleteId, body: "Fresh note, corrected", correctsNoteId: fresh.id });
    await expect(editNote(clinic, { athleteId: me.athleteId, noteId: fresh.id, body: "Sneaky" })).rejects.toMatchObject({ code: "conflict" });
    // nothing is ever deleted
    expect(await getDb().select({ id: clinicalNotes.id }).from(clinicalNotes).where(eq(clinicalNotes.athleteId, me.athleteId))).toHaveLength(4);
  });

  it("the author archives a mistaken note within the window: out of the timeline, still stored", async () => {
    const clinic = await makeClinic("Archive");
    const me = await makeAthlete(clinic);
    const { id } = await addNote(clinic, { athleteId: me.athleteId, body: "Wrong athlete, sorry" });
    await archiveNote(clinic, { athleteId: me.athleteId, noteId: id });
    expect(await listNotes(clinic, me.athleteId)).toHaveLength(0);
    const [stored] = await getDb().select().from(clinicalNotes).where(eq(clinicalNotes.id, id));
    expect(stored!.archivedAt).not.toBeNull();
    await expect(addNote(clinic, { athleteId: me.athleteId, body: "Correcting an archived note", correctsNoteId: id })).rejects.toMatchObject({ code: "conflict" });
  });

  it("search filters on the server, LIKE wildcards taken literally", async () => {
    const clinic = await makeClinic("Search");
    const me = await makeAthlete(clinic);
    await addNote(clinic, { athleteId: me.athleteId, body: "Hip abductor strength 4/5 on the left." });
    await addNote(clinic, { athleteId: me.athleteId, body: "Taping helped 100% on the long run." });
    expect((await listNotes(clinic, me.athleteId, { q: "ABDUCTOR" })).map((n) => n.body)).toEqual(["Hip abductor strength 4/5 on the left."]);
    expect((await listNotes(clinic, me.athleteId, { q: "100%" })).map((n) => n.body)).toEqual(["Taping helped 100% on the long run."]);
    expect(await listNotes(clinic, me.athleteId, { q: "%" })).toHaveLength(1);
    expect(await listNotes(clinic, me.athleteId, { q: "nothing like this" })).toHaveLength(0);
  });

  it("a note ties to the athlete's own alert; another athlete's alert is a field error", async () => {
    const clinic = await makeClinic("Links");
    const me = await makeAthlete(clinic);
    const other = await makeAthlete(clinic, "Other");
    await recordCheckIn(me, { morningPain: 8, redFlags: {}, tapeYesterday: false });
    await recordCheckIn(other, { morningPain: 8, redFlags: {}, tapeYesterday: false });
    const [mine] = await getDb().select({ id: alerts.id }).from(alerts).where(eq(alerts.athleteId, me.athleteId));
    const [theirs] = await getDb().select({ id: alerts.id }).from(alerts).where(eq(alerts.athleteId, other.athleteId));
    await addNote(clinic, { athleteId: me.athleteId, body: "Called about the pain score.", alertId: mine!.id });
    expect((await listNotes(clinic, me.athleteId))[0]!.alert?.id).toBe(mine!.id);
    await expect(addNote(clinic, { athleteId: me.athleteId, body: "Wrong link", alertId: theirs!.id })).rejects.toMatchObject({ code: "invalid", fieldErrors: { alertId: [expect.any(String)] } });
  });

  it("the owner's record export holds the notes and episodes; the athlete's own export holds neither", async () => {
    const clinic = await makeClinic("Records");
    const me = await makeAthlete(clinic, "Requester");
    const colleague = await makeTrainer(clinic);
    const other = await makeClinic("Records elsewhere");
    const { id } = await addNote(clinic, { athleteId: me.athleteId, body: "Staff-only observation XYZZY." });
    await archiveNote(clinic, { athleteId: me.athleteId, noteId: id });
    await addNote(clinic, { athleteId: me.athleteId, body: "Second observation PLUGH." });
    const record = await exportAthleteRecord(clinic, me.athleteId);
    const notes = record.datasets.clinical_notes!;
    expect(notes.map((n) => n.body)).toEqual(["Staff-only observation XYZZY.", "Second observation PLUGH."]);
    expect(notes[0]).toMatchObject({ authorName: expect.any(String), archivedAt: expect.any(Date) });
    expect(record.datasets.injury_episodes).toHaveLength(1);
    expect(record.datasets.check_ins).toBeDefined();

    await recordCheckIn(me, { morningPain: 8, redFlags: {}, tapeYesterday: false });
    const mine = JSON.stringify(await exportAthleteData(me));
    expect(mine).toContain("morningPain");
    expect(mine).not.toMatch(/XYZZY|PLUGH|clinical_notes|injury_episodes|episodeId/);
    // the staff's export keeps which episode an alert belongs to
    expect((await exportAthleteRecord(clinic, me.athleteId)).datasets.alerts![0]).toMatchObject({ episodeId: expect.any(String) });

    const clinicWide = await exportClinicData(clinic);
    expect(clinicWide.datasets.clinical_notes).toHaveLength(2);
    expect(clinicWide.datasets.injury_episodes).toHaveLength(1);

    await expect(exportAthleteRecord(colleague, me.athleteId)).rejects.toMatchObject({ code: "forbidden" });
    await expect(exportAthleteRecord(other, me.athleteId)).rejects.toMatchObject({ code: "not_found" });
  });
});
