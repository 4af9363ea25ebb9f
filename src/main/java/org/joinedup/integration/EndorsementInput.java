package org.joinedup.integration;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A partner's word on a record. Who gives it is the signed-in account: the endorser fields are
 * named here only so that a body carrying them is refused by name (400), not silently ignored.
 */
public record EndorsementInput(
        @Schema(description = "confirmed or rejected", examples = "confirmed") String decision,
        @Size(max = 2000) String comment,
        @Schema(hidden = true) String endorserName,
        @Schema(hidden = true) String endorserOrganisation,
        @Schema(hidden = true) String endorserRole) {

    public EndorsementInput(String decision, String comment) {
        this(decision, comment, null, null, null);
    }
}
