import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { pickLocale } from "./locale";

/**
 * The locale of the request being rendered (from its Accept-Language), once per request. Client
 * components get the same value from the root layout's LocaleProvider, so server and browser
 * render the same text.
 */
export const requestLocale = cache(async (): Promise<string> => pickLocale((await headers()).get("accept-language")));
