-- Long jobs (rebuilding the search index first; imports later): one row each, written by the service
-- copy that runs it, so every copy can answer about it. The runner writes its progress about once a
-- second; that write is also its heartbeat, and a job whose heartbeat is older than the lease
-- (joinedup.jobs.lease) belongs to a copy that died: it is marked failed.
create table job (
    id            bigint generated always as identity primary key,
    kind          text not null,
    state         text not null default 'queued' check (state in ('queued', 'running', 'succeeded', 'failed')),
    phase         text,
    -- what done and total count ("documents")
    unit          text not null,
    done          bigint not null default 0,
    total         bigint,
    -- units a second since counting began
    rate          double precision,
    -- the first few errors the job met and carried on past, and how many there were in all
    errors        jsonb not null default '[]',
    error_count   integer not null default 0,
    -- why a failed job failed
    failure       text,
    result        jsonb,
    started_by    text not null,
    -- the service copy that runs it
    runner        text not null,
    created_at    timestamptz not null default now(),
    started_at    timestamptz,
    finished_at   timestamptz,
    heartbeat_at  timestamptz not null default now()
);
-- One unfinished job of each kind at a time, across every service copy.
create unique index job_one_unfinished_per_kind on job (kind) where state in ('queued', 'running');
create index job_kind_idx on job (kind, id);
