import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { Client } from "pg";
import { recordActivity } from "@/lib/data/activities";
import { recordCheckIn } from "@/lib/data/check-ins";
import { exportAthleteData, exportClinicData } from "@/lib/data/export";
import { todayIn } from "@/lib/domain/dates";
import { activitySchema } from "@/lib/validation/reporting";
import { makeAthlete, makeClinic } from "@/tests/integration/factories";

const run = () =>
  activitySchema.parse({ clientId: crypto.randomUUID(), type: "run", date: todayIn("Europe/London"), durationSec: 1800, distanceM: 6000, rpe: 5 });

describe("data rights", () => {
  it("an athlete's export holds their records and nobody else's", async () => {
    const clinic = await makeClinic();
    const me = await makeAthlete(clinic, "Me");
    const other = await makeAthlete(clinic, "Other");
    await recordCheckIn(me, { morningPain: 2, redFlags: {}, tapeYesterday: false });
    await recordActivity(me, run());
    await recordActivity(other, run());
    const data = await exportAthleteData(me);
    expect(data.athlete).toMatchObject({ id: me.athleteId, name: "Me" });
    expect(data.datasets.check_ins).toHaveLength(1);
    expect(data.datasets.activities).toHaveLength(1);
    expect(JSON.stringify(data)).not.toContain(other.athleteId);
  });

  it("only the owner exports the clinic, and never a password hash", async () => {
    const a = await makeClinic("A");
    const b = await makeClinic("B");
    const athlete = await makeAthlete(a, "In A");
    await recordActivity(athlete, run());
    const data = await exportClinicData(a);
    expect(data.datasets.athletes).toHaveLength(1);
    expect(data.datasets.activities).toHaveLength(1);
    expect(JSON.stringify(data)).not.toMatch(/passwordHash|password_hash|\$argon2/);
    expect(JSON.stringify(data)).not.toContain(b.clinicId);
    await expect(exportClinicData({ ...a, role: "trainer" })).rejects.toMatchObject({ code: "forbidden" });
  });

  // The backup procedure in the README: pg_dump -Fc, then pg_restore into an empty database.
  it.skipIf(!process.env.DATABASE_URL?.startsWith("postgres"))("a pg_dump backup restores into an empty database with every row", async () => {
    const clinic = await makeClinic();
    const me = await makeAthlete(clinic);
    await recordActivity(me, run());
    const source = process.env.DATABASE_URL!;
    const file = `/tmp/stride-backup-${Date.now()}.dump`;
    execFileSync("pg_dump", ["--format=custom", "--no-owner", `--file=${file}`, source]);
    const target = new URL(source);
    const name = `stride_restore_${Date.now()}`;
    const admin = new Client({ connectionString: source });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    target.pathname = `/${name}`;
    try {
      execFileSync("pg_restore", ["--no-owner", `--dbname=${target.toString()}`, file]);
      const restored = new Client({ connectionString: target.toString() });
      await restored.connect();
      const count = async (c: Client, table: string) => Number((await c.query(`select count(*) from ${table}`)).rows[0].count);
      const src = new Client({ connectionString: source });
      await src.connect();
      for (const table of ["clinics", "users", "athletes", "activities", "exercises"]) {
        expect(await count(restored, table)).toBe(await count(src, table));
      }
      await src.end();
      await restored.end();
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    }
  });
});
