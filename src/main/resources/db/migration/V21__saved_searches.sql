-- Saved searches (issue 18): a commissioner's or programme account's search, kept with a name, and
-- whether to be told weekly of leaders newly matching it or whose matching records changed.
create table saved_search (
    id              bigint generated always as identity primary key,
    -- an account that goes (erasure) takes its saved searches with it
    account_id      bigint not null references account (id) on delete cascade,
    name            text not null,
    -- the search parameters under the names GET /api/search/leaders takes: {"q": "...", "region": ["E40000011"]}
    query           jsonb not null,
    alerts          text not null check (alerts in ('weekly', 'never')),
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    version         int not null default 0,
    last_alerted_at timestamptz
);
create unique index saved_search_name_idx on saved_search (account_id, lower(name));
create index saved_search_weekly_idx on saved_search (id) where alerts = 'weekly';

-- What the search matched when last looked at (on saving, and after each weekly pass): one row per
-- leader, with its matching records as "id:version:verification" in id order, so the next pass can
-- tell a leader newly matching from one whose matching records were added, edited or verified.
create table saved_search_match (
    saved_search_id bigint not null references saved_search (id) on delete cascade,
    -- an erased leader leaves no trace here
    leader_id       bigint not null references leader (id) on delete cascade,
    records         text not null,
    primary key (saved_search_id, leader_id)
);
create index saved_search_match_leader_idx on saved_search_match (leader_id);
