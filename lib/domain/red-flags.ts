// Red flags (DESIGN §2 "Red flags"): each is its own yes/no; any one pauses progression and
// three of them need same-day contact.
import { addDays } from "./dates";
import { RED_FLAGS, URGENT_RED_FLAGS } from "./types";
import type { CheckIn, IsoDate, RedFlag } from "./types";

/** Wording the athlete was asked, reused in alert reasons. */
export const RED_FLAG_LABELS: Record<RedFlag, string> = {
  clicking: "painful catching or clicking",
  locking: "locking (cannot fully straighten the knee)",
  giving_way: "giving way",
  swelling: "swelling",
  night_pain: "pain at night or at rest",
  cannot_bear_weight: "unable to bear weight",
  hot_red_fever: "a hot, red knee or fever",
};

export function isUrgentRedFlag(flag: RedFlag): boolean {
  return URGENT_RED_FLAGS.has(flag);
}

/** Flags answered yes, in the fixed order of RED_FLAGS so output is stable. */
export function redFlagsOf(checkIn: Pick<CheckIn, "redFlags"> | undefined): RedFlag[] {
  if (!checkIn) return [];
  return RED_FLAGS.filter((flag) => checkIn.redFlags[flag] === true);
}

/** Every yes answer in from…to (both included), oldest first. */
export function redFlagsBetween(
  checkIns: ReadonlyMap<IsoDate, CheckIn>,
  from: IsoDate,
  to: IsoDate,
): { date: IsoDate; flag: RedFlag }[] {
  const found: { date: IsoDate; flag: RedFlag }[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) {
    for (const flag of redFlagsOf(checkIns.get(date))) found.push({ date, flag });
  }
  return found;
}
