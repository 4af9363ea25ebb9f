package org.joinedup.recognition;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The whole set of a judge's conflicts in a round (an empty list: none). */
public record ConflictsInput(@NotNull @Size(max = 1000) List<@NotNull @Valid Entry> conflicts) {

    @Schema(name = "ConflictInput")
    public record Entry(@NotNull Long leaderId,
            @NotNull @Schema(description = "own-organisation, partner-organisation or declared", examples = "declared") String reason) {
    }
}
