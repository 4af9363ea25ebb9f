-- Where mail goes to: an account's own work address (an invited leader sets it by claiming the
-- invitation; staff may set it). One account per address.
alter table account add column email text check (email = lower(email));
create unique index account_email_idx on account (email);

-- Mail waiting to be sent, written in the same transaction as the change that causes it, so a
-- change that rolls back sends nothing and a change that commits is never without its mail.
-- (recipient address, kind, event) is unique: queueing the same event twice queues one mail.
create table mail_outbox (
    id               bigint generated always as identity primary key,
    -- the account it is for, if the recipient has one (an invitation's recipient does not yet);
    -- checked again when sending: nothing goes to a disabled or erased account
    account_id       bigint references account (id) on delete cascade,
    address          text not null,
    kind             text not null,
    -- what happened, e.g. "introduction-12-requested": the key that makes it one mail per event
    event_key        text not null,
    subject          text not null,
    body_text        text not null,
    -- why the person gets it, said at the foot of the mail
    reason           text not null,
    state            text not null default 'queued',
    attempts         integer not null default 0,
    next_attempt_at  timestamptz not null default now(),
    last_error       text,
    sent_at          timestamptz,
    created_at       timestamptz not null default now(),
    unique (address, kind, event_key)
);
create index mail_outbox_due_idx on mail_outbox (next_attempt_at) where state = 'queued';
