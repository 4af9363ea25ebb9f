-- Bulk import (org.joinedup.importing): the id a programme's own list gives a leader and each of
-- their records, so importing the same file again finds what it made instead of making it twice.
-- Unique where given; null for everything made otherwise.
alter table leader add column external_id text;
alter table integration_record add column external_id text;
create unique index leader_external_id on leader (external_id) where external_id is not null;
create unique index integration_record_external_id on integration_record (external_id) where external_id is not null;
