package org.joinedup.integration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record EndorsementInput(
        @Schema(description = "endorsement (from a partner organisation, the default) or verification (programme staff)") String kind,
        @NotBlank @Size(max = 200) String endorserName,
        @NotBlank @Size(max = 200) String endorserOrganisation,
        @Size(max = 200) String endorserRole,
        @Size(max = 2000) String comment) {
}
