-- People not in the registry are added at an address by a nomination (V31) and now also by being
-- named as a record's co-leader (docs/co-led-records.md): one table for both, so an address named
-- either way finds the leader the first addition made while they have no account.
alter table nominee_address rename to invitee_address;
alter index nominee_address_leader_idx rename to invitee_address_leader_idx;
alter table invitee_address rename constraint nominee_address_pkey to invitee_address_pkey;
-- Who added the person (a username), so one account's additions a day can be bounded; null for the
-- rows before this column.
alter table invitee_address add column added_by text;
create index invitee_address_added_by_idx on invitee_address (added_by, created_at) where added_by is not null;
