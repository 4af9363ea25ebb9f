package org.joinedup.shortlist;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A shortlist as clients send it: its name, and on a rename the version read (or its ETag as
 * If-Match). What a GET gives is accepted as it is; its other fields are ignored.
 */
@JsonIgnoreProperties({ "id", "owner", "ownerName", "mine", "organisationCode", "leaders", "entries", "createdAt", "updatedAt" })
public record ShortlistInput(
        @NotBlank @Size(max = ShortlistService.MAX_NAME) @Schema(description = "What the list is for", examples = "Discharge to assess, North East")
        String name,
        @Schema(description = "The version you read; required on rename unless If-Match is sent") Integer version) {
}
