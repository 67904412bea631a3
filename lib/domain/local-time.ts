import { TZDate } from "@date-fns/tz";
import type { IsoDate } from "./types";

/** The instant of a wall-clock date and time in an IANA zone ("2026-03-29", "01:30", "Europe/London"). */
export function instantOf(date: IsoDate, time: string, timeZone: string): Date {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const [hh, mm] = time.split(":").map(Number) as [number, number];
  return new Date(new TZDate(y, m - 1, d, hh, mm, 0, 0, timeZone).getTime());
}

/** "HH:MM" of an instant in a zone, for editing forms. */
export function wallTimeOf(instant: Date, timeZone: string): string {
  const d = new TZDate(instant.getTime(), timeZone);
  return `${String(d.getHours()).padStart(2, "0")}:${String(d.getMinutes()).padStart(2, "0")}`;
}
