"use client";

import { useState } from "react";

/**
 * One id per submission, made in the browser: a double tap or a retry after a dropped connection
 * sends the same id, and the server stores one record. A fresh id comes with each new form, and
 * with each new `generation` (a report queued on the phone leaves the form open for the next one).
 */
export function useClientId(generation?: unknown): string {
  const [current, setCurrent] = useState(() => ({ generation, id: crypto.randomUUID() }));
  if (current.generation !== generation) {
    const next = { generation, id: crypto.randomUUID() };
    setCurrent(next);
    return next.id;
  }
  return current.id;
}
