-- Accounts, signing keys, introductions and the audit trail.

create table account (
    id             bigint generated always as identity primary key,
    version        integer not null default 0,
    username       text not null unique check (username = lower(username)),
    -- bcrypt; the password itself is never stored or logged
    password_hash  text not null,
    roles          text[] not null check (cardinality(roles) >= 1
                       and roles <@ array['leader', 'commissioner', 'programme', 'admin']::text[]),
    -- a leader account is linked to exactly one leader
    leader_id      bigint unique references leader (id) on delete cascade,
    created_at     timestamptz not null default now()
);

-- The token signing key pair made at first start when none is configured, shared by every copy.
create table signing_key (
    key_id       text primary key,
    private_key  text not null,
    public_key   text not null,
    created_at   timestamptz not null default now()
);

-- Asking a leader for an introduction; their contact details are shown only once they accept.
create table introduction (
    id           bigint generated always as identity primary key,
    version      integer not null default 0,
    requester    text not null,
    leader_id    bigint not null references leader (id) on delete cascade,
    message      text,
    status       text not null check (status in ('requested', 'accepted', 'declined')),
    created_at   timestamptz not null default now(),
    answered_at  timestamptz
);
create index introduction_leader_idx on introduction (leader_id);
create index introduction_requester_idx on introduction (requester);

-- Who changed what, when: append-only. The only change allowed is redaction on erasure, which
-- blanks before/after and may replace the actor, keeping the entry's id, time, action and target.
create table audit_entry (
    id           bigint generated always as identity primary key,
    at           timestamptz not null default now(),
    actor        text not null,
    action       text not null,
    entity_type  text not null,
    entity_id    text,
    before       jsonb,
    after        jsonb
);
create index audit_entry_entity_idx on audit_entry (entity_type, entity_id);
create index audit_entry_actor_idx on audit_entry (actor);
create index audit_entry_at_idx on audit_entry (at);

create function audit_entry_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and new.id = old.id and new.at = old.at and new.action = old.action
       and new.entity_type = old.entity_type and new.entity_id is not distinct from old.entity_id
       and new.before is null and new.after is null
       and (new.actor = old.actor or new.actor like 'erased:%') then
        return new;
    end if;
    raise exception 'audit_entry is append-only';
end
$$;
create trigger audit_entry_append_only before update or delete on audit_entry
    for each row execute function audit_entry_append_only();
