package org.joinedup.integration;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Programme staff's word on a record, naming their programme; the verifier is the signed-in account. */
public record VerificationInput(
        @Schema(description = "A code of the programmes vocabulary", examples = "pioneer-2013") String programme,
        @Schema(description = "confirmed or rejected", examples = "confirmed") String decision,
        @Size(max = 2000) String comment,
        @Schema(hidden = true) String endorserName,
        @Schema(hidden = true) String endorserOrganisation,
        @Schema(hidden = true) String endorserRole) {

    public VerificationInput(String programme, String decision, String comment) {
        this(programme, decision, comment, null, null, null);
    }
}
