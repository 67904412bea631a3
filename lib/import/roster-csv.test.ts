import { describe, expect, it } from "vitest";
import { parseRosterCsv } from "./roster-csv";

describe("parseRosterCsv", () => {
  it("reads a comma file with a BOM and maps headers and status words", () => {
    const csv = "\uFEFFName,Email,Group,Birth year,Injured side,Status\nAda Park,ADA@example.com,Cross country,2007,Right,Return to run\n";
    const { rows, fileErrors } = parseRosterCsv(csv);
    expect(fileErrors).toEqual([]);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.errors).toEqual([]);
    expect(rows[0]!.input).toMatchObject({ name: "Ada Park", email: "ada@example.com", sportGroup: "Cross country", birthYear: 2007, injuredSide: "right", status: "return_to_run" });
  });

  it("reads a semicolon file", () => {
    const { rows } = parseRosterCsv("name;email;status\nBo Lind;bo@example.com;active\nCy Ode;;cleared\n");
    expect(rows.map((r) => r.input?.name)).toEqual(["Bo Lind", "Cy Ode"]);
  });

  it("gives each bad row its own readable errors", () => {
    const csv = [
      "name,email,status",
      ",nobody@example.com,active",
      "Dee,not-an-email,active",
      "Eve,eve@example.com,injured",
      "Fay,taken@example.com,active",
      "Gil,gil@example.com,active",
      "Gil Two,GIL@example.com,active",
    ].join("\r\n");
    const { rows } = parseRosterCsv(csv, new Set(["taken@example.com"]));
    expect(rows.map((r) => [r.line, r.errors])).toEqual([
      [2, ["Enter the athlete's name."]],
      [3, ["Enter a valid email address, like name@example.com."]],
      [4, ['Unknown status "injured": use active, return to run, cleared or archived.']],
      [5, ["An athlete with taken@example.com is already on your roster."]],
      [6, []],
      [7, ["gil@example.com is already on line 6 of this file."]],
    ]);
    expect(rows.filter((r) => r.input).map((r) => r.input!.name)).toEqual(["Gil"]);
  });

  it("explains a file without a name column", () => {
    expect(parseRosterCsv("email\nx@example.com\n").fileErrors[0]).toMatch(/"name" column/);
    expect(parseRosterCsv("").fileErrors[0]).toMatch(/empty/);
  });
});
