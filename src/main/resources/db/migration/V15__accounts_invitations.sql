-- Invitations, asking for an account, password resets (issue 18, docs/accounts.md).

-- Mail domains that say where someone works. An organisation's own domain names the organisation;
-- a shared domain (nhs.net: NHSmail, used across the NHS and social care) proves only NHS
-- employment, so it names none. A domain also matches its subdomains.
create table organisation_domain (
    domain             text primary key check (domain = lower(domain) and domain ~ '^[a-z0-9-]+(\.[a-z0-9-]+)+$'),
    organisation_code  text references organisation (code) on delete cascade,
    shared             boolean not null default false,
    -- where we know it from
    source             text not null,
    created_by         text not null default 'seed',
    created_at         timestamptz not null default now(),
    check (shared = (organisation_code is null))
);
create index organisation_domain_organisation_idx on organisation_domain (organisation_code);

insert into organisation_domain (domain, shared, source) values
    ('nhs.net', true, 'NHSmail, the NHS''s national mail service (NHS England, digital.nhs.uk/services/nhsmail): shared by NHS and social care organisations');

-- Someone asking for an account with their work address. 'unconfirmed' until they follow the
-- link mailed to the address; 'pending' until programme staff approve (an account is made then,
-- not before: until then there is nothing to sign in to) or reject it.
create table account_request (
    id                  bigint generated always as identity primary key,
    email               text not null check (email = lower(email)),
    full_name           text not null,
    job_title           text,
    -- the organisation they say they work for, and what the address's domain matched
    organisation_code   text references organisation (code),
    domain_match        text not null check (domain_match in ('organisation', 'shared', 'none')),
    matched_organisation text references organisation (code),
    state               text not null check (state in ('unconfirmed', 'pending', 'approved', 'rejected')),
    created_at          timestamptz not null default now(),
    confirmed_at        timestamptz,
    decided_at          timestamptz,
    decided_by          text,
    decision_note       text,
    account_id          bigint references account (id) on delete set null
);
-- one open request per address: asking again replaces the open one's link
create unique index account_request_open_idx on account_request (email) where state in ('unconfirmed', 'pending');

-- One-time links (an invitation, an address confirmation, a password reset or first password).
-- Only the SHA-256 of the random token is kept; a link is used by an UPDATE that sets used_at
-- only where it is null and not expired, so of many simultaneous uses exactly one wins.
create table one_time_link (
    id                  bigint generated always as identity primary key,
    purpose             text not null check (purpose in ('invitation', 'address-confirmation', 'password-reset', 'set-password')),
    token_hash          bytea not null unique,
    account_id          bigint references account (id) on delete cascade,
    leader_id           bigint references leader (id) on delete cascade,
    account_request_id  bigint references account_request (id) on delete cascade,
    email               text check (email = lower(email)),
    created_by          text not null,
    created_at          timestamptz not null default now(),
    expires_at          timestamptz not null,
    -- used, or replaced by a newer link of the same purpose for the same person
    used_at             timestamptz
);
create index one_time_link_leader_idx on one_time_link (leader_id) where used_at is null;
create index one_time_link_account_idx on one_time_link (account_id) where used_at is null;
create index one_time_link_request_idx on one_time_link (account_request_id) where used_at is null;
