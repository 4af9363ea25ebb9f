-- Public nominations (issue 16; docs/recognition.md "Nominations"): in a round open to the public,
-- anyone may nominate with an e-mail address, and the nomination counts once the address is
-- confirmed through a one-time link mailed to it.
--
-- The link names its nomination (one_time_link.nomination_id), the way an address confirmation
-- names its account request: on delete cascade, so a nomination erased or pruned takes its links
-- with it. An unconfirmed nomination whose links have all run out or been used is deleted by
-- NominationPruning, so an address that never confirms leaves nothing behind.
alter table one_time_link drop constraint one_time_link_purpose_check;
alter table one_time_link add constraint one_time_link_purpose_check
    check (purpose in ('invitation', 'address-confirmation', 'password-reset', 'set-password', 'nomination-confirmation'));
alter table one_time_link add column nomination_id bigint references nomination (id) on delete cascade;
create index one_time_link_nomination_idx on one_time_link (nomination_id) where nomination_id is not null;
