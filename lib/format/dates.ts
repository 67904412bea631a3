// Dates as people read them, in the given locale. Calendar days are "YYYY-MM-DD" strings (a day in
// the athlete's time zone, §3): they are formatted as that day in UTC, so no time zone can shift
// them to the day before. Instants (a Date) are shown in the time zone the caller names.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, f);
  }
  return f;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function dayAsUtc(day: string): Date {
  const m = ISO_DAY.exec(day);
  if (!m) throw new RangeError(`Not a calendar day (YYYY-MM-DD): ${day}`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

const onDay = (day: string, locale: string, options: Intl.DateTimeFormatOptions) =>
  formatter(locale, { ...options, timeZone: "UTC" }).format(dayAsUtc(day));

/**
 * A day in a list or a heading: "Mon 2 Dec" within `today`'s year, "2 Dec 2025" otherwise
 * (en-GB; en-US writes "Mon, Dec 2" and "Dec 2, 2025"). Without `today` the year is always shown.
 */
export function formatDay(day: string, locale: string, today?: string): string {
  if (today !== undefined && today.slice(0, 4) === day.slice(0, 4)) return formatDayWithWeekday(day, locale);
  return onDay(day, locale, { day: "numeric", month: "short", year: "numeric" });
}

/** A day with its weekday, never the year (a chart's tooltip, where the axis shows the span): "Mon 2 Dec". */
export function formatDayWithWeekday(day: string, locale: string): string {
  return onDay(day, locale, { weekday: "short", day: "numeric", month: "short" });
}

/** A day spelled out, for the heading of a day's page: "Monday 2 December". */
export function formatLongDay(day: string, locale: string): string {
  return onDay(day, locale, { weekday: "long", day: "numeric", month: "long" });
}

/** A short day for chart axes and table rows: "2 Dec". */
export function formatShortDay(day: string, locale: string): string {
  return onDay(day, locale, { day: "numeric", month: "short" });
}

/** The weekday of a day: "Monday". */
export function formatWeekday(day: string, locale: string): string {
  return onDay(day, locale, { weekday: "long" });
}

/** A moment, in a time zone: "2 Dec 2025, 14:30" (en-GB) or "Dec 2, 2025, 2:30 PM" (en-US). */
export function formatDateTime(at: Date, locale: string, timeZone: string): string {
  return formatter(locale, { dateStyle: "medium", timeStyle: "short", timeZone }).format(at);
}

/** The date of a moment, in a time zone: "2 Dec 2025"; `long` spells the month: "2 December 2025". */
export function formatDate(at: Date, locale: string, timeZone: string, { long = false } = {}): string {
  return formatter(locale, { dateStyle: long ? "long" : "medium", timeZone }).format(at);
}
