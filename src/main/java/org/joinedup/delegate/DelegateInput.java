package org.joinedup.delegate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Whom a leader makes their delegate: any existing account, by username. */
public record DelegateInput(
        @NotBlank @Size(max = 60) @Schema(description = "The username of the account that may edit your profile and records", examples = "sam-pa")
        String username) {
}
