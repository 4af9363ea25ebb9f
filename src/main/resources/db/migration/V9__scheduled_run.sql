-- One row per scheduled job: a service copy runs the job only if it moves started_at forward
-- itself, so a job scheduled in every copy (the nightly index reconciliation) runs once.
create table scheduled_run (
    job         text primary key,
    started_at  timestamptz not null,
    started_by  text
);
