-- Shortlists (issue 18): commissioners and programme staff keep lists of leaders with private notes,
-- shared with the colleagues of the owner's organisation. organisation_code is the owner's at
-- creation (null: an account of no organisation, whose lists only it sees); it does not follow the
-- owner if they move. The note is for the list's readers only: it is never indexed, never on a
-- profile, never shown to the leader. An erased leader's entries go (ShortlistErasure, and the
-- cascade behind it); an erased account's lists go with it.
create table shortlist (
    id                 bigint generated always as identity primary key,
    name               text not null check (char_length(name) between 1 and 100),
    owner_account_id   bigint not null references account (id) on delete cascade,
    organisation_code  text references organisation (code) on delete set null,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now(),
    version            integer not null default 0
);
create index shortlist_owner_idx on shortlist (owner_account_id);
create index shortlist_organisation_idx on shortlist (organisation_code) where organisation_code is not null;

create table shortlist_entry (
    id                   bigint generated always as identity primary key,
    shortlist_id         bigint not null references shortlist (id) on delete cascade,
    leader_id            bigint not null references leader (id) on delete cascade,
    note                 text check (char_length(note) <= 2000),
    -- who added the leader; null once that account is erased
    added_by_account_id  bigint references account (id) on delete set null,
    added_at             timestamptz not null default now(),
    updated_at           timestamptz not null default now(),
    unique (shortlist_id, leader_id)
);
create index shortlist_entry_leader_idx on shortlist_entry (leader_id);
