package org.joinedup.shortlist;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.joinedup.platform.Versioned;

/** A shortlist in a list: whose it is, whether it is shared, and how many leaders on it the caller may see. */
public record ShortlistSummary(
        long id,
        int version,
        String name,
        @Schema(description = "The owner's username") String owner,
        @Schema(description = "The owner's name, or their username when the account has none") String ownerName,
        @Schema(description = "True when you own it: only the owner renames or deletes a shortlist") boolean mine,
        @Schema(description = "The owner's organisation when the list was made: its accounts share the list; null for a list only its owner sees")
        String organisationCode,
        @Schema(description = "Leaders on it that you may see") int leaders,
        Instant createdAt,
        Instant updatedAt) implements Versioned {
}
