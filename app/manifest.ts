import type { MetadataRoute } from "next";

/**
 * The installable app is the athlete's: it opens on Today, and works without a signal for the
 * pages of lib/offline/routes.ts. Trainers use the site in a browser as before.
 */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Stride Clinic",
    short_name: "Stride",
    description: "Your morning check-in, runs and exercises, with or without a signal.",
    id: "/today",
    start_url: "/today",
    scope: "/",
    display: "standalone",
    orientation: "portrait",
    background_color: "#ffffff",
    theme_color: "#115c48",
    icons: [
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml", purpose: "any" },
    ],
  };
}
