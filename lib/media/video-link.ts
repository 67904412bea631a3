/**
 * A video link as a trainer pastes it (YouTube or Vimeo), turned into the privacy-enhanced embed
 * address the pages put in an iframe: youtube-nocookie.com, or player.vimeo.com with dnt=1. The
 * CSP's frame-src allows exactly these two hosts (lib/security/headers.js).
 */
export const VIDEO_EMBED_HOSTS = ["https://www.youtube-nocookie.com", "https://player.vimeo.com"] as const;

export const VIDEO_LINK_MESSAGE = "Paste a YouTube or Vimeo link, such as https://www.youtube.com/watch?v=… or https://vimeo.com/123456.";

const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;
const VIMEO_ID = /^\d{1,12}$/;

export type VideoEmbed = { provider: "youtube" | "vimeo"; id: string; embedUrl: string };

const youtube = (id: string): VideoEmbed | null => (YOUTUBE_ID.test(id) ? { provider: "youtube", id, embedUrl: `https://www.youtube-nocookie.com/embed/${id}` } : null);
const vimeo = (id: string): VideoEmbed | null => (VIMEO_ID.test(id) ? { provider: "vimeo", id, embedUrl: `https://player.vimeo.com/video/${id}?dnt=1` } : null);

/** The embed for a YouTube or Vimeo link; null for anything else. */
export function toVideoEmbed(input: string): VideoEmbed | null {
  const text = input.trim();
  if (!text || text.length > 500) return null;
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return null;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return null;
  if (url.username || url.password || url.port) return null;
  const host = url.hostname.toLowerCase().replace(/^www\.|^m\./, "");
  const parts = url.pathname.split("/").filter(Boolean);
  switch (host) {
    case "youtube.com":
    case "youtube-nocookie.com":
      if (url.pathname === "/watch") return youtube(url.searchParams.get("v") ?? "");
      if (parts.length === 2 && ["embed", "shorts", "live", "v"].includes(parts[0]!)) return youtube(parts[1]!);
      return null;
    case "youtu.be":
      return parts.length === 1 ? youtube(parts[0]!) : null;
    case "vimeo.com":
      return parts.length === 1 ? vimeo(parts[0]!) : null;
    case "player.vimeo.com":
      return parts.length === 2 && parts[0] === "video" ? vimeo(parts[1]!) : null;
    default:
      return null;
  }
}

/** True for an address this module produced: what the pages are willing to put in an iframe. */
export function isEmbedUrl(url: string): boolean {
  return /^https:\/\/www\.youtube-nocookie\.com\/embed\/[A-Za-z0-9_-]{11}$/.test(url) || /^https:\/\/player\.vimeo\.com\/video\/\d{1,12}\?dnt=1$/.test(url);
}
