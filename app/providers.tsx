"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";

const makeClient = () => new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, refetchOnWindowFocus: false } } });

// One QueryClient per browser tab, so cached series survive moving between pages; a fresh one per server render.
let browserClient: QueryClient | undefined;
const clientFor = () => (typeof window === "undefined" ? makeClient() : (browserClient ??= makeClient()));

/**
 * React Query for the charts. Only the pages with a chart wrap their chart in this, so React Query
 * stays out of the first load of every other page (it used to sit in the root layout).
 */
export function Providers({ children }: { children: React.ReactNode }) {
  return <QueryClientProvider client={clientFor()}>{children}</QueryClientProvider>;
}
