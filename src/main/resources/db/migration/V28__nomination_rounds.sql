-- Nomination rounds (issue 16, "Nomination rounds"; docs/recognition.md): programme staff open a
-- round, people nominate leaders with reasons per criterion and the records that back them, judges
-- declare conflicts and score, staff close the round (the result is computed then and stored), adjust
-- the order with a reason, and publish.
--
-- What happens on erasure is in the foreign keys: a person's nominations (made or received) and
-- scores go with them (on delete cascade); a published list keeps its place for them with no one in
-- it (round_result.nominee_leader_id on delete set null: "a person who has left the registry").
--
-- A round's phase is not stored: it follows from its dates and from closed_at and published_at
-- (NominationRound#phase), so no job has to move rounds along.
create table nomination_round (
    id                     bigint generated always as identity primary key,
    version                integer not null default 0,
    name                   text not null check (char_length(name) between 1 and 200),
    question               text not null check (char_length(question) between 1 and 500),
    nominations_open_on    date not null,
    nominations_close_on   date not null,
    judging_close_on       date not null,
    select_count           integer not null check (select_count between 1 and 500),
    rank_count             integer not null check (rank_count >= 0),
    -- who may nominate: 'signed-in' (any signed-in account) or 'public' (also anyone with a confirmed
    -- e-mail address)
    nominators             text not null check (nominators in ('signed-in', 'public')),
    -- who sees the published list: 'public', 'signed-in' or 'programme'
    list_visibility        text not null check (list_visibility in ('public', 'signed-in', 'programme')),
    created_by_account_id  bigint references account (id) on delete set null,
    created_at             timestamptz not null default now(),
    closed_at              timestamptz,
    published_at           timestamptz,
    check (nominations_open_on <= nominations_close_on and nominations_close_on <= judging_close_on),
    check (rank_count <= select_count),
    check (published_at is null or closed_at is not null)
);

-- The criteria judges score on, in order; seeded from seed-data/recognition/criteria.csv (the CI50's
-- six) and editable until nominations open.
create table round_criterion (
    round_id     bigint not null references nomination_round (id) on delete cascade,
    position     integer not null,
    code         text not null check (code ~ '^[a-z][a-z0-9-]{0,39}$'),
    name         text not null check (char_length(name) between 1 and 120),
    description  text not null check (char_length(description) between 1 and 1000),
    primary key (round_id, position),
    unique (round_id, code)
);

-- The judges; conflicts_declared_at is set once the judge has confirmed their conflicts, and scoring
-- is refused before it.
create table round_judge (
    round_id               bigint not null references nomination_round (id) on delete cascade,
    account_id             bigint not null references account (id) on delete cascade,
    conflicts_declared_at  timestamptz,
    primary key (round_id, account_id)
);
create index round_judge_account_idx on round_judge (account_id);

-- One nomination per nominator per nominee per round. A nominator is a signed-in account, or (for a
-- public round) an e-mail address that counts only once confirmed_at is set.
create table nomination (
    id                    bigint generated always as identity primary key,
    round_id              bigint not null references nomination_round (id) on delete cascade,
    nominee_leader_id     bigint not null references leader (id) on delete cascade,
    nominator_account_id  bigint references account (id) on delete cascade,
    nominator_email       text check (char_length(nominator_email) <= 254),
    confirmed_at          timestamptz,
    created_at            timestamptz not null default now(),
    check ((nominator_account_id is null) <> (nominator_email is null))
);
create unique index nomination_one_per_account
    on nomination (round_id, nominator_account_id, nominee_leader_id) where nominator_account_id is not null;
create unique index nomination_one_per_email
    on nomination (round_id, lower(nominator_email), nominee_leader_id) where nominator_email is not null;
create index nomination_nominee_idx on nomination (nominee_leader_id);

create table nomination_reason (
    nomination_id   bigint not null references nomination (id) on delete cascade,
    criterion_code  text not null,
    reason          text not null check (char_length(reason) between 1 and 2000),
    primary key (nomination_id, criterion_code)
);

-- The nominee's records that back a nomination (they must be the nominee's).
create table nomination_record (
    nomination_id  bigint not null references nomination (id) on delete cascade,
    record_id      bigint not null references integration_record (id) on delete cascade,
    primary key (nomination_id, record_id)
);

-- Conflicts a judge has confirmed (suggestions are computed, not stored): the judge does not score
-- that nominee, and the result leaves the judge out for them.
create table judge_conflict (
    round_id           bigint not null references nomination_round (id) on delete cascade,
    judge_account_id   bigint not null references account (id) on delete cascade,
    nominee_leader_id  bigint not null references leader (id) on delete cascade,
    -- 'own-organisation', 'partner-organisation' or 'declared' (one the judge added)
    reason             text not null check (reason in ('own-organisation', 'partner-organisation', 'declared')),
    declared_at        timestamptz not null default now(),
    primary key (round_id, judge_account_id, nominee_leader_id)
);

create table judge_score (
    round_id           bigint not null references nomination_round (id) on delete cascade,
    judge_account_id   bigint not null references account (id) on delete cascade,
    nominee_leader_id  bigint not null references leader (id) on delete cascade,
    criterion_code     text not null,
    score              integer not null check (score between 1 and 5),
    scored_at          timestamptz not null default now(),
    primary key (round_id, judge_account_id, nominee_leader_id, criterion_code)
);

-- The result, computed when the round closes and stored, so a later erasure of a judge does not
-- change a closed round's order. position is the final order (after adjustments); computed_position
-- is the order the method gave.
create table round_result (
    round_id           bigint not null references nomination_round (id) on delete cascade,
    position           integer not null check (position >= 1),
    nominee_leader_id  bigint references leader (id) on delete set null,
    computed_position  integer not null check (computed_position >= 1),
    mean_score         numeric(6, 3),
    judges_counted     integer not null check (judges_counted >= 0),
    selected           boolean not null,
    ranked             boolean not null,
    citation           text check (char_length(citation) <= 600),
    primary key (round_id, position)
);
create index round_result_nominee_idx on round_result (nominee_leader_id);

-- Every change staff make to the computed order, with its reason.
create table round_adjustment (
    id                      bigint generated always as identity primary key,
    round_id                bigint not null references nomination_round (id) on delete cascade,
    nominee_leader_id       bigint references leader (id) on delete set null,
    from_position           integer not null,
    to_position             integer not null,
    reason                  text not null check (char_length(reason) between 1 and 1000),
    adjusted_by_account_id  bigint references account (id) on delete set null,
    adjusted_at             timestamptz not null default now()
);
