import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import type { TrainerScope } from "@/lib/auth/scope";
import { todayIn } from "@/lib/domain/dates";
import { triageRowToken } from "@/lib/domain/triage-row";
import type { AlertKind, AlertSeverity, IsoDate } from "@/lib/domain/types";
import { GOOD_NEWS_PAGE_SIZE, TRIAGE_PAGE_SIZE, type TriageQuery } from "@/lib/validation/triage";
import { recentSignals, type RecentSignals } from "./recent-signals";
import { clinicLadders, placeOf } from "./library-scope";

/**
 * The trainer's triage view (DESIGN §2d display groups, issue 16): one row per athlete with open
 * alerts, paged in SQL. Each section is one query over the clinic's open alerts, grouped by
 * (athlete, kind, subject, group start) as the evaluation stores them, with the total in the same
 * statement; only the page's athletes are read further (light and sparkline), so nothing grows with
 * the size of the clinic but the SQL's own scan of open alerts.
 */

export type TriageRow = {
  athleteId: string;
  name: string;
  sportGroup: string | null;
  trainerName: string | null;
  today: IsoDate;
  /** The most severe open group: its severity, kind, newest reason and date span. */
  severity: Exclude<AlertSeverity, "good_news">;
  kind: AlertKind;
  reason: string;
  from: IsoDate;
  to: IsoDate;
  /** Open groups besides the most severe one. */
  otherGroups: number;
  lastCheckIn: IsoDate | null;
  /** Every open alert of the row (all its groups): what acknowledging the row acknowledges. */
  alertIds: string[];
  /** The row's checkbox value: the athlete and a fingerprint of `alertIds` (lib/domain/triage-row). */
  rowToken: string;
  /** §2c: an open rtr_step_down alert, and the one-click step it offers (none at stage 1). */
  rtrStepDown: RtrStep | null;
} & RecentSignals;

/** A return-to-run step the row offers: to which stage, or why there is none. */
export type RtrStep = { ok: true; direction: "up" | "down"; fromStage: number; toStage: number } | { ok: false; message: string };

export type GoodNewsRow = {
  athleteId: string;
  name: string;
  sportGroup: string | null;
  trainerName: string | null;
  itemId: string | null;
  exerciseName: string | null;
  /** What one click would do: the next step's name, or why there is none. */
  progress: { ok: true; toName: string } | { ok: false; message: string } | null;
  /** An rtr_ready row (§2c): the stage step up it offers, or why there is none. */
  rtrStepUp: RtrStep | null;
  reason: string;
  from: IsoDate;
  to: IsoDate;
  alertIds: string[];
};

export type TriagePage<T> = { rows: T[]; total: number; page: number; pageSize: number };

type Filters = Pick<TriageQuery, "trainer" | "group">;

/** The open, unretired alerts of the clinic's athletes (not archived) that the filters keep. */
function openAlertsOf(scope: TrainerScope, filters: Filters, goodNews: boolean): SQL {
  const trainer = filters.trainer ? sql` and t.trainer_id = ${filters.trainer}` : sql``;
  const group = filters.group ? sql` and t.sport_group = ${filters.group}` : sql``;
  return sql`
    select a.id, a.athlete_id, a.kind, a.subject_id, coalesce(a.subject, '') as subject,
           coalesce(a.group_start, a.date) as gs, a.date, a.severity, a.reason
      from alerts a
      join athletes t on t.id = a.athlete_id and t.clinic_id = ${scope.clinicId}
     where a.clinic_id = ${scope.clinicId} and a.status = 'open' and a.retired_at is null
       and t.status <> 'archived' and a.severity ${goodNews ? sql`=` : sql`<>`} 'good_news'${trainer}${group}`;
}

function orderOf(query: TriageQuery): SQL {
  const desc = query.dir === "desc";
  switch (query.sort) {
    case "name":
      return desc ? sql`t.name desc, p.athlete_id` : sql`t.name asc, p.athlete_id`;
    case "last_check_in":
      // "asc" = longest silent first: that is who a trainer looks for
      return desc ? sql`last_check_in desc nulls last, t.name, p.athlete_id` : sql`last_check_in asc nulls first, t.name, p.athlete_id`;
    default: {
      // most severe first, a red flag before others of its severity, then the newest
      const order = sql`p.severity ${desc ? sql`desc` : sql`asc`}, (p.kind = 'red_flag') ${desc ? sql`asc` : sql`desc`}, p.latest ${desc ? sql`asc` : sql`desc`}`;
      return sql`${order}, t.name, p.athlete_id`;
    }
  }
}

type AttentionSqlRow = {
  athlete_id: string;
  name: string;
  sport_group: string | null;
  trainer_name: string | null;
  tz: string;
  severity: TriageRow["severity"];
  kind: string;
  reason: string;
  gs: string;
  last_date: string;
  n_groups: number;
  last_check_in: string | null;
  alert_ids: string;
  step_down: boolean;
  total: number;
};

/** Athletes with open alerts (urgent, high, moderate), one row each, a page at a time. */
export async function listTriage(scope: TrainerScope, query: TriageQuery = {}): Promise<TriagePage<TriageRow>> {
  const page = query.page ?? 1;
  const pageSize = TRIAGE_PAGE_SIZE;
  if (query.severity === "good_news") return { rows: [], total: 0, page, pageSize };
  const severity = query.severity ? sql` and p.severity = ${query.severity}::alert_severity` : sql``;
  const result = await getDb().execute(sql`
    with open_alerts as (${openAlertsOf(scope, query, false)}),
    groups as (
      select athlete_id, kind, subject, gs, min(severity) as severity, max(date) as last_date,
             (array_agg(reason order by date desc, id))[1] as reason, string_agg(id::text, ' ') as ids
        from open_alerts group by athlete_id, kind, subject, gs),
    -- per athlete: the most severe group (a red flag first, then the newest) and the whole row's figures
    p as (
      select distinct on (athlete_id) athlete_id, kind, severity, reason, gs, last_date,
             count(*) over a as n_groups, max(last_date) over a as latest, string_agg(ids, ' ') over a as alert_ids,
             bool_or(kind = 'rtr_step_down') over a as step_down
        from groups
      window a as (partition by athlete_id)
       order by athlete_id, severity, (kind = 'red_flag') desc, last_date desc, kind, subject)
    select p.athlete_id, t.name, t.sport_group, u.name as trainer_name, coalesce(t.time_zone, c.time_zone) as tz,
           p.severity, p.kind, p.reason, p.gs::text as gs, p.last_date::text as last_date, p.n_groups::int as n_groups,
           (select max(ci.date) from check_ins ci where ci.clinic_id = t.clinic_id and ci.athlete_id = t.id)::text as last_check_in,
           p.alert_ids, p.step_down,
           (count(*) over ())::int as total
      from p
      join athletes t on t.id = p.athlete_id and t.clinic_id = ${scope.clinicId}
      join clinics c on c.id = t.clinic_id
      left join users u on u.id = t.trainer_id and u.clinic_id = ${scope.clinicId}
     where true${severity}
     order by ${orderOf(query)}
     limit ${pageSize} offset ${(page - 1) * pageSize}`);
  const rows = result.rows as AttentionSqlRow[];
  const total = rows[0]?.total ?? (page > 1 ? await countTriage(scope, query) : 0);
  const athletes = rows.map((r) => ({ athleteId: r.athlete_id, today: todayIn(r.tz) }));
  const [signals, stages] = await Promise.all([recentSignals(scope, athletes), currentStages(scope, rows.filter((r) => r.step_down).map((r) => r.athlete_id))]);
  return {
    page,
    pageSize,
    total,
    rows: rows.map((r, i) => ({
      athleteId: r.athlete_id,
      name: r.name,
      sportGroup: r.sport_group,
      trainerName: r.trainer_name,
      today: athletes[i]!.today,
      severity: r.severity,
      kind: r.kind as AlertKind,
      reason: r.reason,
      from: r.gs,
      to: r.last_date,
      otherGroups: Number(r.n_groups) - 1,
      lastCheckIn: r.last_check_in,
      alertIds: r.alert_ids.split(" "),
      rowToken: triageRowToken(r.athlete_id, r.alert_ids.split(" ")),
      rtrStepDown: r.step_down ? rtrStep(stages.get(r.athlete_id), "down") : null,
      ...signals.get(r.athlete_id)!,
    })),
  };
}

/** A page past the end has no rows to carry the total: count apart (only then). */
async function countTriage(scope: TrainerScope, query: TriageQuery): Promise<number> {
  const severity = query.severity ? sql` where severity = ${query.severity}::alert_severity` : sql``;
  const result = await getDb().execute(sql`
    with open_alerts as (${openAlertsOf(scope, query, false)})
    select count(*)::int as n from (select athlete_id, min(severity) as severity from open_alerts group by athlete_id) s${severity}`);
  return Number((result.rows[0] as { n: number }).n);
}

type GoodNewsSqlRow = {
  athlete_id: string;
  name: string;
  sport_group: string | null;
  trainer_name: string | null;
  item_id: string | null;
  exercise_id: string | null;
  exercise_name: string | null;
  item_status: string | null;
  kind: string;
  reason: string;
  gs: string;
  last_date: string;
  alert_ids: string;
  total: number;
};

/** Good news (an exercise ready to progress), one row per open group, newest first. */
export async function listGoodNews(scope: TrainerScope, query: TriageQuery = {}): Promise<TriagePage<GoodNewsRow>> {
  const page = query.gpage ?? 1;
  const pageSize = GOOD_NEWS_PAGE_SIZE;
  if (query.severity && query.severity !== "good_news") return { rows: [], total: 0, page, pageSize };
  const result = await getDb().execute(sql`
    with good as (${openAlertsOf(scope, query, true)}),
    g as (
      select athlete_id, kind, subject, gs, (array_agg(subject_id))[1] as item_id, max(date) as last_date,
             (array_agg(reason order by date desc, id))[1] as reason, string_agg(id::text, ' ' order by id) as alert_ids
        from good group by athlete_id, kind, subject, gs)
    select g.athlete_id, t.name, t.sport_group, u.name as trainer_name, g.item_id, pi.exercise_id, e.name as exercise_name,
           pi.status::text as item_status, g.kind::text as kind, g.reason, g.gs::text as gs, g.last_date::text as last_date, g.alert_ids,
           (count(*) over ())::int as total
      from g
      join athletes t on t.id = g.athlete_id and t.clinic_id = ${scope.clinicId}
      left join users u on u.id = t.trainer_id and u.clinic_id = ${scope.clinicId}
      left join program_items pi on pi.id = g.item_id and pi.clinic_id = ${scope.clinicId}
      left join exercises e on e.id = pi.exercise_id
     order by g.last_date desc, t.name, g.athlete_id, g.kind, g.subject
     limit ${pageSize} offset ${(page - 1) * pageSize}`);
  const rows = result.rows as GoodNewsSqlRow[];
  const [ladders, stages] = await Promise.all([
    rows.some((r) => r.exercise_id) ? clinicLadders(scope.clinicId) : [],
    currentStages(scope, rows.filter((r) => r.kind === "rtr_ready").map((r) => r.athlete_id)),
  ]);
  return {
    page,
    pageSize,
    total: rows[0]?.total ?? 0,
    rows: rows.map((r) => ({
      athleteId: r.athlete_id,
      name: r.name,
      sportGroup: r.sport_group,
      trainerName: r.trainer_name,
      itemId: r.item_status === "active" || r.item_status === "paused" ? r.item_id : null,
      exerciseName: r.exercise_name,
      progress: r.exercise_id && (r.item_status === "active" || r.item_status === "paused") ? nextStep(ladders, r.exercise_id) : null,
      rtrStepUp: r.kind === "rtr_ready" ? rtrStep(stages.get(r.athlete_id), "up") : null,
      reason: r.reason,
      from: r.gs,
      to: r.last_date,
      alertIds: r.alert_ids.split(" "),
    })),
  };
}

function nextStep(ladders: Awaited<ReturnType<typeof clinicLadders>>, exerciseId: string): GoodNewsRow["progress"] {
  const place = placeOf(ladders, exerciseId);
  if (!place) return { ok: false, message: "This exercise is not on a ladder" };
  if (!place.up.ok) return { ok: false, message: place.up.message };
  const to = place.up.exerciseId;
  return { ok: true, toName: place.ladder.steps.find((s) => s.exerciseId === to)!.name };
}

type CurrentStage = { number: number; count: number };

/**
 * The stage each athlete is on now (§2c: the latest assignment), numbered on its ladder's live
 * stages; left out when the athlete is off the ladder. One query for the page's athletes.
 */
async function currentStages(scope: TrainerScope, athleteIds: string[]): Promise<Map<string, CurrentStage>> {
  if (athleteIds.length === 0) return new Map();
  const result = await getDb().execute(sql`
    select x.athlete_id, x.number::int as number, x.count::int as count from (
      select distinct on (sa.athlete_id) sa.athlete_id, sa.stage_id,
             (select count(*) from run_stages s where s.ladder_id = sa.ladder_id and s.archived_at is null and s.position <= rs.position) as number,
             (select count(*) from run_stages s where s.ladder_id = sa.ladder_id and s.archived_at is null) as count
        from stage_assignments sa
        left join run_stages rs on rs.id = sa.stage_id
       where sa.clinic_id = ${scope.clinicId} and sa.athlete_id in (${sql.join(athleteIds.map((id) => sql`${id}::uuid`), sql`, `)})
       order by sa.athlete_id, sa.date desc, sa.created_at desc) x
      join athletes t on t.id = x.athlete_id and t.clinic_id = ${scope.clinicId} and t.status = 'return_to_run'
     where x.stage_id is not null`);
  return new Map((result.rows as { athlete_id: string; number: number; count: number }[]).map((r) => [r.athlete_id, { number: Number(r.number), count: Number(r.count) }]));
}

/** The one-click step a row offers, with the same limits as the data function (applyStageStep). */
function rtrStep(stage: CurrentStage | undefined, direction: "up" | "down"): RtrStep {
  if (!stage) return { ok: false, message: "Not on a return-to-run stage now" };
  if (direction === "up" && stage.number >= stage.count) return { ok: false, message: "Last stage: open the athlete's page to set their running" };
  if (direction === "down" && stage.number <= 1) return { ok: false, message: "Already the first stage" };
  return { ok: true, direction, fromStage: stage.number, toStage: stage.number + (direction === "up" ? 1 : -1) };
}
