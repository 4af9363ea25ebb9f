package org.joinedup.organisation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A body without an official code, added by programme staff. */
public record OrganisationInput(@NotBlank @Size(max = 200) String name) {
}
