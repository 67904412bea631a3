"use client";

import { stepItemAction } from "../../athletes/[athleteId]/_components/program-actions";
import { RowStepForm, rowStepSection } from "./row-step";

/** Good news rows: apply the suggested progression from the row (row-step.tsx), as the athlete page's step form does. */
const { Announcements, useSection } = rowStepSection("GoodNewsAnnouncements", stepItemAction, "min-h-6 text-sm font-medium text-slate-800");

export const GoodNewsAnnouncements = Announcements;

export function ProgressFromRow({ itemId, athleteName, exerciseName, toName }: { itemId: string; athleteName: string; exerciseName: string; toName: string }) {
  return (
    <RowStepForm
      section={useSection()}
      rowKey={itemId}
      hidden={{ itemId, direction: "progress" }}
      reasonId={`progress-reason-${itemId}`}
      reasonFor={`for progressing ${athleteName}'s ${exerciseName}`}
      reasonMax={300}
      placeholder="e.g. two clean sessions"
      label={`Progress to ${toName}`}
      pendingLabel="Progressing…"
      ariaLabel={`Progress to ${toName} (${athleteName})`}
      doneMessage={`${athleteName}: ${exerciseName} progressed to ${toName}.`}
    />
  );
}
