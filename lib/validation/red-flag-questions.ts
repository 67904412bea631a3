import type { RedFlag } from "@/lib/domain/types";

/** The red-flag questions in the words an athlete answers them in (DESIGN §2 Red flags). */
export const RED_FLAG_QUESTIONS: { code: RedFlag; question: string }[] = [
  { code: "clicking", question: "Painful catching or clicking on the inside of the knee?" },
  { code: "locking", question: "Knee locking (you could not fully straighten it)?" },
  { code: "giving_way", question: "Knee giving way?" },
  { code: "swelling", question: "Swelling of the knee?" },
  { code: "night_pain", question: "Pain at night or at rest?" },
  { code: "cannot_bear_weight", question: "Unable to put weight on the leg?" },
  { code: "hot_red_fever", question: "A hot, red knee, or a fever?" },
];
