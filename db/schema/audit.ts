import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { clinics, users } from "./clinics";

export const auditLog = pgTable(
  "audit_log",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    actorId: uuid("actor_id").references(() => users.id),
    action: text("action").notNull(),
    entity: text("entity").notNull(),
    entityId: uuid("entity_id"),
    before: jsonb("before"),
    after: jsonb("after"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("audit_clinic_entity_idx").on(t.clinicId, t.entity, t.entityId),
    index("audit_clinic_created_idx").on(t.clinicId, t.createdAt),
    index("audit_actor_idx").on(t.actorId),
  ],
);

export type AuditEntry = typeof auditLog.$inferSelect;
