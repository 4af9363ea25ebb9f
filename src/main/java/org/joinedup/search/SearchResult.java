package org.joinedup.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.joinedup.organisation.OrganisationView;

/**
 * One page of leaders found, with facet counts in leaders. {@code suggestions} is empty unless the
 * search found nobody: then it holds wider or corrected searches that would find somebody, best first.
 */
public record SearchResult(long total, int page, int size, int totalPages, List<Hit> hits, Map<String, List<FacetCount>> facets,
        @Schema(description = "Empty unless the search found nobody: then searches like it that would find somebody, best first "
                + "(a spelling correction, then the others by their count), at most 5") List<Suggestion> suggestions) {

    public SearchResult withSuggestions(List<Suggestion> others) {
        return new SearchResult(total, page, size, totalPages, hits, facets, others);
    }

    /** A leader found: who they are, why they matched, and the records that earned it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Hit(Leader leader, double score, Double distanceKm, List<MatchedRecord> matchedRecords, List<String> why) {
    }

    /** The leader's public summary; never contact details. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Leader(long id, String name, String currentRole, OrganisationView organisation, String doingNow, LocalDate doingNowAsOf,
            Place homeArea, Mentoring mentoring, int recordCount, boolean illustrative) {
    }

    public record Place(String code, String name, String icb, String region, String regionName) {
    }

    public record Mentoring(boolean willing, int capacityLeft, List<String> formats, boolean trained) {
    }

    /** One of the leader's records that passed the filters, best first, with the level that holds for it and since when. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MatchedRecord(long id, String title, List<String> services, List<String> approaches, String scope, String programme,
            List<String> areas, LocalDate periodStart, LocalDate periodEnd, String verification, Instant verificationSince, List<String> outcomeMetrics,
            List<String> improvedOutcomes, int evidenceCount, Double distanceKm, boolean matchedText) {
    }

    /** Leaders per value; for outcomes also how many of them have a record where that outcome improved. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FacetCount(String code, String label, long leaders, Long improved) {
    }

    /**
     * A search like the one that found nobody, with one thing changed, and how many leaders it finds
     * for the same caller. {@code kind}: {@code spelling} (other words: {@code text}),
     * {@code drop-filter} (without the {@code facet}'s {@code values}) or {@code widen-distance}
     * ({@code within}, or none for any distance). {@code parameters} are all the query parameters
     * of that search, as {@code GET /api/search/leaders} takes them.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "A search like the one that found nobody, with one thing changed")
    public record Suggestion(
            @Schema(description = "spelling, drop-filter or widen-distance", enumeration = { "spelling", "drop-filter", "widen-distance" }) String kind,
            @Schema(description = "drop-filter: the parameter of the filter left out, e.g. region") String facet,
            @Schema(description = "drop-filter: the codes left out") List<String> values,
            @Schema(description = "widen-distance: the new distance, e.g. 50km; absent for any distance") String within,
            @Schema(description = "spelling: the corrected words") String text,
            @Schema(description = "What changes, in words, e.g. Drop NHS England region: North West") String label,
            @Schema(description = "How many leaders that search finds, for the same caller") long count,
            @Schema(description = "Every query parameter of that search, as this endpoint takes them (page left out)") Map<String, List<String>> parameters) {

        public static final String SPELLING = "spelling";
        public static final String DROP_FILTER = "drop-filter";
        public static final String WIDEN_DISTANCE = "widen-distance";

        Suggestion counted(long leaders) {
            return new Suggestion(kind, facet, values, within, text, label, leaders, parameters);
        }
    }
}
