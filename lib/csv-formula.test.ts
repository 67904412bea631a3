import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { toCsv } from "@/app/_components/charts/table-data";
import { neutraliseFormula } from "./csv-formula";
import { datasetToCsv } from "./export-files";

/** Issue 18 item 8: no CSV the app writes starts a cell with a formula. */
const HOSTILE = ["=HYPERLINK(\"http://x\",\"y\")", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)", "\t=1", "\r=1"];

describe("CSV formula injection", () => {
  it("neutralises text starting with = + - @ tab or CR, and leaves numbers and plain text alone", () => {
    for (const s of HOSTILE) expect(neutraliseFormula(s), JSON.stringify(s)).toBe(`'${s}`);
    for (const s of ["-3", "+1.5", "-0.25", "12", "Pegasus 41", "a=b", "", "e-mail"]) expect(neutraliseFormula(s), s).toBe(s);
  });

  it("the data-rights export (papaparse) writes every hostile text as inert text, numbers as numbers", () => {
    const csv = datasetToCsv(HOSTILE.map((note, i) => ({ note, morningPain: -i, nested: { x: 1 } })));
    const [header, ...rows] = Papa.parse<string[]>(csv.trim()).data;
    expect(header).toEqual(["note", "morningPain", "nested"]);
    rows.forEach((r, i) => {
      expect(r[0]).toBe(`'${HOSTILE[i]}`);
      expect(r[1]).toBe(String(-i));
    });
  });

  it("a chart's CSV download does the same", () => {
    const csv = toCsv([{ key: "shoe", label: "Shoe", value: (r: { shoe: string }) => r.shoe }, { key: "d", label: "Δ", value: () => "-1.5" }], HOSTILE.map((shoe) => ({ shoe })));
    const [, ...rows] = Papa.parse<string[]>(csv.trim()).data;
    rows.forEach((r, i) => expect(r).toEqual([`'${HOSTILE[i]}`, "-1.5"]));
  });
});
