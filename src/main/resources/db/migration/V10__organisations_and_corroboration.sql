-- Organisations become data, accounts belong to them, and corroboration is asked for, given by
-- an account and tied to the record revision it saw (issue 13). The free-text names this
-- replaces are matched to organisations by the Java migration V11, and dropped by V12.

-- Official organisations (ICBs and councils from seed-data/geography, NHS trusts from
-- seed-data/organisations) are kept in step with seed data at start; unlisted ones are added by
-- programme staff and have codes of the form U00042.
create table organisation (
    code            text primary key,
    name            text not null,
    kind            text not null check (kind in ('icb', 'council', 'nhs-trust', 'unlisted')),
    -- the name without case, punctuation or "NHS", "Council", "Foundation Trust" and the like:
    -- two names with the same key are the same organisation (see OrganisationNames)
    name_key        text not null,
    closed_on       date,
    successor_code  text references organisation (code),
    illustrative    boolean not null default false,
    created_by      text,
    created_at      timestamptz not null default now()
);
create index organisation_name_key_idx on organisation (name_key);
-- official lists may hold a closed and a current body of the same name; unlisted ones never
-- repeat a name, which this index also enforces against two programme staff adding it at once
create unique index organisation_unlisted_name_key_idx on organisation (name_key) where kind = 'unlisted';
create sequence unlisted_organisation_seq;

create table record_partner (
    record_id          bigint not null references integration_record (id) on delete cascade,
    position           integer not null,
    organisation_code  text not null references organisation (code),
    primary key (record_id, position)
);
create index record_partner_organisation_idx on record_partner (organisation_code);

alter table leader add column organisation_code text references organisation (code);

alter table account add column organisation_code text references organisation (code);
alter table account add column full_name text;
alter table account add column job_title text;
alter table account add column illustrative boolean not null default false;

-- A record's revision counts material changes (services, areas, scope, approaches, role, period,
-- outcomes, partners); corroboration given for an earlier revision no longer holds. A change of
-- wording only (title, summary) moves wording_edited_at instead. The source says who reported it.
alter table integration_record add column revision integer not null default 1;
alter table integration_record add column wording_edited_at timestamptz;
alter table integration_record add column verification_since timestamptz;
alter table integration_record add column source text not null default 'leader'
    check (source in ('leader', 'admin', 'import'));
alter table integration_record add column reported_by text;
alter table integration_record add column source_list text;

-- An endorsement is now given by an account (its name, job title and organisation copied from
-- the account when given) for one record revision, confirming or rejecting. Rows from before
-- this change have no account and are marked legacy: they are shown, never counted.
alter table endorsement add column account_id bigint references account (id) on delete set null;
alter table endorsement add column organisation_code text references organisation (code);
alter table endorsement add column programme text;
alter table endorsement add column decision text not null default 'confirmed'
    check (decision in ('confirmed', 'rejected'));
alter table endorsement add column record_revision integer not null default 1;
alter table endorsement add column legacy boolean not null default false;
alter table endorsement add column illustrative boolean not null default false;
alter table endorsement add column updated_at timestamptz;
update endorsement set legacy = true, updated_at = created_at;
alter table endorsement alter column updated_at set not null;
create unique index endorsement_account_record_idx on endorsement (record_id, account_id) where account_id is not null;

-- The owner (or programme staff) asks a partner organisation to corroborate a record; asking
-- again after a material change moves the revision asked about.
create table corroboration_request (
    id                 bigint generated always as identity primary key,
    record_id          bigint not null references integration_record (id) on delete cascade,
    organisation_code  text not null references organisation (code),
    record_revision    integer not null,
    asked_by           text not null,
    asked_at           timestamptz not null,
    illustrative       boolean not null default false,
    unique (record_id, organisation_code)
);
create index corroboration_request_organisation_idx on corroboration_request (organisation_code);
