package org.joinedup.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.joinedup.organisation.OrganisationView;

/** One page of leaders found, with facet counts in leaders. */
public record SearchResult(long total, int page, int size, int totalPages, List<Hit> hits, Map<String, List<FacetCount>> facets) {

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
}
