-- A coaching note belongs to the exercise it was written for (issue 15, item 5). Until now a step
-- (progress or regress) kept the item's note, so "move to the banded version once 3 × 15 is easy"
-- stayed on the banded clamshell. Clear the note of every item whose latest dosage-bearing event is
-- a step (no note was written for the current exercise since), and record why in the item's history,
-- keeping the old note in the event's "before".
WITH latest AS (
  SELECT DISTINCT ON (e.item_id) e.item_id, e.kind
    FROM program_item_events e
   WHERE e.kind IN ('added', 'dosage_changed', 'progressed', 'regressed')
   ORDER BY e.item_id, e.created_at DESC, e.id DESC
), stale AS (
  SELECT i.id, i.clinic_id, i.athlete_id, i.exercise_id,
         jsonb_build_object('sets', i.sets, 'reps', i.reps, 'holdSec', i.hold_sec, 'daysPerWeek', i.days_per_week, 'load', i.load) AS dosage,
         i.note
    FROM program_items i
    JOIN latest l ON l.item_id = i.id
   WHERE l.kind IN ('progressed', 'regressed') AND i.note IS NOT NULL
), recorded AS (
  INSERT INTO program_item_events (clinic_id, athlete_id, item_id, kind, reason, from_exercise_id, to_exercise_id, before, after)
  SELECT clinic_id, athlete_id, id, 'dosage_changed',
         'The note of the exercise before the last step was removed: a coaching note belongs to its exercise',
         exercise_id, exercise_id, dosage || jsonb_build_object('note', note), dosage || jsonb_build_object('note', NULL)
    FROM stale
  RETURNING item_id
)
UPDATE program_items SET note = NULL, updated_at = now() WHERE id IN (SELECT item_id FROM recorded);
