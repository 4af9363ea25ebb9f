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

-- Sending (org.joinedup.mail.MailSender, docs/mail.md). States:
--   queued     waiting for next_attempt_at
--   sending    claimed (committed) by claimed_by at claimed_at, before any SMTP is spoken
--   sent       the SMTP server accepted it (sent_at)
--   held       the person takes this kind weekly: waits for the digest
--   digested   listed in the digest mail digest_id (which is sent like any other mail)
--   dropped    not sent on purpose (account disabled or gone, preference 'never'): drop_reason
--   parked     refused by the SMTP server too often, or retried too long: an admin decides
--   uncertain  claimed by a copy that never said how it went (it died mid-send): maybe sent,
--              so never resent automatically; an admin decides
alter table mail_outbox
    add column claimed_at  timestamptz,
    add column claimed_by  text,
    add column refusals    integer not null default 0,
    add column drop_reason text,
    add column digest_id   bigint references mail_outbox (id) on delete set null,
    add constraint mail_outbox_state_check
        check (state in ('queued', 'sending', 'sent', 'held', 'digested', 'dropped', 'parked', 'uncertain'));
create index mail_outbox_sending_idx on mail_outbox (claimed_at) where state = 'sending';
create index mail_outbox_held_idx on mail_outbox (account_id) where state = 'held';
create index mail_outbox_attention_idx on mail_outbox (id) where state in ('parked', 'uncertain');

-- Per person and kind of mail: at once (the default, no row), in the weekly digest, or never.
-- Security mail ignores it (and cannot be set to anything but at once).
create table mail_preference (
    account_id  bigint not null references account (id) on delete cascade,
    kind        text not null,
    choice      text not null check (choice in ('immediately', 'weekly', 'never')),
    updated_at  timestamptz not null default now(),
    primary key (account_id, kind)
);
