"use client";

import { stageStepAction } from "../../athletes/[athleteId]/_components/return-to-run-actions";
import { RowStepForm, rowStepSection } from "./row-step";

/**
 * Return-to-run rows (rtr_ready in good news, rtr_step_down in the triage table): apply the stage
 * step from the row (row-step.tsx), with a reason, through the same action, schema and data
 * function as the athlete page (DESIGN §2c).
 */
const { Announcements, useSection } = rowStepSection("RtrStepAnnouncements", stageStepAction, "min-h-6 text-sm font-medium text-slate-800 empty:min-h-0");

export const RtrStepAnnouncements = Announcements;

export function RtrStepFromRow({ athleteId, athleteName, direction, fromStage, toStage }: { athleteId: string; athleteName: string; direction: "up" | "down"; fromStage: number; toStage: number }) {
  const label = `${direction === "up" ? "Step up" : "Step down"} to stage ${toStage}`;
  return (
    <RowStepForm
      section={useSection()}
      rowKey={athleteId}
      hidden={{ athleteId, direction }}
      reasonId={`rtr-step-reason-${direction}-${athleteId}`}
      reasonFor={`for stepping ${athleteName} ${direction} to stage ${toStage}`}
      reasonMax={500}
      placeholder={direction === "up" ? "e.g. two clean sessions" : "e.g. sore the next morning"}
      label={label}
      pendingLabel="Stepping…"
      ariaLabel={`${label} (${athleteName})`}
      doneMessage={`${athleteName}: stepped ${direction} from stage ${fromStage} to stage ${toStage}.`}
    />
  );
}
