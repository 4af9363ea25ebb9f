package org.joinedup.matching;

import java.util.List;
import java.util.Map;

/** A suggested mentor for a learning request: who, how well they fit, why, and the records that earned it. */
public record MatchView(Mentor mentor, double score, Map<String, Double> parts, List<RecordRef> records, List<String> reasons) {

    public record Mentor(long id, String name, String currentRole, String organisation, String homeArea, int capacityLeft,
            List<String> formats, boolean trained, boolean illustrative) {
    }

    public record RecordRef(long id, String title) {
    }
}
