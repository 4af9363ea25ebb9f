-- The registry: leaders and their integration records ("who integrated what, where").
-- Vocabulary and area codes are validated by the service against seed-data/, so they are
-- plain text here: a vocabulary change is a data change, not a migration.

create sequence leader_seq increment by 50;
create sequence record_seq increment by 50;
create sequence endorsement_seq increment by 50;

create table leader (
    id                  bigint primary key,
    version             integer not null,
    -- bumped by every change to the leader or any of its records; the search index uses it
    -- as an external version so an older document never overwrites a newer one
    revision            bigint not null default 1,
    name                text not null,
    role_title          text,
    organisation        text,
    doing_now           text,
    doing_now_as_of     date,
    home_area_code      text not null,
    mentoring_willing   boolean not null default false,
    mentoring_capacity  integer not null default 0 check (mentoring_capacity >= 0),
    mentoring_formats   text[] not null default '{}',
    mentoring_trained   boolean not null default false,
    visibility          text not null check (visibility in ('public', 'registered', 'programme')),
    contact_email       text,
    contact_phone       text,
    illustrative        boolean not null default false,
    created_at          timestamptz not null,
    updated_at          timestamptz not null
);

create table integration_record (
    id                    bigint primary key,
    leader_id             bigint not null references leader (id) on delete cascade,
    version               integer not null,
    title                 text not null,
    summary               text,
    services              text[] not null check (cardinality(services) >= 2),
    scope                 text not null,
    approaches            text[] not null default '{}',
    programme             text,
    role                  text not null,
    partner_organisations text[] not null default '{}',
    period_start          date not null,
    period_end            date check (period_end is null or period_end >= period_start),
    verification          text not null check (verification in ('self-reported', 'endorsed', 'verified')),
    created_at            timestamptz not null,
    updated_at            timestamptz not null
);
create index integration_record_leader_idx on integration_record (leader_id);

-- An area is either an English area code (local authority or ICB) or a place abroad.
create table record_area (
    record_id  bigint not null references integration_record (id) on delete cascade,
    position   integer not null,
    area_code  text,
    country    text,
    place      text,
    latitude   double precision,
    longitude  double precision,
    primary key (record_id, position),
    check ((area_code is not null) <> (country is not null))
);

create table record_outcome (
    record_id   bigint not null references integration_record (id) on delete cascade,
    position    integer not null,
    metric      text,
    description text,
    baseline    numeric,
    result      numeric,
    unit        text,
    period      text,
    source      text,
    primary key (record_id, position),
    check (metric is not null or (baseline is null and result is null))
);

create table record_evidence (
    record_id  bigint not null references integration_record (id) on delete cascade,
    position   integer not null,
    title      text,
    url        text not null,
    primary key (record_id, position)
);

create table endorsement (
    id                    bigint primary key,
    record_id             bigint not null references integration_record (id) on delete cascade,
    version               integer not null,
    kind                  text not null check (kind in ('endorsement', 'verification')),
    endorser_name         text not null,
    endorser_organisation text not null,
    endorser_role         text,
    comment               text,
    created_at            timestamptz not null
);
create index endorsement_record_idx on endorsement (record_id);
