// Files name sports in their own vocabulary: FIT 'running' (+ subSport 'trail', 'treadmill'),
// TCX 'Running', GPX free text such as 'running' or 'Run'. We only need to recognise runs
// reliably; anything else is kept in the file's words so a trainer can still read it.
const RUN_WORDS = new Set(["run", "running", "trail_running", "trailrunning", "treadmill_running"]);

export function normalizeSport(raw: unknown): string | null {
  if (typeof raw !== "string") return null;
  const word = raw.trim().toLowerCase().replace(/[\s-]+/g, "_");
  if (word === "") return null;
  return RUN_WORDS.has(word) ? "run" : word;
}

// Runners top out near 12.5 m/s (a world-class sprint); 15 m/s leaves room for GPS jitter while
// still catching the teleports a bad fix produces. Other sports (a ride downhill) go faster.
const RUN_MAX_SPEED_MPS = 15;
const OTHER_MAX_SPEED_MPS = 45;

export const maxPlausibleSpeedMps = (sport: string | null): number =>
  sport === "run" || sport === null ? RUN_MAX_SPEED_MPS : OTHER_MAX_SPEED_MPS;
