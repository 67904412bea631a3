import { z } from "zod";
import { toVideoEmbed, VIDEO_LINK_MESSAGE } from "@/lib/media/video-link";

export const exerciseMediaIdSchema = z.object({ exerciseId: z.uuid({ message: "Choose an exercise." }) });

/** The form's video link: a YouTube or Vimeo address, turned into its privacy-enhanced embed. */
export const videoLinkSchema = exerciseMediaIdSchema.extend({
  videoLink: z
    .string({ message: VIDEO_LINK_MESSAGE })
    .trim()
    .min(1, "Paste a video link.")
    .max(500, VIDEO_LINK_MESSAGE)
    .transform((link, ctx) => {
      const embed = toVideoEmbed(link);
      if (!embed) {
        ctx.addIssue({ code: "custom", message: VIDEO_LINK_MESSAGE });
        return z.NEVER;
      }
      return embed.embedUrl;
    }),
});

/** The photo field: a file; its type and size are checked by its bytes (lib/media/photo.ts). */
export const photoUploadSchema = exerciseMediaIdSchema.extend({
  photo: z.instanceof(File, { message: "Choose a photo to upload." }).refine((f) => f.size > 0, "Choose a photo to upload."),
});

/** Only these two paths name a photo: the hash in the address makes it immutable. */
export const photoParamsSchema = z.object({ exerciseId: z.uuid(), hash: z.string().regex(/^[0-9a-f]{64}$/) });
