import { z } from "zod";
import { CHANGE_KINDS, type ChangeKind } from "@/lib/domain/change-lines";

export const AUDIT_PAGE_SIZE = 50;

const kinds = Object.keys(CHANGE_KINDS) as [ChangeKind, ...ChangeKind[]];
const day = z.iso.date();

/**
 * The audit log's filters as the URL carries them. Like the roster, the page quietly drops a value
 * it cannot use (a hand-edited URL) instead of failing; a "from" after "to" drops both.
 */
export const auditQuerySchema = z
  .object({
    page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
    athlete: z.uuid().optional().catch(undefined),
    // a person's user id, or "system" for what the app did by itself (alerts retired, reopened)
    person: z.union([z.uuid(), z.literal("system")]).optional().catch(undefined),
    kind: z.enum(kinds).optional().catch(undefined),
    from: day.optional().catch(undefined),
    to: day.optional().catch(undefined),
    q: z.string().trim().max(120).optional().catch(undefined),
  })
  .transform((v) => (v.from && v.to && v.from > v.to ? { ...v, from: undefined, to: undefined } : v))
  .transform((v) => ({ ...v, q: v.q || undefined }));
export type AuditQuery = z.infer<typeof auditQuerySchema>;
