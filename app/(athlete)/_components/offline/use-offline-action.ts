"use client";

import type { ActionState } from "@/lib/auth/action";
import { keepOfflineCopy, outboxStore } from "@/lib/offline/outbox";
import { addReport } from "@/lib/offline/queue";
import type { ReportKind } from "@/lib/offline/routes";
import { useOfflineUser } from "./offline-context";

export type OfflineState = ActionState & { queued?: boolean; queuedId?: string };

type Options = { today: string; unit?: "km" | "mi"; label: (body: Record<string, unknown>) => string };

export const QUEUED_MESSAGE = "No signal: saved on this phone. It will be sent when you are back online.";

/**
 * A form's server action, with a way round a missing signal: offline (or when the request cannot
 * reach the server) the form is checked on the phone with the server's own schema and the report
 * goes into the outbox with its clientId, to be sent to the JSON API when the connection returns.
 * Online, nothing changes: the server action runs as before (its redirect included).
 */
export function useOfflineAction(serverAction: (prev: ActionState, formData: FormData) => Promise<ActionState>, kind: ReportKind, options: Options) {
  const userId = useOfflineUser();
  return async (prev: OfflineState, formData: FormData): Promise<OfflineState> => {
    if (navigator.onLine) {
      try {
        const state = await serverAction(prev, formData);
        // saved without leaving the page (a tick): the offline copy of the page shows it too
        if (state.ok !== false) keepOfflineCopy(window.location.pathname);
        return state;
      } catch (err) {
        // a redirect, or a server error, is the server's answer; only "could not reach it" is queued
        if (!(err instanceof TypeError)) throw err;
      }
    }
    if (!userId) return { ok: false, message: "There is no connection. Try again when you have a signal." };
    const { parseOfflineReport } = await import("@/lib/offline/parse");
    const parsed = parseOfflineReport(kind, formData, { today: options.today, unit: options.unit ?? "km" });
    if (!parsed.ok) return { ok: false, message: parsed.message, fieldErrors: parsed.fieldErrors, values: parsed.values };
    const id = typeof parsed.body.clientId === "string" ? parsed.body.clientId : crypto.randomUUID();
    const body = { ...parsed.body, clientId: id };
    await outboxStore.update((list) => addReport(list, { id, userId, kind, body, label: options.label(body) }));
    return { ok: true, message: QUEUED_MESSAGE, queued: true, queuedId: id };
  };
}
