-- Issue 12: a learner cannot hold mentors' places without limit. A proposal nobody answers
-- expires (and gives the mentor's place back), and each proposal says whether the learner made
-- it, so open learner-made proposals can be capped.
alter table mentorship drop constraint mentorship_status_check;
alter table mentorship add constraint mentorship_status_check
    check (status in ('proposed', 'accepted', 'declined', 'active', 'completed', 'expired'));
alter table mentorship add column proposed_by_learner boolean not null default false;
-- the expiry job looks only at unanswered proposals, oldest first
create index mentorship_unanswered_idx on mentorship (proposed_at) where status = 'proposed';
