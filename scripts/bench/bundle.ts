import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { DIST_DIR, ROOT } from "./server";

export type RouteJs = { route: string; kind: "athlete" | "chart" | "other"; rawKb: number; gzipKb: number; budgetKb: number | null; pass: boolean | null };

/** Athlete-facing pages are used on a phone; chart pages carry the (lazily loaded) chart frame. */
const ATHLETE = ["/today", "/check-in", "/history", "/log", "/program", "/shoes"];
const CHART = ["/athletes/[athleteId]", "/progress", "/dashboard"];
export const ROUTES_SHOWN = ["/sign-in", "/today", "/log", "/history", "/program", "/progress", "/dashboard", "/athletes", "/athletes/[athleteId]"];

const kindOf = (route: string): RouteJs["kind"] => (CHART.includes(route) ? "chart" : ATHLETE.some((p) => route === p || route.startsWith(`${p}/`)) ? "athlete" : "other");
const BUDGET = { athlete: 150, chart: 280, other: null } as const;

/**
 * First-load JavaScript per route, from the build's route-bundle-stats (the chunks a route's
 * first document loads), each chunk gzipped at the default level.
 */
export function firstLoadJs(): RouteJs[] {
  const stats = path.join(ROOT, DIST_DIR, "diagnostics", "route-bundle-stats.json");
  if (!existsSync(stats)) return [];
  const rows = JSON.parse(readFileSync(stats, "utf8")) as { route: string; firstLoadChunkPaths: string[] }[];
  const gz = new Map<string, [number, number]>();
  const sizeOf = (p: string) => {
    if (!gz.has(p)) {
      const buf = readFileSync(path.join(ROOT, p));
      gz.set(p, [buf.length, gzipSync(buf).length]);
    }
    return gz.get(p)!;
  };
  return rows
    .filter((r) => !r.route.startsWith("/api") && !r.route.startsWith("/_"))
    .map((r) => {
      const [raw, zipped] = r.firstLoadChunkPaths.reduce<[number, number]>((acc, p) => {
        const [a, b] = sizeOf(p);
        return [acc[0] + a, acc[1] + b];
      }, [0, 0]);
      const kind = kindOf(r.route);
      const budgetKb = BUDGET[kind];
      const gzipKb = Math.round((zipped / 1024) * 10) / 10;
      return { route: r.route, kind, rawKb: Math.round(raw / 1024), gzipKb, budgetKb, pass: budgetKb === null ? null : gzipKb <= budgetKb };
    })
    .sort((a, b) => a.route.localeCompare(b.route));
}
