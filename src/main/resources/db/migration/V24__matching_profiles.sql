-- Issue 19: each programme's matching profile (weights 0-10 for the parts of the score, and musts).
-- A programme without a row is matched with the built-in default profile (today's scores).
create table matching_profile (
    programme text primary key,
    version integer not null default 0,
    weights jsonb not null,
    musts text[] not null default '{}',
    updated_at timestamp with time zone not null default now()
);

-- The programme a learning request is made under, whose profile its single matches use (null: the default).
alter table learning_request add column programme text;
