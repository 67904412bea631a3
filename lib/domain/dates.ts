// Local calendar dates as "YYYY-MM-DD" strings. Arithmetic runs on UTC midnights so that daylight
// saving never makes a "day" 23 or 25 hours long; only localDateOf/todayIn look at a time zone.
import type { IsoDate } from "./types";

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

// Every windowed rule walks dates one by one, so a chart series makes hundreds of thousands of
// conversions; memoising them (a few thousand distinct dates in practice) keeps that cheap.
const MEMO_LIMIT = 100_000;
const msByDate = new Map<IsoDate, number>();
const dateByMs = new Map<number, IsoDate>();

function remember<K, V>(memo: Map<K, V>, key: K, value: V): V {
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, value);
  return value;
}

function fromUtcMs(ms: number): IsoDate {
  return dateByMs.get(ms) ?? remember(dateByMs, ms, new Date(ms).toISOString().slice(0, 10));
}

function toUtcMs(date: IsoDate): number {
  const known = msByDate.get(date);
  if (known !== undefined) return known;
  const m = ISO_DATE.exec(date);
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : Number.NaN;
  // The round trip rejects impossible dates such as 2026-02-30 that Date.UTC would roll over.
  if (Number.isNaN(ms) || fromUtcMs(ms) !== date) {
    throw new RangeError(`Not a calendar date: ${date}`);
  }
  return remember(msByDate, date, ms);
}

export function isIsoDate(value: string): boolean {
  try {
    toUtcMs(value);
    return true;
  } catch {
    return false;
  }
}

export function addDays(date: IsoDate, n: number): IsoDate {
  return fromUtcMs(toUtcMs(date) + n * MS_PER_DAY);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / MS_PER_DAY);
}

/** Every date from `from` to `to`, both included; empty when `to` is before `from`. */
export function rangeOfDates(from: IsoDate, to: IsoDate): IsoDate[] {
  const start = toUtcMs(from);
  const count = daysBetween(from, to) + 1;
  const dates: IsoDate[] = [];
  for (let i = 0; i < count; i++) dates.push(fromUtcMs(start + i * MS_PER_DAY));
  return dates;
}

/** The Monday of the ISO week (Mon–Sun) containing `date`. */
export function mondayOf(date: IsoDate): IsoDate {
  const weekday = new Date(toUtcMs(date)).getUTCDay(); // 0 = Sunday
  return addDays(date, -((weekday + 6) % 7));
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // Throws RangeError for an unknown IANA name, which is what a caller should see.
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      numberingSystem: "latn",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The calendar date an instant falls on in `timeZone` (§3: an activity's date is its start's local date). */
export function localDateOf(instant: Date, timeZone: string): IsoDate {
  const parts = formatterFor(timeZone).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year").padStart(4, "0")}-${get("month")}-${get("day")}`;
}

/** "Today" for the athlete (§2a missed check-ins): today where they are, not on the server. */
export function todayIn(timeZone: string, now: Date = new Date()): IsoDate {
  return localDateOf(now, timeZone);
}
