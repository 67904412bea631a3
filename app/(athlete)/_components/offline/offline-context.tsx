"use client";

import { createContext, useContext } from "react";

/** Whose outbox the athlete pages write to: the signed-in user (null outside the athlete area). */
export const OfflineUserContext = createContext<string | null>(null);

export const useOfflineUser = () => useContext(OfflineUserContext);
