package org.joinedup.account;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.joinedup.organisation.OrganisationView;

/** A request for an account as programme staff see it. */
public record AccountRequestView(long id, String email, String fullName, String jobTitle,
        @Schema(description = "The organisation they say they work for") OrganisationView organisation,
        @Schema(description = "What the address's domain matched") DomainMatch domain,
        @Schema(enumeration = { "unconfirmed", "pending", "approved", "rejected" }) String state,
        Instant createdAt, Instant confirmedAt, Instant decidedAt, String decidedBy, String decisionNote, Long accountId) {
}
