import { describe, expect, it } from "vitest";
import { seriesRowSchema } from "@/lib/validation/series";
import { SERIES_VERSION } from "./series-store";

// Stored chart days are read only when they were computed with SERIES_VERSION. A change to the row
// shape must come with a new version, or old rows of the old shape would be served: this pins the two.
describe("stored chart days' version", () => {
  it("is bumped together with the row shape", () => {
    expect({ version: SERIES_VERSION, fields: Object.keys(seriesRowSchema.shape).sort() }).toEqual({
      version: 3,
      fields: [
        "acuteEwma",
        "acuteRolling",
        "baseline",
        "chronicEwma",
        "chronicRolling",
        "crossTrainingMin",
        "date",
        "endDate",
        "exercisePain",
        "exerciseSessions",
        "light",
        "load",
        "longestRunCapM",
        "morningPain",
        "ratio",
        "redFlags",
        "runningDistanceM",
        "runningPain",
        "stage",
        "tape",
        "toleratedLoadM",
        "weeklyCapM",
      ],
    });
  });
});
