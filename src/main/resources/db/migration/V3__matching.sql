-- Matching: learning requests, mentorships, cohort results, and the mentoring load on leaders.

-- Organisations a leader should not be matched with (either way), and how many mentees they
-- hold now (proposed, accepted or active mentorships). The count is kept by the service with
-- one atomic update, so concurrent proposals can never take a mentor past their capacity.
alter table leader add column mentoring_conflicts text[] not null default '{}';
alter table leader add column mentoring_active integer not null default 0 check (mentoring_active >= 0);

create sequence learning_request_seq increment by 50;
create table learning_request (
    id          bigint primary key,
    version     integer not null,
    learner_id  bigint not null references leader (id) on delete cascade,
    area_code   text not null,
    services    text[] not null check (cardinality(services) >= 1),
    approaches  text[] not null default '{}',
    scope       text,
    formats     text[] not null default '{}',
    need        text,
    status      text not null check (status in ('open', 'withdrawn')),
    created_at  timestamptz not null,
    updated_at  timestamptz not null
);
create index learning_request_learner_idx on learning_request (learner_id);

create sequence mentorship_seq increment by 50;
create table mentorship (
    id                       bigint primary key,
    version                  integer not null,
    request_id               bigint not null references learning_request (id) on delete cascade,
    mentor_id                bigint not null references leader (id) on delete cascade,
    learner_id               bigint not null references leader (id) on delete cascade,
    score                    double precision not null,
    reasons                  text[] not null default '{}',
    status                   text not null check (status in ('proposed', 'accepted', 'declined', 'active', 'completed')),
    proposed_at              timestamptz not null,
    responded_at             timestamptz,
    started_at               timestamptz,
    completed_at             timestamptz,
    mentor_note              text,
    learner_note             text,
    learner_would_recommend  boolean,
    cohort_match_id          bigint
);
create index mentorship_mentor_idx on mentorship (mentor_id);
create index mentorship_learner_idx on mentorship (learner_id);
-- one live mentorship per request and mentor
create unique index mentorship_live_pair_idx on mentorship (request_id, mentor_id)
    where status in ('proposed', 'accepted', 'active');

-- A computed cohort assignment, kept so programme staff can accept it whole or row by row.
create table cohort_match (
    id           bigint generated always as identity primary key,
    created_at   timestamptz not null default now(),
    per_request  integer not null,
    result       jsonb not null
);
