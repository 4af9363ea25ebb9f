package org.joinedup.integration;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.joinedup.platform.OneLine;

/**
 * Whom a record's owner invites to have led it with them: a leader of the registry ({@code leaderId}),
 * or a person not in it ({@code name} and {@code email}, who becomes a leader and is invited to claim
 * the profile); either, not both.
 */
public record CoLeaderInput(
        @Schema(description = "A leader of the registry; or leave out and give name and email") Long leaderId,
        @Size(max = 200) @Pattern(regexp = OneLine.PATTERN, message = OneLine.MESSAGE)
        @Schema(description = "A person not in the registry: their name", examples = "Priya Shah") String name,
        @Email @Size(max = 254) @Schema(description = "A person not in the registry: their mail address") String email,
        @Schema(description = "A person not in the registry: their home area (council or ICB code); the owner's when left out",
                examples = "E10000024") String homeArea,
        @NotBlank @Schema(description = "Their role in the work: a code of GET /api/vocabularies/roles", examples = "co-led") String role) {
}
