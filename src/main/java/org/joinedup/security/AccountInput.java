package org.joinedup.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new account; a leader account names the leader it is. */
public record AccountInput(
        @NotBlank @Size(min = 3, max = 60) @Pattern(regexp = "[a-zA-Z0-9._-]+", message = "may hold only letters, digits, '.', '_' and '-'")
        String username,
        @NotBlank @Size(min = 12, max = 200, message = "must be 12 to 200 characters") String password,
        @NotEmpty @Schema(examples = "[\"commissioner\"]") List<@NotBlank String> roles,
        @Schema(description = "Required for the leader role: the leader this account is") Long leaderId,
        @Size(max = 200) @Schema(description = "The person's name, shown on every assertion the account makes", examples = "Pat Partner")
        String fullName,
        @Size(max = 200) @Schema(description = "Their job title", examples = "Director of Integration") String jobTitle,
        @Size(max = 20) @Schema(description = "The code of the organisation the account belongs to (GET /api/organisations)", examples = "RK5")
        String organisation) {

    /** An account of no organisation, with no name or title. */
    public AccountInput(String username, String password, List<String> roles, Long leaderId) {
        this(username, password, roles, leaderId, null, null, null);
    }
}
