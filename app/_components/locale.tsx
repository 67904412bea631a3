"use client";

import { createContext, useContext } from "react";
import { FALLBACK_LOCALE } from "@/lib/format/locale";

const LocaleContext = createContext<string>(FALLBACK_LOCALE);

/** Hands the request's locale (chosen on the server) to client components, so both render the same dates. */
export function LocaleProvider({ locale, children }: { locale: string; children: React.ReactNode }) {
  return <LocaleContext.Provider value={locale}>{children}</LocaleContext.Provider>;
}

export const useLocale = () => useContext(LocaleContext);
