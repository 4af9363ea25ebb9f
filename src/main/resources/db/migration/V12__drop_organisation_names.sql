-- V11 moved these names into references to organisations; the references are now the truth.
alter table integration_record drop column partner_organisations;
alter table leader drop column organisation;
-- Endorsements from before accounts gave them keep the organisation their writer typed, shown as
-- typed and never counted (see docs/corroboration.md); newer ones refer to an organisation.
alter table endorsement rename column endorser_organisation to stated_organisation;
alter table endorsement alter column stated_organisation drop not null;
