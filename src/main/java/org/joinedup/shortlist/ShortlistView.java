package org.joinedup.shortlist;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.joinedup.platform.Versioned;

/**
 * A shortlist with its leaders and notes, as its owner and colleagues see it. Leaders hidden from
 * the caller are left out. The version (and ETag) is the list's own: it moves with a rename, not
 * with its entries.
 */
public record ShortlistView(
        long id,
        int version,
        String name,
        @Schema(description = "The owner's username") String owner,
        @Schema(description = "The owner's name, or their username when the account has none") String ownerName,
        @Schema(description = "True when you own it: only the owner renames or deletes a shortlist") boolean mine,
        @Schema(description = "The owner's organisation when the list was made: its accounts share the list; null for a list only its owner sees")
        String organisationCode,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "The leaders on it that you may see, in the order they were added") List<ShortlistEntryView> entries) implements Versioned {
}
