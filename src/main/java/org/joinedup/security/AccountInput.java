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
        @Schema(description = "Required for the leader role: the leader this account is") Long leaderId) {
}
