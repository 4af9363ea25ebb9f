package org.joinedup.savedsearch;

import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.joinedup.platform.Versioned;

/** A saved search as its owner sees it. */
public record SavedSearchView(
        long id,
        int version,
        String name,
        @Schema(description = "The search parameters as saved: a repeatable parameter as a list, any other as a text")
        Map<String, Object> query,
        @Schema(description = "The parameters in a few words, for lists", examples = "“discharge”; region E40000012")
        String summary,
        @Schema(enumeration = { "weekly", "never" }) String alerts,
        // no example: the pages' paths stay out of the API document (PagesTest)
        @Schema(description = "The search on the Find leaders web page: a path on this service with the parameters as its query string")
        String findLink,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "When the last alert mail about it was queued; null before the first")
        Instant lastAlertedAt) implements Versioned {
}
