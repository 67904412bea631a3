import type { ExerciseMediaView } from "@/lib/data/exercise-media";

/**
 * An exercise's photo and video, as plain markup (no client code: Today's first load stays
 * small). The photo carries its size, so nothing jumps as it loads; the video is the
 * privacy-enhanced player, loaded only when scrolled near.
 */
export function ExerciseMedia({ name, media, video = true, className = "" }: { name: string; media: ExerciseMediaView | undefined; video?: boolean; className?: string }) {
  if (!media || (!media.photo && !(video && media.videoUrl))) return null;
  return (
    <div className={`flex flex-col gap-2 ${className}`}>
      {media.photo ? (
        // eslint-disable-next-line @next/next/no-img-element -- already resized WebP behind a session: next/image's optimiser adds nothing
        <img src={media.photo.url} width={media.photo.width} height={media.photo.height} alt={`Photo of ${name}`} loading="lazy" decoding="async" className="h-auto max-h-72 w-full max-w-md rounded-md border border-slate-200 object-contain print:max-h-48 print:w-auto" />
      ) : null}
      {video && media.videoUrl ? (
        <div className="relative aspect-video w-full max-w-md overflow-hidden rounded-md border border-slate-200 bg-slate-100 print:hidden">
          <iframe
            src={media.videoUrl}
            title={`Video: ${name}`}
            loading="lazy"
            allow="fullscreen; picture-in-picture"
            allowFullScreen
            referrerPolicy="strict-origin-when-cross-origin"
            sandbox="allow-scripts allow-same-origin allow-presentation allow-popups"
            className="absolute inset-0 h-full w-full"
          />
        </div>
      ) : null}
    </div>
  );
}
