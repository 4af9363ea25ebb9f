-- Failed sign-ins, counted in the database so that every service copy sees the same count: with
-- the count in each copy's memory, N copies allowed N times the limit. A subject is
-- 'account:<username>' or 'address:<client address>'. Rows older than the window are deleted
-- whenever someone signs in, so addresses are not kept for longer than the limit needs them.
create table login_failure (
    id        bigserial primary key,
    subject   text        not null,
    failed_at timestamptz not null
);
create index login_failure_subject_idx on login_failure (subject, failed_at);
create index login_failure_at_idx on login_failure (failed_at);
