"use client";

import Link from "next/link";
import { useCallback, useEffect, useRef, useState } from "react";
import { announce, cueBetween, elapsedOn, formatClock, newClock, outcomeAt, pauseClock, positionAt, startClock, type Cue, type TimerClock, type TimerPosition } from "@/lib/domain/interval-timer";
import { StageSessionForm, type TimerPrefill } from "../return-to-run-forms";
import { useCues } from "./use-cues";
import { useWakeLock } from "./use-wake-lock";

type Stage = { id: string; number: number; runMin: number; walkMin: number; repeats: number; words: string };
type Mode = "ready" | "running" | "paused" | "finished";
/** Kept on the phone so that a tab the browser discarded while asleep comes back to the same session. */
type Saved = { stageId: string; date: string; clock: TimerClock; finishedAtMs: number | null };

const STORE_KEY = "stride.interval-timer";
const TICK_MS = 250;

function readSaved(stageId: string, today: string): Saved | null {
  try {
    const s = JSON.parse(localStorage.getItem(STORE_KEY) ?? "null") as Saved | null;
    return s && s.stageId === stageId && s.date === today ? s : null;
  } catch {
    return null;
  }
}

/** A session saved on this phone today comes back after a reload: paused, or finished. */
function restore(stage: Stage, today: string, t: number): { clock: TimerClock; mode: Mode; finishedAt: number | null; now: number; message: string } {
  const s = readSaved(stage.id, today);
  if (!s) return { clock: newClock(), mode: "ready", finishedAt: null, now: t, message: "" };
  const clock = pauseClock(s.clock, t);
  const e = elapsedOn(clock, t);
  if (s.finishedAtMs !== null || positionAt(stage, e).done) return { clock, mode: "finished", finishedAt: s.finishedAtMs ?? e, now: t, message: "" };
  if (e > 0) return { clock, mode: "paused", finishedAt: null, now: t, message: "Paused. Your session was kept while the page was closed." };
  return { clock, mode: "ready", finishedAt: null, now: t, message: "" };
}

/**
 * The run/walk timer: one big start/pause button at the bottom for a thumb, the phase in large,
 * high-contrast type, a cue by sound and vibration at every phase change, the screen kept awake
 * while it runs. The time comes from the clock (Date.now) on every tick, so it is right after the
 * phone slept. At the end, or when stopped early, the session's log form is filled in.
 */
export default function IntervalTimer({ stage, restDay, today }: { stage: Stage; restDay: boolean; today: string }) {
  // rendered on the phone only (see timer-loader.tsx), so the first render can read localStorage
  const [initial] = useState(() => restore(stage, today, Date.now()));
  const [clock, setClock] = useState<TimerClock>(initial.clock);
  const [mode, setMode] = useState<Mode>(initial.mode);
  const [finishedAt, setFinishedAt] = useState<number | null>(initial.finishedAt);
  const [now, setNow] = useState(initial.now);
  const [message, setMessage] = useState(initial.message);
  const lastPos = useRef<TimerPosition | null>(null);
  const cues = useCues();
  const wake = useWakeLock(mode === "running");
  const elapsed = finishedAt ?? elapsedOn(clock, now);
  const pos = positionAt(stage, elapsed);

  const save = useCallback(
    (c: TimerClock, fin: number | null) => {
      try {
        localStorage.setItem(STORE_KEY, JSON.stringify({ stageId: stage.id, date: today, clock: c, finishedAtMs: fin } satisfies Saved));
      } catch {
        // private mode or full storage: the timer still runs, it just is not kept across a reload
      }
    },
    [stage.id, today],
  );

  const onCue = useCallback(
    (cue: Cue, p: TimerPosition) => {
      cues.play(cue.kind);
      setMessage(announce(p));
    },
    [cues],
  );

  // the tick: read the clock, cue a phase change, finish at the end
  useEffect(() => {
    if (mode !== "running") return;
    const tick = () => {
      const t = Date.now();
      setNow(t);
      const p = positionAt(stage, elapsedOn(clock, t));
      const cue = cueBetween(lastPos.current, p);
      lastPos.current = p;
      if (cue) onCue(cue, p);
      if (p.done) {
        setFinishedAt(p.elapsedMs);
        setMode("finished");
        save(clock, p.elapsedMs);
      }
    };
    tick();
    const id = window.setInterval(tick, TICK_MS);
    // back from the lock screen or another app: read the clock at once rather than at the next tick
    const onVisible = () => document.visibilityState === "visible" && tick();
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      window.clearInterval(id);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [mode, clock, stage, onCue, save]);

  const start = () => {
    cues.unlock(); // a browser lets a page make sound only from a tap
    const c = startClock(clock, Date.now());
    if (mode === "ready") lastPos.current = null;
    else lastPos.current = positionAt(stage, elapsedOn(clock, Date.now()));
    setClock(c);
    setMode("running");
    if (mode === "paused") setMessage(`Resumed. ${announce(positionAt(stage, elapsedOn(c, Date.now())))}`);
    save(c, null);
  };
  const pause = () => {
    const t = Date.now();
    const c = pauseClock(clock, t);
    setClock(c);
    setNow(t);
    setMode("paused");
    setMessage("Paused");
    save(c, null);
  };
  const stop = () => {
    const e = elapsedOn(clock, Date.now());
    setFinishedAt(e);
    setMode("finished");
    setMessage(`Stopped after ${formatClock(e)}. Fill in how it went below.`);
    save(clock, e);
  };
  const discard = () => {
    localStorage.removeItem(STORE_KEY);
    lastPos.current = null;
    setClock(newClock());
    setFinishedAt(null);
    setNow(0);
    setMode("ready");
    setMessage("");
  };

  const out = outcomeAt(stage, elapsed);
  const prefill: TimerPrefill = {
    // minutes rounded up to a tenth, so the logged duration is never shorter than the running time
    minutes: String(Math.ceil(out.durationSec / 6) / 10),
    outcome: out.outcome,
    stoppedAtRepeat: out.stoppedAtRepeat === null ? "" : String(out.stoppedAtRepeat),
    runningSec: String(out.runningSec),
  };
  const running = !pos.done && pos.phase.kind === "run";

  return (
    // at least the screen's height between the header and the bottom navigation, so the big button sits at the bottom, under the thumb
    <div className="flex min-h-[calc(100dvh-10.5rem)] flex-col gap-4">
      <div>
        <h1 className="text-2xl font-bold">Interval timer</h1>
        <p className="text-base font-medium text-slate-900">{stage.words}</p>
        {restDay && mode === "ready" ? <p className="mt-1 text-sm text-slate-800">Today is a rest day by your plan. Start only if your AT agreed.</p> : null}
      </div>

      {/* the live region is always in the page, so the first phase change is announced too */}
      <p aria-live="assertive" aria-atomic="true" className="sr-only">
        {message}
      </p>

      {mode === "finished" ? (
        <section aria-labelledby="timer-log-heading" className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="timer-log-heading" className="text-lg font-semibold">
            {out.outcome === "completed" ? "Session complete — log it" : `Stopped at ${formatClock(elapsed)} — log it`}
          </h2>
          <p className="text-sm text-slate-800">
            Filled in from the timer: {prefill.minutes} min{stage.runMin > 0 ? `, ${formatClock(out.runningSec * 1000)} of running` : ""}
            {out.outcome === "stopped_early" && stage.runMin > 0 ? `, ${out.stoppedAtRepeat} of ${stage.repeats} repeats done` : ""}. Add your knee pain and save.
          </p>
          <StageSessionForm stageId={stage.id} stageNumber={stage.number} repeats={stage.repeats} walking={stage.runMin === 0} today={today} prefill={prefill} />
          <div className="flex flex-wrap gap-4 text-sm">
            <Link href="/today" className="font-semibold text-brand-700 underline">
              Back to Today
            </Link>
            <button type="button" onClick={discard} className="font-semibold text-brand-700 underline">
              Discard this timing and start again
            </button>
          </div>
        </section>
      ) : (
        <>
          <section
            aria-label="Timer"
            className={`flex flex-col items-center gap-1 rounded-xl border-4 px-3 py-6 text-center ${mode === "ready" ? "border-slate-900 bg-white text-slate-950" : running ? "border-slate-950 bg-slate-950 text-white" : "border-slate-950 bg-yellow-300 text-slate-950"}`}
          >
            <p className="text-6xl font-black tracking-wide uppercase" data-testid="timer-phase">
              {mode === "ready" ? "Ready" : pos.done ? "Done" : pos.phase.kind === "run" ? "Run" : "Walk"}
            </p>
            {!pos.done && pos.repeats > 1 ? <p className="text-2xl font-bold">Repeat {pos.repeat} of {pos.repeats}</p> : null}
            <p className="text-7xl font-black tabular-nums" role="timer" aria-label="Time left in this phase">
              {formatClock(pos.phaseRemainingMs)}
            </p>
            <p className="text-xl font-semibold tabular-nums">Session left {formatClock(pos.totalRemainingMs)}</p>
            {mode === "paused" ? <p className="mt-1 text-2xl font-black uppercase">Paused</p> : null}
          </section>
          <p className="text-sm text-slate-800">
            {wake === "on" ? "The screen stays on while the timer runs." : wake === "unsupported" ? "This browser cannot keep the screen on: set your phone not to lock, or you may miss a cue." : wake === "failed" ? "The screen could not be kept on: set your phone not to lock, or you may miss a cue." : "Cues by sound and vibration at each change. The screen stays on while the timer runs."}
          </p>
          <div className="sticky bottom-14 z-10 mt-auto flex flex-col gap-2 bg-slate-50/95 pt-2">
            {mode === "paused" ? (
              <button type="button" onClick={stop} className="min-h-14 w-full rounded-xl border-2 border-slate-950 bg-white px-4 text-lg font-bold text-slate-950">
                Stop early and log
              </button>
            ) : null}
            <button
              type="button"
              onClick={mode === "running" ? pause : start}
              className="min-h-24 w-full rounded-xl bg-brand-700 px-4 text-3xl font-black text-white hover:bg-brand-800 focus-visible:outline-4 focus-visible:outline-offset-2 focus-visible:outline-slate-950"
            >
              {mode === "ready" ? "Start" : mode === "running" ? "Pause" : "Resume"}
            </button>
          </div>
        </>
      )}
    </div>
  );
}
