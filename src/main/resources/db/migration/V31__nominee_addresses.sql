-- Someone new nominated twice (docs/recognition.md "Someone not in the registry"): a nomination of a
-- person not in the registry adds them as a leader seen by programme staff only and invites them. The
-- address it was made with is kept here, normalised as Addresses keeps addresses (trimmed, lower case),
-- so a later nomination of the same address, in any round by anyone, finds that leader while they have
-- no account, instead of adding a second one and mailing a second invitation. The primary key is the
-- constraint behind NomineeAddresses' lock: one leader per address, whatever races.
create table nominee_address (
    email       text primary key check (email = lower(btrim(email)) and char_length(email) <= 254),
    leader_id   bigint not null references leader (id) on delete cascade,
    created_at  timestamptz not null default now()
);
create index nominee_address_leader_idx on nominee_address (leader_id);

-- The name the nominator gave for someone new: what they see of the nominee while the leader is
-- staff-only, so the answer is the same whether they added the person or someone had before them.
alter table nomination add column nominee_name text check (char_length(nominee_name) between 1 and 200);

-- Leaders added by nominations before this table, still without an account: the invitation they
-- were sent says who made it ("... (nominated them)"). The earliest leader of an address is kept.
insert into nominee_address (email, leader_id)
select distinct on (lower(btrim(l.email))) lower(btrim(l.email)), l.leader_id
  from one_time_link l join leader on leader.id = l.leader_id
 where l.purpose = 'invitation' and l.created_by like '% (nominated them)' and leader.visibility = 'programme'
   and not exists (select 1 from account a where a.leader_id = l.leader_id)
 order by lower(btrim(l.email)), l.leader_id;
