-- The transactional outbox: each change to a leader or one of their records adds a row here in
-- the same transaction. A row says only "leader X changed (to revision R)"; the indexer reloads
-- the leader's current state, so the order of rows does not matter. A row is deleted once
-- Elasticsearch has acknowledged it; a failing row is retried with backoff and parked after
-- a few tries, where an admin can see and replay it.
create table search_outbox (
    id               bigint generated always as identity primary key,
    leader_id        bigint not null,
    revision         bigint not null,
    created_at       timestamptz not null default now(),
    attempts         integer not null default 0,
    next_attempt_at  timestamptz not null default now(),
    -- set while a service copy works on the row, so other copies skip it until then
    claimed_until    timestamptz,
    last_error       text,
    parked           boolean not null default false
);
create index search_outbox_due_idx on search_outbox (next_attempt_at, id) where not parked;
create index search_outbox_parked_idx on search_outbox (id) where parked;
