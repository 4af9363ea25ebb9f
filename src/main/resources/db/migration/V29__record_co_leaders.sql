-- Work led together (issue 16, "Work led together"; docs/co-led-records.md): a record's other
-- leaders. The record's owner (integration_record.leader_id) is never one of them; each co-leader
-- has their own role (a code of seed-data/vocabularies/roles.csv) and confirms before the record
-- shows on their profile and in their search document (confirmed_at not null).
--
-- Erasure is in the foreign keys: a co-leader's rows go with them, and a record's rows with the
-- record (which goes with its owner).
create table record_co_leader (
    id                     bigint generated always as identity primary key,
    record_id              bigint not null references integration_record (id) on delete cascade,
    leader_id              bigint not null references leader (id) on delete cascade,
    role                   text not null,
    invited_at             timestamptz not null default now(),
    confirmed_at           timestamptz,
    invited_by_account_id  bigint references account (id) on delete set null,
    -- inviting twice is refused here, so eight requests at once give one row and seven 409s
    constraint record_co_leader_once unique (record_id, leader_id)
);

create index record_co_leader_leader on record_co_leader (leader_id);
