/// <reference lib="webworker" />
import { NetworkFirst, NetworkOnly, type PrecacheEntry, type SerwistPlugin, Serwist } from "serwist";
import { ATHLETE_PAGES_CACHE, OFFLINE_ROUTES, USER_HEADER } from "./routes";

/**
 * The service worker, bundled by @serwist/turbopack (app/serwist/[path]/route.ts) with the build's
 * static files as its precache list. Only the athlete pages of OFFLINE_ROUTES are kept, network
 * first, as the signed-in athlete last saw them; no other page and no API answer is ever stored.
 * The cache belongs to one user: every page response says whose it is (USER_HEADER, set by
 * proxy.ts), and a page of anybody else, or of nobody (signed out), empties it before anything of
 * theirs is stored.
 */
declare global {
  interface WorkerGlobalScope {
    __SW_MANIFEST: (PrecacheEntry | string)[] | undefined;
  }
}
declare const self: ServiceWorkerGlobalScope;

const PAGES = ATHLETE_PAGES_CACHE;
const OWNER = "athlete-pages-owner";
const OWNER_KEY = "/__owner";
const ANONYMOUS = "-";

async function ownerOf(): Promise<string | null> {
  const hit = await (await caches.open(OWNER)).match(OWNER_KEY);
  return hit ? hit.text() : null;
}

/** A page answered for `user`: if the cache holds someone else's pages, they go first. */
async function answeredFor(user: string): Promise<void> {
  if ((await ownerOf()) === user) return;
  await caches.delete(PAGES);
  await (await caches.open(OWNER)).put(OWNER_KEY, new Response(user));
}

const perUser: SerwistPlugin = {
  fetchDidSucceed: async ({ response }) => {
    const user = response.headers.get(USER_HEADER);
    if (user !== null) await answeredFor(user);
    return response;
  },
  // only a whole page of a signed-in user is kept (not a redirect to sign-in, not an error)
  cacheWillUpdate: async ({ response }) => {
    const user = response.headers.get(USER_HEADER);
    return response.status === 200 && !response.redirected && user && user !== ANONYMOUS ? response : null;
  },
  // one entry per page: "/today?saved=check-in" is the same page as "/today"
  cacheKeyWillBeUsed: async ({ request }) => new URL(request.url).pathname,
};

const isRsc = (request: Request) => request.headers.has("rsc") || request.headers.has("next-router-prefetch") || new URL(request.url).searchParams.has("_rsc");
const offlinePages: readonly string[] = OFFLINE_ROUTES;

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  skipWaiting: true,
  clientsClaim: true,
  navigationPreload: false,
  runtimeCaching: [
    {
      matcher: ({ request, url, sameOrigin }) => sameOrigin && offlinePages.includes(url.pathname) && !isRsc(request),
      handler: new NetworkFirst({ cacheName: PAGES, plugins: [perUser], matchOptions: { ignoreVary: true } }),
    },
    // every other page passes through untouched, but still says whose it is (a new user's first page empties the cache)
    {
      matcher: ({ request, sameOrigin }) => sameOrigin && request.mode === "navigate",
      handler: new NetworkOnly({ plugins: [perUser] }),
    },
  ],
});

serwist.addEventListeners();
