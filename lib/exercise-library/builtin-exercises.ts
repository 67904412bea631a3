// The built-in exercise library (DESIGN §2 "Progression ladders"), as plain data. The seed writes it
// keyed by `slug`, so a slug never changes once shipped; wording and dosage may.
// Hip work carries the stronger evidence for runners' knee pain (Ferber et al., J Athl Train 2015);
// the foot-core ladder follows McKeon et al. (BJSM 2015) and Taddei et al. (AJSM 2020).
// One file on purpose: the ladders read top to bottom as the DESIGN lists them.

import type { Dosage } from "@/lib/domain/ladder";

export const REGIONS = ["hip", "foot", "knee", "core"] as const;
export type Region = (typeof REGIONS)[number];

export const EQUIPMENT = [
  "none",
  "resistance band",
  "ankle weight",
  "dumbbell",
  "step",
  "box or chair",
  "foam pad",
] as const;
export type Equipment = (typeof EQUIPMENT)[number];

export type BuiltinLadder = {
  slug: string;
  name: string;
  region: Region;
  description: string;
};

export type BuiltinExercise = {
  slug: string;
  name: string;
  region: Region;
  ladderSlug: string;
  /** 1-based, easiest first. */
  step: number;
  howTo: string[];
  cues: string[];
  /** For one-sided exercises, reps and holds are per side; for holds, `sets` counts the holds. */
  dosage: Dosage;
  equipment: Equipment[];
};

export const BUILTIN_LADDERS: BuiltinLadder[] = [
  {
    slug: "hip-abduction",
    name: "Hip abduction",
    region: "hip",
    description:
      "Strengthens the muscles on the side of the hip that stop the knee dropping inwards when you land on one leg.",
  },
  {
    slug: "hip-extension",
    name: "Hip extension",
    region: "hip",
    description:
      "Builds the glutes and hamstrings that drive you forward and share the load the knee would otherwise take.",
  },
  {
    slug: "single-leg-control",
    name: "Single-leg control",
    region: "knee",
    description:
      "Teaches the knee to stay in line over the foot as you bend on one leg, from a small step-down up to hopping sideways.",
  },
  {
    slug: "foot-core",
    name: "Foot core",
    region: "foot",
    description:
      "Wakes up the small muscles under the arch so the foot supports itself instead of rolling in.",
  },
  {
    slug: "calf-and-arch",
    name: "Calf and arch",
    region: "foot",
    description:
      "Builds calf and arch strength for push-off and landing, ending with the springy hops running needs.",
  },
  {
    slug: "balance",
    name: "Balance",
    region: "foot",
    description:
      "Trains steadiness on one leg, from standing still to landing a hop, so each stride lands under control.",
  },
];

const STRENGTH_DAYS = 3;
const FOOT_DAYS = 5;
const HOP_DAYS = 2;

export const BUILTIN_EXERCISES: BuiltinExercise[] = [
  // ── Hip abduction ────────────────────────────────────────────────────────────────────────────
  {
    slug: "clamshell",
    name: "Clamshell",
    region: "hip",
    ladderSlug: "hip-abduction",
    step: 1,
    howTo: [
      "Lie on your side with your hips and knees bent and your heels in line with your bottom.",
      "Rest your head on your lower arm and put your top hand on your hip.",
      "Keeping your feet together, lift your top knee as high as you can without your hips rolling back.",
      "Pause for a second at the top, then lower slowly.",
      "Finish the set, then turn over and do the other side.",
    ],
    cues: [
      "Keep your top hip stacked straight over the bottom one.",
      "You should feel it in the side of your bottom, not the front of your hip.",
      "Slow and controlled; no swinging.",
    ],
    dosage: { sets: 3, reps: 15, daysPerWeek: STRENGTH_DAYS },
    equipment: ["none"],
  },
  {
    slug: "banded-clamshell",
    name: "Banded clamshell",
    region: "hip",
    ladderSlug: "hip-abduction",
    step: 2,
    howTo: [
      "Loop a resistance band around both legs just above your knees.",
      "Lie on your side with your hips and knees bent and your heels in line with your bottom.",
      "Keeping your feet together, open your top knee against the band without your hips rolling back.",
      "Hold for a second, then lower slowly against the band.",
      "Finish the set, then turn over and do the other side.",
    ],
    cues: [
      "Keep your top hip stacked over the bottom one.",
      "Control the band on the way down; don't let it snap your knee shut.",
      "Pick a band you can do every rep with, keeping your hips still.",
    ],
    dosage: { sets: 3, reps: 15, daysPerWeek: STRENGTH_DAYS },
    equipment: ["resistance band"],
  },
  {
    slug: "side-lying-hip-abduction",
    name: "Side-lying hip abduction",
    region: "hip",
    ladderSlug: "hip-abduction",
    step: 3,
    howTo: [
      "Lie on your side with your bottom knee bent and your top leg straight, in line with your body.",
      "Point your top toes forward, not up to the ceiling.",
      "Lift your top leg to about hand height above the bottom one, leading with your heel.",
      "Lower slowly over about three seconds.",
      "Finish the set, then turn over and do the other side.",
    ],
    cues: [
      "Keep the leg slightly behind your body, never drifting forward.",
      "Only lift as high as you can without your waist crunching up.",
      "Heel leads, toes stay pointing forward.",
    ],
    dosage: { sets: 3, reps: 12, daysPerWeek: STRENGTH_DAYS },
    equipment: ["none"],
  },
  {
    slug: "side-lying-hip-abduction-loaded",
    name: "Side-lying hip abduction with band or ankle weight",
    region: "hip",
    ladderSlug: "hip-abduction",
    step: 4,
    howTo: [
      "Put a band around both ankles or strap an ankle weight to your top ankle.",
      "Lie on your side with your bottom knee bent and your top leg straight, in line with your body.",
      "Lift your top leg to about hand height, leading with your heel.",
      "Lower slowly over about three seconds.",
      "Finish the set, then turn over and do the other side.",
    ],
    cues: [
      "Keep the leg slightly behind your body, toes pointing forward.",
      "If your hips roll back to get the leg up, the load is too heavy.",
      "Slow on the way down.",
    ],
    dosage: { sets: 3, reps: 12, daysPerWeek: STRENGTH_DAYS },
    equipment: ["resistance band", "ankle weight"],
  },
  {
    slug: "standing-banded-hip-abduction",
    name: "Standing banded hip abduction",
    region: "hip",
    ladderSlug: "hip-abduction",
    step: 5,
    howTo: [
      "Loop a band around both ankles and stand tall, with a hand on a wall if you need it.",
      "Shift your weight onto one leg with a soft knee.",
      "Push the other leg out to the side against the band, keeping your body upright.",
      "Bring it back slowly, then repeat before switching legs.",
    ],
    cues: [
      "Stay tall; don't lean over the standing leg.",
      "The standing hip works too: keep that knee over your foot.",
      "Toes point forward throughout.",
    ],
    dosage: { sets: 3, reps: 12, daysPerWeek: STRENGTH_DAYS },
    equipment: ["resistance band"],
  },
  {
    slug: "lateral-band-walk",
    name: "Lateral band walk",
    region: "hip",
    ladderSlug: "hip-abduction",
    step: 6,
    howTo: [
      "Loop a band around your legs just above your ankles.",
      "Stand with feet hip-width apart and bend into a quarter squat.",
      "Step sideways with one foot, then follow with the other, keeping tension in the band.",
      "Take the set number of steps one way, then the same number back.",
    ],
    cues: [
      "Stay low and keep your hips level; don't bob up and down.",
      "Knees push out over your toes; never let them cave in.",
      "Keep your feet from touching between steps.",
    ],
    dosage: { sets: 3, reps: 10, daysPerWeek: STRENGTH_DAYS },
    equipment: ["resistance band"],
  },
  {
    slug: "side-plank-top-leg-lift",
    name: "Side plank with top-leg lift",
    region: "hip",
    ladderSlug: "hip-abduction",
    step: 7,
    howTo: [
      "Lie on your side propped on your forearm, elbow under your shoulder, legs straight and stacked.",
      "Lift your hips so your body makes a straight line from head to feet.",
      "Holding the plank, lift your top leg up and lower it slowly.",
      "Lower your hips to rest after the set, then do the other side.",
      "If you can't hold the line yet, do it from your knees first.",
    ],
    cues: [
      "Push the floor away with your forearm and keep your hips high.",
      "Lift the top leg slightly behind you, not forward.",
      "Breathe steadily; don't hold your breath.",
    ],
    dosage: { sets: 3, reps: 8, daysPerWeek: STRENGTH_DAYS },
    equipment: ["none"],
  },

  // ── Hip extension ────────────────────────────────────────────────────────────────────────────
  {
    slug: "glute-bridge",
    name: "Glute bridge",
    region: "hip",
    ladderSlug: "hip-extension",
    step: 1,
    howTo: [
      "Lie on your back with knees bent and feet flat, hip-width apart.",
      "Squeeze your bottom and lift your hips until your shoulders, hips and knees are in a line.",
      "Hold for two seconds at the top.",
      "Lower slowly back to the floor.",
    ],
    cues: [
      "Push through your heels.",
      "Lift with your bottom, not by arching your lower back.",
      "Keep your knees in line with your feet; don't let them fall in.",
    ],
    dosage: { sets: 3, reps: 12, daysPerWeek: STRENGTH_DAYS },
    equipment: ["none"],
  },
  {
    slug: "marching-bridge",
    name: "Marching bridge",
    region: "hip",
    ladderSlug: "hip-extension",
    step: 2,
    howTo: [
      "Lie on your back with knees bent and feet flat, hip-width apart.",
      "Lift your hips into a bridge.",
      "Keeping your hips up and level, lift one foot a few centimetres off the floor.",
      "Put it down and lift the other foot. Each lift is one rep.",
      "Lower your hips once the set is done.",
    ],
    cues: [
      "Your hips shouldn't dip or twist when a foot lifts.",
      "Keep squeezing your bottom the whole time.",
      "Small, slow lifts beat big fast ones.",
    ],
    dosage: { sets: 3, reps: 10, daysPerWeek: STRENGTH_DAYS },
    equipment: ["none"],
  },
  {
    slug: "single-leg-bridge",
    name: "Single-leg bridge",
    region: "hip",
    ladderSlug: "hip-extension",
    step: 3,
    howTo: [
      "Lie on your back with one knee bent and that foot flat on the floor.",
      "Lift the other foot off the floor, knee bent or leg straight.",
      "Push through the heel on the floor to lift your hips into a bridge.",
      "Lower slowly, then repeat before switching sides.",
    ],
    cues: [
      "Keep your hips level, like a tray you don't want to spill.",
      "Drive through the heel; toes stay relaxed.",
      "Working knee stays pointing straight up, not falling in.",
    ],
    dosage: { sets: 3, reps: 10, daysPerWeek: STRENGTH_DAYS },
    equipment: ["none"],
  },
  {
    slug: "single-leg-bridge-from-step",
    name: "Single-leg bridge from a step",
    region: "hip",
    ladderSlug: "hip-extension",
    step: 4,
    howTo: [
      "Lie on your back with one heel on a step or low bench and the knee bent.",
      "Lift the other leg up off the floor.",
      "Push through the heel on the step to lift your hips as high as you can.",
      "Lower slowly until your bottom nearly touches the floor, then repeat before switching sides.",
    ],
    cues: [
      "Keep your hips level all the way up and down.",
      "Push through the heel, not the toes.",
      "Finish each rep with a squeeze of your bottom, not an arch in your back.",
    ],
    dosage: { sets: 3, reps: 10, daysPerWeek: STRENGTH_DAYS },
    equipment: ["step"],
  },
  {
    slug: "single-leg-romanian-deadlift",
    name: "Single-leg Romanian deadlift",
    region: "hip",
    ladderSlug: "hip-extension",
    step: 5,
    howTo: [
      "Stand on one leg with a soft bend in the knee.",
      "Hinge forward at the hip, reaching your hands toward the floor as your other leg goes back behind you.",
      "Keep a straight line from your head to your back heel.",
      "Go down until you feel a stretch in the back of your thigh.",
      "Push your hip forward to stand back up tall, then repeat before switching legs.",
    ],
    cues: [
      "Hips stay level; point the back toes at the floor.",
      "Standing knee stays over your foot.",
      "Move slowly and hold a wall with a fingertip if you wobble.",
    ],
    dosage: { sets: 3, reps: 8, daysPerWeek: STRENGTH_DAYS },
    equipment: ["none"],
  },
  {
    slug: "loaded-single-leg-romanian-deadlift",
    name: "Loaded single-leg Romanian deadlift",
    region: "hip",
    ladderSlug: "hip-extension",
    step: 6,
    howTo: [
      "Hold a dumbbell in the hand opposite your standing leg.",
      "Stand on one leg with a soft bend in the knee.",
      "Hinge forward at the hip, lowering the weight toward your foot as your other leg goes back.",
      "Go down until you feel a stretch in the back of your thigh, keeping your back flat.",
      "Push your hip forward to stand tall, then repeat before switching legs.",
    ],
    cues: [
      "Hips stay level; don't let the free hip open up.",
      "Keep the weight close to your leg.",
      "Choose a weight you can control for every rep.",
    ],
    dosage: { sets: 3, reps: 8, daysPerWeek: STRENGTH_DAYS },
    equipment: ["dumbbell"],
  },

  // ── Single-leg control ───────────────────────────────────────────────────────────────────────
  {
    slug: "low-step-down",
    name: "Low step-down",
    region: "knee",
    ladderSlug: "single-leg-control",
    step: 1,
    howTo: [
      "Stand on one leg on a low step (about 10 cm), the other foot hanging just in front.",
      "Slowly bend your standing knee to tap the front heel lightly on the floor.",
      "Push back up through the standing leg without bouncing off the floor.",
      "Repeat, then switch legs.",
    ],
    cues: [
      "Keep your knee pointing over your second toe; don't let it cave in.",
      "Keep your hips level.",
      "Take about three seconds to go down.",
    ],
    dosage: { sets: 3, reps: 10, daysPerWeek: STRENGTH_DAYS },
    equipment: ["step"],
  },
  {
    slug: "lateral-step-down",
    name: "Higher lateral step-down",
    region: "knee",
    ladderSlug: "single-leg-control",
    step: 2,
    howTo: [
      "Stand side-on at the edge of a higher step (about 20 cm) on one leg.",
      "Let the outside foot hang off the side of the step.",
      "Bend your standing knee to lower the outside heel slowly toward the floor.",
      "Tap lightly and push back up to standing tall. Repeat, then switch legs.",
    ],
    cues: [
      "Knee stays over your foot the whole way down.",
      "Sit your hips back a little, as if reaching for a chair.",
      "Stay tall through your trunk; don't lean sideways.",
    ],
    dosage: { sets: 3, reps: 10, daysPerWeek: STRENGTH_DAYS },
    equipment: ["step"],
  },
  {
    slug: "split-squat",
    name: "Split squat",
    region: "knee",
    ladderSlug: "single-leg-control",
    step: 3,
    howTo: [
      "Stand with one foot a long stride in front of the other, back heel lifted.",
      "Lower straight down until your back knee is just above the floor.",
      "Push through your front foot to come back up.",
      "Finish the set, then switch legs.",
    ],
    cues: [
      "Front knee tracks over your toes, not inwards.",
      "Keep your chest up and weight mostly on the front foot.",
      "Go down slowly and come up with control.",
    ],
    dosage: { sets: 3, reps: 10, daysPerWeek: STRENGTH_DAYS },
    equipment: ["none"],
  },
  {
    slug: "single-leg-squat-to-box",
    name: "Single-leg squat to box",
    region: "knee",
    ladderSlug: "single-leg-control",
    step: 4,
    howTo: [
      "Stand in front of a box or chair on one leg, the other foot lifted just in front.",
      "Sit back slowly until your bottom lightly touches the box.",
      "Without resting, push through your standing foot to stand back up.",
      "Repeat, then switch legs.",
    ],
    cues: [
      "Knee stays over your second toe.",
      "Touch the box; don't flop onto it.",
      "Reach your arms forward to help your balance.",
    ],
    dosage: { sets: 3, reps: 8, daysPerWeek: STRENGTH_DAYS },
    equipment: ["box or chair"],
  },
  {
    slug: "single-leg-squat",
    name: "Single-leg squat",
    region: "knee",
    ladderSlug: "single-leg-control",
    step: 5,
    howTo: [
      "Stand on one leg, the other foot lifted just in front.",
      "Bend your standing knee and sit your hips back as far as you can control.",
      "Push back up to standing tall.",
      "Repeat, then switch legs.",
    ],
    cues: [
      "Knee stays over your second toe; hips stay level.",
      "Only go as deep as you can keep good form.",
      "Slow down, two to three seconds each way.",
    ],
    dosage: { sets: 3, reps: 8, daysPerWeek: STRENGTH_DAYS },
    equipment: ["none"],
  },
  {
    slug: "skater-hops",
    name: "Skater hops",
    region: "knee",
    ladderSlug: "single-leg-control",
    step: 6,
    howTo: [
      "Stand on one leg with a soft knee.",
      "Jump sideways and land softly on the other leg.",
      "Hold the landing for a second, then jump back.",
      "Count each landing on each leg as one rep.",
    ],
    cues: [
      "Land quietly, with a bent knee, over the middle of your foot.",
      "The knee stays over your toes when you land; no caving in.",
      "Start with short hops; go further only when every landing is steady.",
    ],
    dosage: { sets: 3, reps: 10, daysPerWeek: HOP_DAYS },
    equipment: ["none"],
  },

  // ── Foot core ────────────────────────────────────────────────────────────────────────────────
  {
    slug: "toe-spreading-seated",
    name: "Toe spreading (seated)",
    region: "foot",
    ladderSlug: "foot-core",
    step: 1,
    howTo: [
      "Sit with your bare feet flat on the floor.",
      "Spread your toes as wide apart as you can, keeping them on the floor.",
      "Hold for five seconds, then relax.",
    ],
    cues: [
      "Make gaps between every toe, including the little one.",
      "Keep your toes long; don't curl them.",
    ],
    dosage: { sets: 10, holdSec: 5, daysPerWeek: FOOT_DAYS },
    equipment: ["none"],
  },
  {
    slug: "toe-yoga-seated",
    name: "Toe yoga (seated)",
    region: "foot",
    ladderSlug: "foot-core",
    step: 2,
    howTo: [
      "Sit with your bare feet flat on the floor.",
      "Lift your big toe while pressing the other four toes into the floor. Hold five seconds.",
      "Swap: press your big toe down and lift the other four. Hold five seconds.",
      "That pair is one hold; repeat.",
    ],
    cues: [
      "Only the toes move: keep your ankle and heel still.",
      "It feels clumsy at first; that's the point.",
    ],
    dosage: { sets: 10, holdSec: 5, daysPerWeek: FOOT_DAYS },
    equipment: ["none"],
  },
  {
    slug: "short-foot-seated",
    name: "Short foot (seated)",
    region: "foot",
    ladderSlug: "foot-core",
    step: 3,
    howTo: [
      "Sit with your bare foot flat on the floor.",
      "Without curling your toes, draw the ball of your foot toward your heel so your arch lifts.",
      "Hold for three to five seconds.",
      "Relax and repeat.",
    ],
    cues: [
      "Toes stay long and relaxed; the work is under the arch.",
      "Keep your heel and the ball of your foot on the floor.",
      "Think 'make the foot shorter', not 'grip the floor'.",
    ],
    dosage: { sets: 10, holdSec: 5, daysPerWeek: FOOT_DAYS },
    equipment: ["none"],
  },
  {
    slug: "short-foot-standing",
    name: "Short foot (standing)",
    region: "foot",
    ladderSlug: "foot-core",
    step: 4,
    howTo: [
      "Stand with your weight on both bare feet.",
      "Without curling your toes, draw the ball of one foot toward its heel so the arch lifts.",
      "Hold for three to five seconds.",
      "Relax and repeat, then do the other foot.",
    ],
    cues: [
      "Keep your toes long and relaxed.",
      "Your knee may turn slightly outward; that's fine.",
      "Keep your weight spread over heel and the ball of the foot.",
    ],
    dosage: { sets: 10, holdSec: 5, daysPerWeek: FOOT_DAYS },
    equipment: ["none"],
  },
  {
    slug: "short-foot-single-leg",
    name: "Short foot on one leg",
    region: "foot",
    ladderSlug: "foot-core",
    step: 5,
    howTo: [
      "Stand on one bare foot near a wall.",
      "Make the short foot: draw the ball of the foot toward the heel so the arch lifts.",
      "Hold the arch while balancing on that leg.",
      "Rest, then do the other foot.",
    ],
    cues: [
      "Don't let the arch drop as you wobble.",
      "Toes stay long; no clawing the floor.",
      "A fingertip on the wall is fine at first.",
    ],
    dosage: { sets: 3, holdSec: 30, daysPerWeek: FOOT_DAYS },
    equipment: ["none"],
  },
  {
    slug: "short-foot-single-leg-unstable",
    name: "Short foot on one leg on foam",
    region: "foot",
    ladderSlug: "foot-core",
    step: 6,
    howTo: [
      "Stand on one bare foot on a foam pad or folded cushion near a wall.",
      "Make the short foot: draw the ball of the foot toward the heel so the arch lifts.",
      "Hold the arch while balancing on that leg.",
      "Rest, then do the other foot.",
    ],
    cues: [
      "Keep the arch lifted even when the foam moves.",
      "Soft knee, tall body.",
      "Step off and restart if the arch collapses.",
    ],
    dosage: { sets: 3, holdSec: 30, daysPerWeek: FOOT_DAYS },
    equipment: ["foam pad"],
  },

  // ── Calf and arch ────────────────────────────────────────────────────────────────────────────
  {
    slug: "double-leg-heel-raise",
    name: "Double-leg heel raise",
    region: "foot",
    ladderSlug: "calf-and-arch",
    step: 1,
    howTo: [
      "Stand with feet hip-width apart, fingertips on a wall for balance.",
      "Rise up onto the balls of both feet as high as you can.",
      "Pause at the top for a second.",
      "Lower slowly over about three seconds.",
    ],
    cues: [
      "Push through your big toe; don't roll out onto your little toes.",
      "Go all the way up every time.",
      "Slow on the way down.",
    ],
    dosage: { sets: 3, reps: 15, daysPerWeek: STRENGTH_DAYS },
    equipment: ["none"],
  },
  {
    slug: "heel-raise-up-two-down-one",
    name: "Heel raise: up on two, down on one",
    region: "foot",
    ladderSlug: "calf-and-arch",
    step: 2,
    howTo: [
      "Stand with feet hip-width apart, fingertips on a wall.",
      "Rise up onto the balls of both feet.",
      "Lift one foot off the floor at the top.",
      "Lower slowly on the other foot over about three seconds. Repeat, then switch legs.",
    ],
    cues: [
      "Keep your weight over your big toe as you lower.",
      "Ankle stays straight; don't let it wobble outwards.",
      "Take the full three seconds down.",
    ],
    dosage: { sets: 3, reps: 12, daysPerWeek: STRENGTH_DAYS },
    equipment: ["none"],
  },
  {
    slug: "single-leg-heel-raise",
    name: "Single-leg heel raise",
    region: "foot",
    ladderSlug: "calf-and-arch",
    step: 3,
    howTo: [
      "Stand on one leg, fingertips on a wall for balance.",
      "Rise up onto the ball of your foot as high as you can.",
      "Lower slowly over about three seconds.",
      "Finish the set, then switch legs.",
    ],
    cues: [
      "Push through your big toe.",
      "Keep your knee straight but not locked.",
      "Same height on every rep; stop the set when you can't reach it.",
    ],
    dosage: { sets: 3, reps: 15, daysPerWeek: STRENGTH_DAYS },
    equipment: ["none"],
  },
  {
    slug: "single-leg-heel-raise-step",
    name: "Single-leg heel raise from a step",
    region: "foot",
    ladderSlug: "calf-and-arch",
    step: 4,
    howTo: [
      "Stand on one leg with the ball of your foot on the edge of a step, heel hanging off.",
      "Hold a rail or wall for balance.",
      "Rise up as high as you can.",
      "Lower slowly until your heel is below the step, then repeat. Switch legs after the set.",
    ],
    cues: [
      "Use the whole range: low at the bottom, high at the top.",
      "Push through your big toe.",
      "Three seconds down.",
    ],
    dosage: { sets: 3, reps: 12, daysPerWeek: STRENGTH_DAYS },
    equipment: ["step"],
  },
  {
    slug: "loaded-single-leg-heel-raise",
    name: "Loaded single-leg heel raise",
    region: "foot",
    ladderSlug: "calf-and-arch",
    step: 5,
    howTo: [
      "Hold a dumbbell in the hand on the same side as your working leg.",
      "Stand on one leg on the edge of a step, heel hanging off, other hand on a rail.",
      "Rise up as high as you can.",
      "Lower slowly until your heel is below the step. Switch legs after the set.",
    ],
    cues: [
      "Choose a weight that leaves one or two reps in reserve.",
      "Full height every rep.",
      "Slow on the way down.",
    ],
    dosage: { sets: 3, reps: 10, daysPerWeek: STRENGTH_DAYS },
    equipment: ["step", "dumbbell"],
  },
  {
    slug: "pogo-hops",
    name: "Pogo hops",
    region: "foot",
    ladderSlug: "calf-and-arch",
    step: 6,
    howTo: [
      "Stand with feet hip-width apart.",
      "Bounce up and down off the balls of your feet with small, quick hops.",
      "Keep your knees nearly straight so the spring comes from your ankles.",
      "Count each landing as one rep; rest between sets.",
    ],
    cues: [
      "Quiet, springy landings.",
      "Spend as little time on the ground as you can.",
      "Heels stay just off the floor.",
    ],
    dosage: { sets: 3, reps: 20, daysPerWeek: HOP_DAYS },
    equipment: ["none"],
  },

  // ── Balance ──────────────────────────────────────────────────────────────────────────────────
  {
    slug: "single-leg-stance",
    name: "Single-leg stance",
    region: "foot",
    ladderSlug: "balance",
    step: 1,
    howTo: [
      "Stand near a wall or counter in bare feet.",
      "Lift one foot and balance on the other leg with a soft knee.",
      "Hold, touching the wall only if you need to.",
      "Rest, then switch legs.",
    ],
    cues: [
      "Stand tall with your hips level.",
      "Spread your weight across heel, big toe and little toe.",
      "Look at a fixed point in front of you.",
    ],
    dosage: { sets: 3, holdSec: 30, daysPerWeek: FOOT_DAYS },
    equipment: ["none"],
  },
  {
    slug: "single-leg-stance-eyes-closed",
    name: "Single-leg stance, eyes closed",
    region: "foot",
    ladderSlug: "balance",
    step: 2,
    howTo: [
      "Stand within reach of a wall or counter in bare feet.",
      "Balance on one leg with a soft knee.",
      "Once steady, close your eyes and hold.",
      "Rest, then switch legs.",
    ],
    cues: [
      "Expect more wobble; let your foot do the work.",
      "Open your eyes or touch the wall rather than fall.",
      "Keep your hips level.",
    ],
    dosage: { sets: 3, holdSec: 30, daysPerWeek: FOOT_DAYS },
    equipment: ["none"],
  },
  {
    slug: "single-leg-stance-foam",
    name: "Single-leg stance on foam",
    region: "foot",
    ladderSlug: "balance",
    step: 3,
    howTo: [
      "Put a foam pad or folded cushion next to a wall.",
      "Stand on it on one leg with a soft knee.",
      "Hold your balance, eyes open.",
      "Rest, then switch legs.",
    ],
    cues: [
      "Knee stays over your foot as the foam moves.",
      "Small corrections from the ankle, not big arm waves.",
      "Keep your hips level.",
    ],
    dosage: { sets: 3, holdSec: 30, daysPerWeek: FOOT_DAYS },
    equipment: ["foam pad"],
  },
  {
    slug: "star-excursion-reach",
    name: "Star excursion reach",
    region: "foot",
    ladderSlug: "balance",
    step: 4,
    howTo: [
      "Stand on one leg in the middle of an imaginary star on the floor.",
      "With the other foot, reach as far as you can forward, then out to the side, then behind you.",
      "Touch the floor lightly with your toe at each point and come back to the middle.",
      "A reach in all three directions is one rep. Switch legs after the set.",
    ],
    cues: [
      "Bend the standing knee to reach further; keep it over your second toe.",
      "Just tap the floor; don't put weight on the reaching foot.",
      "Keep your standing heel down.",
    ],
    dosage: { sets: 3, reps: 8, daysPerWeek: STRENGTH_DAYS },
    equipment: ["none"],
  },
  {
    slug: "single-leg-hop-and-hold",
    name: "Single-leg hop and hold",
    region: "foot",
    ladderSlug: "balance",
    step: 5,
    howTo: [
      "Stand on one leg with a soft knee.",
      "Hop a short way forward and land on the same leg.",
      "Hold the landing still for two seconds.",
      "Turn around and repeat; switch legs after the set.",
    ],
    cues: [
      "Land softly with a bent knee over your toes.",
      "Freeze the landing before the next hop.",
      "Hop further only when every landing is steady.",
    ],
    dosage: { sets: 3, reps: 10, daysPerWeek: HOP_DAYS },
    equipment: ["none"],
  },
];
