import { describe, expect, it } from "vitest";
import { BUILT_IN_RUN_LADDER, makeClinic } from "@/tests/integration/factories";
import { archiveRunStage, copyRunLadder, insertRunStage, listRunLadders, updateRunStage } from "./run-ladders";

describe("running ladders (§2c): the built-in one, clinic copies that can be edited", () => {
  it("lists the built-in ladder in words, read-only", async () => {
    const clinic = await makeClinic("Ladders");
    const [builtIn] = await listRunLadders(clinic);
    expect(builtIn).toMatchObject({ id: BUILT_IN_RUN_LADDER, name: "Return to run (run/walk)", builtIn: true });
    expect(builtIn!.stages.map((s) => s.words)).toEqual([
      "Stage 1: walk briskly 30 min",
      "Stage 2: run 1 min, walk 4 min, 6 times — 30 min",
      "Stage 3: run 2 min, walk 3 min, 6 times — 30 min",
      "Stage 4: run 3 min, walk 2 min, 6 times — 30 min",
      "Stage 5: run 4 min, walk 1 min, 6 times — 30 min",
      "Stage 6: run 9 min, walk 1 min, 3 times — 30 min",
      "Stage 7: run 30 min continuously — 30 min",
      "Stage 8: run 40 min continuously — 40 min",
    ]);
    await expect(updateRunStage(clinic, { stageId: builtIn!.stages[0]!.id, stage: { runMin: 0, walkMin: 20, repeats: 1, sessionsPerWeek: 3 } })).rejects.toThrow(/Stage was not found/);
    await expect(insertRunStage(clinic, { ladderId: BUILT_IN_RUN_LADDER, afterStageId: null, stage: { runMin: 0, walkMin: 20, repeats: 1, sessionsPerWeek: 3 } })).rejects.toThrow(/read-only/);
  });

  it("a copy takes stages inserted, edited and removed (stable ids); another clinic does not see it", async () => {
    const clinic = await makeClinic("Copy");
    const other = await makeClinic("Other");
    const { id } = await copyRunLadder(clinic, { ladderId: BUILT_IN_RUN_LADDER, name: "Slower return" });
    const copy = (await listRunLadders(clinic)).find((l) => l.id === id)!;
    const [s1, s2, , , s5] = copy.stages;
    await insertRunStage(clinic, { ladderId: id, afterStageId: s2!.id, stage: { runMin: 1, walkMin: 2, repeats: 10, sessionsPerWeek: 3 } });
    await updateRunStage(clinic, { stageId: s1!.id, stage: { runMin: 0, walkMin: 20, repeats: 1, sessionsPerWeek: 4 } });
    await archiveRunStage(clinic, s5!.id);
    const edited = (await listRunLadders(clinic)).find((l) => l.id === id)!;
    expect(edited.stages.map((s) => s.words).slice(0, 4)).toEqual([
      "Stage 1: walk briskly 20 min",
      "Stage 2: run 1 min, walk 4 min, 6 times — 30 min",
      "Stage 3: run 1 min, walk 2 min, 10 times — 30 min",
      "Stage 4: run 2 min, walk 3 min, 6 times — 30 min",
    ]);
    expect(edited.stages).toHaveLength(8);
    expect(edited.stages[0]!.id).toBe(s1!.id);
    expect((await listRunLadders(other)).map((l) => l.id)).toEqual([BUILT_IN_RUN_LADDER]);
    await expect(archiveRunStage(other, s1!.id)).rejects.toThrow(/not found/);
  });
});
