import { describe, expect, it } from "vitest";
import { z } from "zod";
import { importMetaSchema } from "./activity-import";
import { athleteFormSchema, athleteInputSchema, athletePatchSchema, rosterApiQuerySchema, rosterQuerySchema } from "./athletes";
import { apiTokenSchema } from "./api-tokens";
import { signUpSchema } from "./accounts";
import { libraryQuerySchema } from "./exercises";
import { fromFormText, hasControlCharacters, hasVisibleCharacter, nameText, withoutControlCharacters } from "./fields";
import { addItemSchema, prescriptionSchema, programPostSchema } from "./programs";
import { activitySchema, checkInSchema, exerciseLogSchema, shoeSchema } from "./reporting";
import { activityFormSchema, checkInFormSchema, exerciseLogFormSchema, shoeFormSchema } from "./reporting-forms";
import { triageQuerySchema } from "./triage";

const uuid = "3f1c1c3e-8a4b-4c39-9a55-1f6f0c0b8a11";
const other = "0d9b8a2e-3c4f-4e6a-8b1c-2d3e4f5a6b7c";

/** Every value issue 18 saw coerced: none of them is a number a person gave. */
const NOT_NUMBERS: unknown[] = [null, "", " ", false, true, [], [5], "5", {}, "NaN", Number.NaN, Number.POSITIVE_INFINITY];

/** Each numeric field of each JSON body, with a valid body around it. */
const JSON_FIELDS: { name: string; schema: z.ZodType; valid: Record<string, unknown>; field: string; optional?: boolean }[] = [
  { name: "check-in", schema: checkInSchema, valid: { morningPain: 3 }, field: "morningPain" },
  ...["rpe", "durationSec", "distanceM", "painDuring", "painAfter"].map((field) => ({
    name: "activity",
    schema: activitySchema,
    valid: { clientId: uuid, type: "run", date: "2026-11-20", durationSec: 1800, distanceM: 5000, rpe: 4, painDuring: 2, painAfter: 1 },
    field,
    optional: field === "painDuring" || field === "painAfter",
  })),
  ...["setsDone", "exercisePain"].map((field) => ({
    name: "exercise log",
    schema: exerciseLogSchema,
    valid: { clientId: uuid, programItemId: other, setsDone: 3, exercisePain: 1 },
    field,
    optional: field === "exercisePain",
  })),
  ...["sets", "reps", "daysPerWeek"].map((field) => ({ name: "program item", schema: programPostSchema, valid: { exerciseId: uuid, sets: 3, reps: 10, daysPerWeek: 3 }, field, optional: field === "reps" })),
  { name: "athlete", schema: athleteInputSchema, valid: { name: "Ada", birthYear: 2004 }, field: "birthYear", optional: true },
];

describe("JSON numbers are taken strictly (issue 18 item 4)", () => {
  for (const f of JSON_FIELDS) {
    it(`${f.name}.${f.field}: a number passes; nothing else becomes one`, () => {
      expect(f.schema.safeParse(f.valid).success).toBe(true);
      for (const bad of NOT_NUMBERS) {
        // null is "not reported" for an optional field of a new record (and "clear it" for a PATCH)
        if (bad === null && f.optional) continue;
        const r = f.schema.safeParse({ ...f.valid, [f.field]: bad });
        expect(r.success, `${f.name}.${f.field} = ${JSON.stringify(bad)}`).toBe(false);
        // (the program body is a union of "an item" and "a template": its issues are nested one level down)
        const issues = r.error!.issues.flatMap((i) => (i.code === "invalid_union" ? i.errors.flat() : [i]));
        expect(issues.some((i) => i.path[0] === f.field && i.message.length > 0)).toBe(true);
      }
    });
  }

  it("an optional score sent as null is not reported, never 0", () => {
    const a = activitySchema.parse({ clientId: uuid, type: "bike", date: "2026-11-20", durationSec: 1800, rpe: 4, painDuring: null, painAfter: null });
    expect(a.painDuring).toBeUndefined();
    expect(a.painAfter).toBeUndefined();
    expect(exerciseLogSchema.parse({ clientId: uuid, programItemId: other, setsDone: 3, exercisePain: null }).exercisePain).toBeUndefined();
  });

  it("a PATCH may clear the birth year with null; a blank string is refused", () => {
    expect(athletePatchSchema.parse({ birthYear: null }).birthYear).toBeNull();
    expect(athletePatchSchema.safeParse({ birthYear: "" }).success).toBe(false);
    expect(athletePatchSchema.safeParse({ birthYear: "2004" }).success).toBe(false);
  });

  it("scores outside 0–10 and fractions are refused with a message", () => {
    for (const v of [-1, 11, 2.5]) expect(checkInSchema.safeParse({ morningPain: v }).error?.issues[0]?.message).toMatch(/0 (and|to) 10/);
  });
});

describe("forms: an empty field is not reported where optional and an error where required", () => {
  const flags = { redFlagsAny: "yes", flag_clicking: "no", flag_locking: "no", flag_giving_way: "no", flag_swelling: "no", flag_night_pain: "no", flag_cannot_bear_weight: "no", flag_hot_red_fever: "no" };

  it("fromFormText reads plain decimals only", () => {
    expect(fromFormText(" 7 ")).toBe(7);
    expect(fromFormText("4.5")).toBe(4.5);
    expect(fromFormText("6,5", { decimalComma: true })).toBe(6.5);
    for (const blank of ["", "  ", undefined, null]) expect(fromFormText(blank)).toBeUndefined();
    for (const text of ["1e3", "0x10", "Infinity", "12abc", "five"]) expect(fromFormText(text)).toBe(text);
  });

  it("check-in: morning pain is required; blank or text is a field error, never 0", () => {
    expect(checkInFormSchema.parse({ morningPain: "0", ...flags }).morningPain).toBe(0);
    for (const bad of ["", " ", "abc", "1e1", "11"]) {
      const r = checkInFormSchema.safeParse({ morningPain: bad, ...flags });
      expect(r.success, JSON.stringify(bad)).toBe(false);
      expect(r.error!.issues.some((i) => i.path[0] === "morningPain")).toBe(true);
    }
  });

  it("activity: effort required, pain during/after optional (blank = not reported)", () => {
    const base = { clientId: uuid, type: "bike", date: "2026-11-20", duration: "30", distance: "", rpe: "4", painDuring: "", painAfter: " " };
    const ok = activityFormSchema("km").parse(base);
    expect(ok.painDuring).toBeUndefined();
    expect(ok.painAfter).toBeUndefined();
    expect(ok.distanceM).toBeUndefined();
    expect(activityFormSchema("km").safeParse({ ...base, rpe: " " }).success).toBe(false);
    expect(activityFormSchema("km").safeParse({ ...base, painDuring: "x" }).success).toBe(false);
    expect(activityFormSchema("km").safeParse({ ...base, distance: "0x10" }).success).toBe(false);
  });

  it("exercise log: sets required, exercise pain optional", () => {
    const base = { clientId: uuid, programItemId: other, setsDone: "3", exercisePain: "" };
    expect(exerciseLogFormSchema.parse(base).exercisePain).toBeUndefined();
    expect(exerciseLogFormSchema.safeParse({ ...base, setsDone: "" }).success).toBe(false);
    expect(exerciseLogFormSchema.safeParse({ ...base, exercisePain: "true" }).success).toBe(false);
  });

  it("watch-file import: blank pain is not reported, blank effort takes the default, text is refused", () => {
    const m = importMetaSchema.parse({ clientIds: [uuid], rpe: "", painDuring: "", painAfter: null });
    expect(m).toMatchObject({ rpe: 4, painDuring: undefined, painAfter: undefined });
    expect(importMetaSchema.safeParse({ clientIds: [uuid], painDuring: "five" }).success).toBe(false);
  });

  it("dosage, prescription, shoe, token and athlete forms: blank required fields are errors, blank optional ones absent", () => {
    expect(addItemSchema.safeParse({ athleteId: uuid, exerciseId: other, sets: "", reps: "10", daysPerWeek: "3" }).success).toBe(false);
    expect(addItemSchema.parse({ athleteId: uuid, exerciseId: other, sets: "3", reps: "", holdSec: "30", daysPerWeek: "3" })).toMatchObject({ sets: 3, reps: undefined, holdSec: 30 });
    expect(prescriptionSchema.safeParse({ athleteId: uuid, unit: "km", weeklyDistance: "", longestRun: "" }).success).toBe(false);
    expect(prescriptionSchema.parse({ athleteId: uuid, unit: "km", weeklyDistance: "20", longestRun: "8", runMinutes: "", walkMinutes: "" })).toMatchObject({ weeklyDistance: 20, runMinutes: undefined });
    expect(shoeFormSchema("km").parse({ name: "Pegasus", reminder: " " }).reminderM).toBeUndefined();
    expect(shoeFormSchema("km").safeParse({ name: "Pegasus", reminder: "1e3" }).success).toBe(false);
    expect(apiTokenSchema.safeParse({ name: "Sheet", scope: "read", expiresInDays: "" }).success).toBe(false);
    expect(athleteFormSchema.parse({ name: "Ada", birthYear: "" }).birthYear).toBeNull();
    expect(athleteFormSchema.parse({ name: "Ada", birthYear: "2004" }).birthYear).toBe(2004);
    expect(athleteFormSchema.safeParse({ name: "Ada", birthYear: "twenty" }).success).toBe(false);
  });

  it("query strings: a page number is a number or absent", () => {
    expect(rosterApiQuerySchema.safeParse({ page: " " }).data?.page).toBeUndefined();
    expect(rosterApiQuerySchema.safeParse({ page: "1e2" }).success).toBe(false);
    expect(rosterQuerySchema.parse({ page: "abc" }).page).toBeUndefined();
  });
});

describe("control characters and invisible names (issue 18 items 5 and 10)", () => {
  const NUL = "a\u0000b";
  it("finds control and bidi characters; tab and line breaks only count on one line", () => {
    for (const s of [NUL, "\u0007", "\u007f", "\u0085", "x\u202Ey", "\u2066", "\u001b[31m"]) expect(hasControlCharacters(s), JSON.stringify(s)).toBe(true);
    expect(hasControlCharacters("line 1\nline 2\tend", { multiline: true })).toBe(false);
    expect(hasControlCharacters("line 1\nline 2")).toBe(true);
    for (const s of ["Zoë O'Brien", "مریم", "李小龍", "👩‍⚕️ Dr. Ng", "a\u200db"]) expect(hasControlCharacters(s), s).toBe(false);
  });

  it("strips them from keys and filters", () => {
    expect(withoutControlCharacters(` ${NUL}\u202E\n`)).toBe(" ab");
  });

  it("a name needs a visible character", () => {
    for (const s of ["\u200B\u200B", "\u200E\u200F", "\u2060", "\uFEFF\u200D", "\u3164", "\u00AD", "\u034F"]) expect(hasVisibleCharacter(s), JSON.stringify(s)).toBe(false);
    for (const s of ["A", "é", "7", "مریم", "👍"]) expect(hasVisibleCharacter(s), s).toBe(true);
    const name = nameText("the name").trim().min(1, "Enter the name.");
    expect(name.safeParse("\u200B\u200C\u200D").error?.issues[0]?.message).toMatch(/visible/);
    expect(name.safeParse("  ").error?.issues[0]?.message).toBe("Enter the name.");
    expect(name.parse(" Zoë ")).toBe("Zoë");
  });

  it("every stored text field refuses NUL and bidi overrides", () => {
    const cases: [z.ZodType, Record<string, unknown>, string][] = [
      [athleteInputSchema, { name: "Ada" }, "name"],
      [athleteInputSchema, { name: "Ada" }, "notes"],
      [athleteInputSchema, { name: "Ada" }, "sportGroup"],
      [athleteFormSchema, { name: "Ada" }, "condition"],
      [checkInSchema, { morningPain: 1 }, "note"],
      [signUpSchema, { clinicName: "Clinic", name: "Sam", email: "s@example.com", password: "long-enough-pw", timeZone: "UTC" }, "clinicName"],
      [signUpSchema, { clinicName: "Clinic", name: "Sam", email: "s@example.com", password: "long-enough-pw", timeZone: "UTC" }, "name"],
      [shoeSchema, { name: "Pegasus" }, "name"],
      [apiTokenSchema, { name: "Sheet", scope: "read", expiresInDays: "30" }, "name"],
    ];
    for (const [schema, valid, field] of cases) {
      expect(schema.safeParse({ ...valid, [field]: "ok text" }).success, field).toBe(true);
      for (const bad of [NUL, "abc\u202Edef"]) {
        const r = schema.safeParse({ ...valid, [field]: bad });
        expect(r.success, `${field} = ${JSON.stringify(bad)}`).toBe(false);
        expect(r.error!.issues.some((i) => i.path[0] === field && /control characters/.test(i.message))).toBe(true);
      }
    }
    expect(athleteInputSchema.safeParse({ name: "\u200B\u2066\u2069" }).success).toBe(false);
    expect(signUpSchema.safeParse({ clinicName: "\u200B\u200B\u200B", name: "Sam", email: "s@example.com", password: "long-enough-pw", timeZone: "UTC" }).success).toBe(false);
  });

  it("page filters drop control characters instead of reaching the database", () => {
    expect(triageQuerySchema.parse({ group: "\u0000" }).group).toBeUndefined();
    expect(triageQuerySchema.parse({ group: "Cross\u0000 country" }).group).toBe("Cross country");
    expect(libraryQuerySchema.parse({ q: "clam\u0000" }).q).toBe("clam");
    expect(rosterQuerySchema.parse({ q: "\u0000", group: "x\u0000y" })).toMatchObject({ q: undefined, group: "xy" });
    expect(rosterApiQuerySchema.safeParse({ q: "\u0000" }).success).toBe(false);
  });
});
