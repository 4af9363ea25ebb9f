-- Issue 19: a mentor's pause (docs/matching.md, "Pausing a mentor"). Unavailable to matching and to
-- search's mentoring=available while mentoring_paused_until is after today (UTC), so the pause ends by
-- itself on that day with no job; null is no pause. The reason is for programme staff and admins only
-- and is never indexed.
alter table leader
    add column mentoring_paused_until date,
    add column mentoring_pause_reason varchar(500);
