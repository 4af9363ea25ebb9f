-- Delegates (issue 18): a leader lets a named account (a PA, a programme office) edit their profile
-- and records. One row per leader and account; revoking deletes it, so the next request of the
-- delegate is refused. Both sides going (a leader removed, an account erased) take the grant with them.
create table delegate (
    id          bigint generated always as identity primary key,
    leader_id   bigint not null references leader (id) on delete cascade,
    account_id  bigint not null references account (id) on delete cascade,
    -- who granted it (the leader's account or an admin), as the audit trail names them
    granted_by  text not null,
    granted_at  timestamptz not null default now(),
    unique (leader_id, account_id)
);
create index delegate_account_idx on delegate (account_id);

-- A record a delegate logs says so in its provenance ("reported by <delegate>, the leader's delegate").
alter table integration_record drop constraint integration_record_source_check;
alter table integration_record add constraint integration_record_source_check
    check (source in ('leader', 'admin', 'import', 'delegate'));
