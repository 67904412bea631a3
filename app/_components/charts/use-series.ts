"use client";

import { useQuery } from "@tanstack/react-query";
import type { SeriesResponse } from "@/lib/validation/series";

/**
 * `version` is the athlete's data version where the viewer may see it (staff): a write to the
 * athlete's records changes it, and with it the key, so the chart follows a change made on the same
 * page (a new weekly cap) instead of showing the cached series for up to a minute.
 */
export type SeriesParams = { athleteId: string; from: string; to: string; bucket: "day" | "week"; version?: number };

/**
 * The series endpoint through React Query; the key is the whole request, so ranges cache apart.
 * Without a version (the athlete's own page) a cached series is shown at once and fetched again on
 * every mount, so a run logged a moment ago is on the chart when the athlete opens Progress.
 */
export function useSeries(p: SeriesParams) {
  return useQuery({
    queryKey: ["series", p.athleteId, p.from, p.to, p.bucket, p.version ?? null],
    queryFn: async ({ signal }): Promise<SeriesResponse> => {
      const qs = new URLSearchParams({ from: p.from, to: p.to, bucket: p.bucket });
      const res = await fetch(`/api/v1/athletes/${p.athleteId}/series?${qs}`, { signal, headers: { accept: "application/json" } });
      const body = await res.json().catch(() => null);
      if (!res.ok) {
        const fields = body?.error?.fieldErrors ? Object.values(body.error.fieldErrors as Record<string, string[]>).flat().join(" ") : "";
        throw new Error(fields || body?.error?.message || "The chart data could not be loaded.");
      }
      return body as SeriesResponse;
    },
    placeholderData: (prev) => prev,
    staleTime: p.version === undefined ? 0 : 60_000,
  });
}
