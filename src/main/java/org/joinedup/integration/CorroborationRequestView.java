package org.joinedup.integration;

import java.time.Instant;
import org.joinedup.organisation.OrganisationView;

/**
 * A partner organisation asked to corroborate a record, about {@code recordRevision};
 * {@code current} says whether that is still the record's revision, {@code answered} whether an
 * account of the organisation has confirmed or rejected that revision.
 */
public record CorroborationRequestView(long id, long recordId, String recordTitle, OrganisationView organisation, int recordRevision,
        boolean current, boolean answered, String askedBy, Instant askedAt, boolean illustrative) {
}
