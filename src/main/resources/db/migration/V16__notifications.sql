-- What happened that concerns an account, for its in-app list on My work (mail about it goes
-- through mail_outbox in the same transaction). (account, event) is unique: the same event
-- noticed twice, or by two service copies at once, is one notification.
create table notification (
    id          bigint generated always as identity primary key,
    -- an erased account's notifications go with it
    account_id  bigint not null references account (id) on delete cascade,
    -- the mail kind it belongs to (introduction, mentorship, corroboration, verification, reminder)
    kind        text not null,
    -- what happened, e.g. "introduction-12-requested"
    event_key   text not null,
    title       text not null,
    body_text   text not null,
    -- the page where the person acts on it, e.g. "/my-work"
    link        text not null,
    created_at  timestamptz not null default now(),
    read_at     timestamptz,
    unique (account_id, event_key)
);
create index notification_list_idx on notification (account_id, created_at desc, id desc);
create index notification_unread_idx on notification (account_id) where read_at is null;

-- An introduction nobody answers in time expires (joinedup.reminders.introduction-expiry).
alter table introduction drop constraint introduction_status_check;
alter table introduction add constraint introduction_status_check check (status in ('requested', 'accepted', 'declined', 'expired'));
create index introduction_requested_idx on introduction (created_at) where status = 'requested';
