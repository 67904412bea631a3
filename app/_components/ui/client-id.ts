"use client";

import { useState } from "react";

/**
 * One id per submission, made in the browser: a double tap or a retry after a dropped connection
 * sends the same id, and the server stores one record. A fresh id comes with each new form.
 */
export function useClientId(): string {
  const [id] = useState(() => crypto.randomUUID());
  return id;
}
