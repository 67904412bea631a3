import { describe, expect, it } from "vitest";
import { RED_FLAGS } from "@/lib/domain/types";
import { checkInFormSchema, exerciseLogFormSchema, shoeFormSchema, shoeUpdateFormSchema } from "./reporting-forms";

const errorsOf = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((r.error?.issues ?? []).map((i) => [String(i.path[0]), i.message]));

describe("the check-in form answers nothing for the athlete", () => {
  it("refuses a check-in that does not answer 'Any of these today?'", () => {
    const r = checkInFormSchema.safeParse({ morningPain: "2" });
    expect(r.success).toBe(false);
    expect(errorsOf(r)).toEqual({ redFlagsAny: "Answer \u201cAny of these today?\u201d: choose None or Yes." });
  });

  it("'None' records all seven as no", () => {
    const r = checkInFormSchema.parse({ morningPain: "2", redFlagsAny: "none" });
    expect(r.redFlags).toEqual(Object.fromEntries(RED_FLAGS.map((f) => [f, false])));
  });

  it("'Yes' needs each of the seven answered, and records them", () => {
    const missing = checkInFormSchema.safeParse({ morningPain: "2", redFlagsAny: "yes", flag_clicking: "yes" });
    expect(missing.success).toBe(false);
    expect(Object.keys(errorsOf(missing)).sort()).toEqual(RED_FLAGS.filter((f) => f !== "clicking").map((f) => `flag_${f}`).sort());
    const all = Object.fromEntries(RED_FLAGS.map((f) => [`flag_${f}`, f === "swelling" ? "yes" : "no"]));
    const r = checkInFormSchema.parse({ morningPain: "2", redFlagsAny: "yes", ...all });
    expect(r.redFlags).toEqual(Object.fromEntries(RED_FLAGS.map((f) => [f, f === "swelling"])));
  });

  it("exercise pain left blank is not reported, never 0", () => {
    expect(exerciseLogFormSchema.parse({ clientId: crypto.randomUUID(), programItemId: crypto.randomUUID(), setsDone: "3", exercisePain: "" }).exercisePain).toBeUndefined();
    expect(exerciseLogFormSchema.parse({ clientId: crypto.randomUUID(), programItemId: crypto.randomUUID(), setsDone: "3", exercisePain: "0" }).exercisePain).toBe(0);
  });
});

describe("the shoe reminder is typed in the athlete's unit and stored in metres", () => {
  it("reads kilometres and miles", () => {
    expect(shoeFormSchema("km").parse({ name: "Pegasus", reminder: "800" })).toEqual({ name: "Pegasus", reminderM: 800_000 });
    expect(shoeFormSchema("mi").parse({ name: "Pegasus", reminder: "500" })).toEqual({ name: "Pegasus", reminderM: 804_672 });
    expect(shoeFormSchema("km").parse({ name: "Pegasus", reminder: "" })).toEqual({ name: "Pegasus", reminderM: undefined });
  });

  it("says the limits in the unit", () => {
    expect(errorsOf(shoeFormSchema("mi").safeParse({ name: "Pegasus", reminder: "10" }))).toEqual({ reminder: "Set the reminder between 31.1 and 3106.9 mi." });
    expect(errorsOf(shoeUpdateFormSchema("km").safeParse({ id: crypto.randomUUID(), reminder: "lots" }))).toEqual({ reminder: "Enter the reminder distance in km as a number." });
  });

  it("an edit may change the reminder alone", () => {
    const id = crypto.randomUUID();
    expect(shoeUpdateFormSchema("km").parse({ id, reminder: "650" })).toEqual({ id, reminderM: 650_000, retired: undefined });
    expect(shoeUpdateFormSchema("km").parse({ id, retired: "yes" })).toEqual({ id, reminderM: undefined, retired: true });
  });
});
