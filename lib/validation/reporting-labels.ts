/**
 * The words and choices the reporting forms show, with no schema library attached: client
 * components import these from here so zod stays on the server (reporting.ts re-exports them).
 */

import { ACTIVITY_TYPES } from "@/lib/domain/types";

export { ACTIVITY_TYPES };
export const ACTIVITY_LABELS: Record<(typeof ACTIVITY_TYPES)[number], string> = {
  run: "Run",
  walk: "Walk",
  bike: "Bike",
  swim: "Swim",
  water_jog: "Water jog",
  other: "Other",
};

/** Borg CR-10 words beside the numbers, so "6" means the same to everyone. */
export const CR10_WORDS: Record<number, string> = {
  0: "Rest",
  1: "Very, very easy",
  2: "Easy",
  3: "Moderate",
  4: "Somewhat hard",
  5: "Hard",
  6: "Hard",
  7: "Very hard",
  8: "Very hard",
  9: "Very hard",
  10: "Maximal",
};
