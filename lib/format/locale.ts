// The locale dates and numbers are written in. The interface is English, so only English locales
// are chosen (en-US writes "Dec 2", en-GB "2 Dec"); any other preference falls back to en-GB:
// day-before-month as most of the world writes it, spelled-out months so it is never ambiguous, and
// what the app showed before it followed the browser.
export const FALLBACK_LOCALE = "en-GB";

type Preference = { tag: string; q: number; order: number };

function preferences(acceptLanguage: string): Preference[] {
  const out: Preference[] = [];
  acceptLanguage.split(",").forEach((part, order) => {
    const [rawTag, ...params] = part.trim().split(";");
    const tag = (rawTag ?? "").trim();
    if (!tag || tag === "*") return;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    if (Number.isFinite(q) && q > 0) out.push({ tag, q, order });
  });
  return out.sort((a, b) => b.q - a.q || a.order - b.order);
}

function canonical(tag: string): string | null {
  try {
    const [supported] = Intl.DateTimeFormat.supportedLocalesOf([tag]);
    return supported ? new Intl.Locale(supported).toString() : null;
  } catch {
    return null; // not a well-formed language tag
  }
}

/**
 * The locale for an `Accept-Language` header: its most preferred English tag with a region
 * ("en-US", "en-AU"), else en-GB. A bare "en" says nothing about the region, so it is skipped.
 */
export function pickLocale(acceptLanguage: string | null | undefined): string {
  if (!acceptLanguage) return FALLBACK_LOCALE;
  for (const { tag } of preferences(acceptLanguage.slice(0, 500))) {
    const locale = canonical(tag);
    if (!locale) continue;
    const parsed = new Intl.Locale(locale);
    if (parsed.language === "en" && parsed.region) return `en-${parsed.region}`;
  }
  return FALLBACK_LOCALE;
}
