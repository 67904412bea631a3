"use client";

import { useMemo, useRef } from "react";
import type { Cue } from "@/lib/domain/interval-timer";

type Tone = { hz: number; ms: number };

/** Run: three short high beeps; walk: two long low ones; done: a rising three. Vibration follows the same rhythm. */
const TONES: Record<Cue["kind"], Tone[]> = {
  run: [
    { hz: 1320, ms: 150 },
    { hz: 1320, ms: 150 },
    { hz: 1320, ms: 150 },
  ],
  walk: [
    { hz: 660, ms: 450 },
    { hz: 660, ms: 450 },
  ],
  done: [
    { hz: 660, ms: 200 },
    { hz: 880, ms: 200 },
    { hz: 1320, ms: 500 },
  ],
};
const GAP_MS = 120;

type AudioContextClass = typeof AudioContext;

/**
 * Sound by the Web Audio API (no audio files: nothing to download, works offline) and vibration
 * where the phone has it. The audio context is made on the first tap (browsers allow sound only
 * after one) and reused.
 */
export function useCues() {
  const ctx = useRef<AudioContext | null>(null);
  return useMemo(
    () => ({
      unlock() {
        if (ctx.current) {
          void ctx.current.resume();
          return;
        }
        const Ctor = (window.AudioContext ?? (window as unknown as { webkitAudioContext?: AudioContextClass }).webkitAudioContext) as AudioContextClass | undefined;
        if (!Ctor) return;
        try {
          ctx.current = new Ctor();
        } catch {
          ctx.current = null;
        }
      },
      play(kind: Cue["kind"]) {
        const tones = TONES[kind];
        if (typeof navigator.vibrate === "function") navigator.vibrate(tones.flatMap((t, i) => (i === 0 ? [t.ms] : [GAP_MS, t.ms])));
        const ac = ctx.current;
        if (!ac) return;
        let at = ac.currentTime + 0.02;
        for (const t of tones) {
          const osc = ac.createOscillator();
          const gain = ac.createGain();
          osc.type = "square";
          osc.frequency.value = t.hz;
          // a short ramp in and out: no click, and loud enough over traffic
          gain.gain.setValueAtTime(0.0001, at);
          gain.gain.exponentialRampToValueAtTime(0.5, at + 0.01);
          gain.gain.setValueAtTime(0.5, at + t.ms / 1000 - 0.02);
          gain.gain.exponentialRampToValueAtTime(0.0001, at + t.ms / 1000);
          osc.connect(gain).connect(ac.destination);
          osc.start(at);
          osc.stop(at + t.ms / 1000 + 0.01);
          at += (t.ms + GAP_MS) / 1000;
        }
      },
    }),
    [],
  );
}
