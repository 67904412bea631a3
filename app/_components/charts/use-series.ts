"use client";

import { useQuery } from "@tanstack/react-query";
import type { SeriesResponse } from "@/lib/validation/series";

export type SeriesParams = { athleteId: string; from: string; to: string; bucket: "day" | "week" };

/** The series endpoint through React Query; the key is the whole request, so ranges cache apart. */
export function useSeries(p: SeriesParams) {
  return useQuery({
    queryKey: ["series", p.athleteId, p.from, p.to, p.bucket],
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
    staleTime: 60_000,
  });
}
