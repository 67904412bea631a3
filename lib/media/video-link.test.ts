import { describe, expect, it } from "vitest";
import { isEmbedUrl, toVideoEmbed, VIDEO_EMBED_HOSTS } from "./video-link";

describe("toVideoEmbed", () => {
  it.each([
    ["https://www.youtube.com/watch?v=dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"],
    ["https://youtube.com/watch?v=dQw4w9WgXcQ&t=42s", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"],
    ["https://m.youtube.com/watch?v=dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"],
    ["https://youtu.be/dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"],
    ["youtu.be/dQw4w9WgXcQ?si=abc", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"],
    ["https://www.youtube.com/shorts/dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"],
    ["https://www.youtube.com/embed/dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"],
    ["https://vimeo.com/76979871", "https://player.vimeo.com/video/76979871?dnt=1"],
    ["  https://player.vimeo.com/video/76979871?h=abc  ", "https://player.vimeo.com/video/76979871?dnt=1"],
  ])("%s → %s", (input, embed) => {
    const e = toVideoEmbed(input);
    expect(e?.embedUrl).toBe(embed);
    expect(isEmbedUrl(e!.embedUrl)).toBe(true);
  });

  it.each([
    "",
    "not a link",
    "https://evil.example/watch?v=dQw4w9WgXcQ",
    "https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ",
    "https://www.youtube.com/watch?v=short",
    "https://www.youtube.com/watch?v=dQw4w9WgXcQ%22onload",
    "javascript:alert(1)//youtu.be/dQw4w9WgXcQ",
    "https://vimeo.com/channels/staffpicks",
    "https://vimeo.com/abc",
    "https://user:pw@youtu.be/dQw4w9WgXcQ",
    "ftp://youtu.be/dQw4w9WgXcQ",
  ])("refuses %j", (input) => {
    expect(toVideoEmbed(input)).toBeNull();
  });

  it("accepts only its own embed addresses", () => {
    expect(isEmbedUrl("https://www.youtube.com/embed/dQw4w9WgXcQ")).toBe(false);
    expect(isEmbedUrl("https://player.vimeo.com/video/1")).toBe(false);
  });
});

describe("the CSP", () => {
  it("frames exactly the two embed hosts", async () => {
    const { contentSecurityPolicy } = (await import("@/lib/security/headers.js")) as { contentSecurityPolicy: (n: string) => string };
    const frame = contentSecurityPolicy("n").split("; ").find((d) => d.startsWith("frame-src "));
    expect(frame?.split(" ").slice(1).sort()).toEqual([...VIDEO_EMBED_HOSTS].sort());
  });
});
