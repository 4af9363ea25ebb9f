package org.joinedup.search;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.joinedup.integration.VerificationLevel;
import org.joinedup.vocabulary.GeoPoint;

/**
 * A checked search: codes known, point and distance parsed. {@code filters} holds the codes given
 * per facet; {@code improvedOutcomes} narrows the outcome filter to improved results; {@code near}
 * is null unless a point was given.
 */
public record SearchCriteria(
        String text,
        Map<Facet, List<String>> filters,
        boolean improvedOutcomes,
        VerificationLevel minVerification,
        boolean mentoringAvailable,
        GeoPoint near,
        String nearLabel,
        Double withinKm,
        Sort sort,
        int page,
        int size,
        Audience audience) {

    public enum Sort {
        RELEVANCE, DISTANCE, RECENT
    }

    public List<String> filter(Facet facet) {
        return filters.getOrDefault(facet, List.of());
    }

    public boolean hasText() {
        return text != null;
    }

    /** The same criteria for other eyes (a saved search run for its owner outside their request). */
    public SearchCriteria forAudience(Audience other) {
        return new SearchCriteria(text, filters, improvedOutcomes, minVerification, mentoringAvailable, near, nearLabel, withinKm, sort, page, size, other);
    }

    /** The same criteria without one facet's filter (the map keeps every ICB while one is chosen). */
    public SearchCriteria without(Facet facet) {
        var rest = new EnumMap<Facet, List<String>>(Facet.class);
        filters.forEach((f, values) -> {
            if (f != facet) {
                rest.put(f, values);
            }
        });
        return new SearchCriteria(text, rest, facet != Facet.OUTCOME && improvedOutcomes, minVerification, mentoringAvailable, near, nearLabel, withinKm, sort, page, size, audience);
    }
}
