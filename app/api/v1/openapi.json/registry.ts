import { z } from "zod";
import type { RouteEntry } from "@/lib/api/openapi";
import { importMetaSchema } from "@/lib/validation/activity-import";
import * as activity from "../activities/[activityId]/route";
import * as activityImport from "../activities/import/route";
import * as activities from "../activities/route";
import * as alertAcknowledge from "../alerts/[alertId]/acknowledge/route";
import * as alertResolve from "../alerts/[alertId]/resolve/route";
import * as alerts from "../alerts/route";
import * as athleteActivities from "../athletes/[athleteId]/activities/route";
import * as athleteCheckIns from "../athletes/[athleteId]/check-ins/route";
import * as athleteExerciseLogs from "../athletes/[athleteId]/exercise-logs/route";
import * as athletePrescription from "../athletes/[athleteId]/prescription/route";
import * as athleteReturnToRun from "../athletes/[athleteId]/return-to-run/route";
import * as athleteStageStep from "../athletes/[athleteId]/return-to-run/step/route";
import * as athleteShoes from "../athletes/[athleteId]/shoes/route";
import * as shoe from "../shoes/[shoeId]/route";
import * as stageSessions from "../stage-sessions/route";
import * as templates from "../templates/route";
import * as athleteProgram from "../athletes/[athleteId]/program/route";
import * as athlete from "../athletes/[athleteId]/route";
import * as athleteSeries from "../athletes/[athleteId]/series/route";
import * as athleteStatus from "../athletes/[athleteId]/status/route";
import * as athletes from "../athletes/route";
import * as checkIns from "../check-ins/route";
import * as exerciseLogs from "../exercise-logs/route";
import * as exercises from "../exercises/route";
import * as invitations from "../invitations/route";
import * as ladders from "../ladders/route";
import * as progress from "../program-items/[itemId]/progress/route";
import * as regress from "../program-items/[itemId]/regress/route";

/**
 * Every /api/v1 route module. A vitest test (lib/api/openapi.int.test.ts) walks app/api/v1 on
 * disk and fails when a route file or method is missing here.
 */
export const apiRoutes: RouteEntry[] = [
  { path: "/api/v1/activities", module: activities },
  { path: "/api/v1/activities/[activityId]", module: activity },
  {
    path: "/api/v1/activities/import",
    module: activityImport,
    extraBody: {
      POST: {
        contentType: "multipart/form-data",
        description: "`file` (FIT, TCX or GPX, one or more, 10 MB each) and one `clientId` per file, in order.",
        schema: importMetaSchema.omit({ clientIds: true }).extend({ file: z.array(z.string().meta({ format: "binary" })), clientId: z.array(z.string()) }),
      },
    },
  },
  { path: "/api/v1/alerts", module: alerts },
  { path: "/api/v1/alerts/[alertId]/acknowledge", module: alertAcknowledge },
  { path: "/api/v1/alerts/[alertId]/resolve", module: alertResolve },
  { path: "/api/v1/athletes", module: athletes },
  { path: "/api/v1/athletes/[athleteId]", module: athlete },
  { path: "/api/v1/athletes/[athleteId]/activities", module: athleteActivities },
  { path: "/api/v1/athletes/[athleteId]/check-ins", module: athleteCheckIns },
  { path: "/api/v1/athletes/[athleteId]/exercise-logs", module: athleteExerciseLogs },
  { path: "/api/v1/athletes/[athleteId]/prescription", module: athletePrescription },
  { path: "/api/v1/athletes/[athleteId]/program", module: athleteProgram },
  { path: "/api/v1/athletes/[athleteId]/return-to-run", module: athleteReturnToRun },
  { path: "/api/v1/athletes/[athleteId]/return-to-run/step", module: athleteStageStep },
  { path: "/api/v1/athletes/[athleteId]/shoes", module: athleteShoes },
  { path: "/api/v1/athletes/[athleteId]/series", module: athleteSeries },
  { path: "/api/v1/athletes/[athleteId]/status", module: athleteStatus },
  { path: "/api/v1/check-ins", module: checkIns },
  { path: "/api/v1/exercise-logs", module: exerciseLogs },
  { path: "/api/v1/exercises", module: exercises },
  { path: "/api/v1/invitations", module: invitations },
  { path: "/api/v1/ladders", module: ladders },
  { path: "/api/v1/program-items/[itemId]/progress", module: progress },
  { path: "/api/v1/program-items/[itemId]/regress", module: regress },
  { path: "/api/v1/shoes/[shoeId]", module: shoe },
  { path: "/api/v1/stage-sessions", module: stageSessions },
  { path: "/api/v1/templates", module: templates },
];
