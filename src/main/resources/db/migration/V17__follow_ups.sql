-- Records can be drafts. A draft is started from a follow-up answer ("start a record of my own
-- work") with little more than a title; its leader completes it and publishes it, and the rules a
-- record must meet are checked then. Drafts are seen only by their leader and programme staff:
-- never indexed, never on a profile. Every record written before this is published.
alter table integration_record add column state text not null default 'published' check (state in ('draft', 'published'));
-- the mentor whose mentorship the record came from ("learned from"), and that mentorship
alter table integration_record add column learned_from_leader_id bigint references leader (id) on delete set null;
alter table integration_record add column learned_from_mentorship_id bigint references mentorship (id) on delete set null;
create index integration_record_learned_from_idx on integration_record (learned_from_leader_id) where learned_from_leader_id is not null;

-- what a published record must have stays enforced for published records; a draft may lack it
alter table integration_record alter column services drop not null;
alter table integration_record alter column scope drop not null;
alter table integration_record alter column role drop not null;
alter table integration_record alter column period_start drop not null;
do $$
declare c record;
begin
    for c in select conname from pg_constraint
              where conrelid = 'integration_record'::regclass and contype = 'c'
                and pg_get_constraintdef(oid) like '%cardinality(services)%'
    loop
        execute format('alter table integration_record drop constraint %I', c.conname);
    end loop;
end $$;
alter table integration_record add constraint integration_record_published_complete check (
    state = 'draft' or (services is not null and cardinality(services) >= 2 and scope is not null and role is not null
                        and period_start is not null));

-- The follow-ups of a completed mentorship: the learner is asked what changed 3 and 6 months on.
-- mentor_id and learner_id are copied from the mentorship when it completes, so the follow-up
-- pass and the track record read this table alone.
create table follow_up (
    id               bigint generated always as identity primary key,
    mentorship_id    bigint not null references mentorship (id) on delete cascade,
    months           integer not null check (months in (3, 6)),
    mentor_id        bigint not null references leader (id) on delete cascade,
    learner_id       bigint not null references leader (id) on delete cascade,
    due_at           timestamptz not null,
    -- when the pass queued the question (null: not yet); set once, which makes it one mail
    asked_at         timestamptz,
    answered_at      timestamptz,
    what_changed     text,
    would_recommend  boolean,
    -- the draft record the answer started, if any
    record_id        bigint references integration_record (id) on delete set null,
    version          integer not null default 0,
    unique (mentorship_id, months),
    check ((answered_at is null) = (would_recommend is null))
);
create index follow_up_due_idx on follow_up (due_at) where asked_at is null;
create index follow_up_learner_idx on follow_up (learner_id);
create index follow_up_mentor_idx on follow_up (mentor_id);

-- mentorships completed before follow-ups existed get theirs too, except questions that fell due
-- more than a month ago (nobody is asked about a mentorship long past)
insert into follow_up (mentorship_id, months, mentor_id, learner_id, due_at)
select m.id, months.n, m.mentor_id, m.learner_id, m.completed_at + make_interval(months => months.n)
  from mentorship m cross join (values (3), (6)) as months (n)
 where m.status = 'completed' and m.completed_at is not null and m.mentor_id <> m.learner_id
   and m.completed_at + make_interval(months => months.n) > now() - interval '1 month';
