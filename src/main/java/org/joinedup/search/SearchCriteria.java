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

    /** The council whose places-like filter is set (the first of {@link Facet#LIKE_AREA}'s codes); null without one. */
    public String likeArea() {
        var codes = filter(Facet.LIKE_AREA);
        return codes.isEmpty() ? null : codes.get(0);
    }

    public boolean hasText() {
        return text != null;
    }

    /** The same criteria for other eyes (a saved search run for its owner outside their request). */
    public SearchCriteria forAudience(Audience other) {
        return new SearchCriteria(text, filters, improvedOutcomes, minVerification, mentoringAvailable, near, nearLabel, withinKm, sort, page, size, other);
    }

    /**
     * The same criteria without one facet's filter (the map keeps every ICB while one is chosen).
     * Without outcomes also drops {@code improved}; without verification drops the minimum level.
     */
    public SearchCriteria without(Facet facet) {
        var rest = new EnumMap<Facet, List<String>>(Facet.class);
        filters.forEach((f, values) -> {
            if (f != facet) {
                rest.put(f, values);
            }
        });
        return new SearchCriteria(text, rest, facet != Facet.OUTCOME && improvedOutcomes, facet == Facet.VERIFICATION ? null : minVerification,
                mentoringAvailable, near, nearLabel, withinKm, sort, page, size, audience);
    }

    /** The same criteria with one value of a facet's filter left out (the whole filter when it was the only one). */
    public SearchCriteria without(Facet facet, String value) {
        var left = filter(facet).stream().filter(v -> !v.equals(value)).toList();
        if (left.isEmpty()) {
            return without(facet);
        }
        var changed = new EnumMap<Facet, List<String>>(Facet.class);
        changed.putAll(filters);
        changed.put(facet, left);
        return new SearchCriteria(text, changed, improvedOutcomes, minVerification, mentoringAvailable, near, nearLabel, withinKm, sort, page, size, audience);
    }

    /** The same criteria with another distance from the same point; null for any distance. */
    public SearchCriteria within(Double km) {
        return new SearchCriteria(text, filters, improvedOutcomes, minVerification, mentoringAvailable, near, nearLabel, km, sort, page, size, audience);
    }

    /** The same criteria with other words. */
    public SearchCriteria withText(String other) {
        return new SearchCriteria(other, filters, improvedOutcomes, minVerification, mentoringAvailable, near, nearLabel, withinKm, sort, page, size, audience);
    }

    /** Only the words and whose eyes: no filter, no distance (whether the words alone find anybody). */
    public SearchCriteria textOnly() {
        return new SearchCriteria(text, Map.of(), false, null, false, null, null, null, Sort.RELEVANCE, 0, size, audience);
    }

    /** Whether any filter or distance narrows the search (beyond the words). */
    public boolean narrowed() {
        return filters.values().stream().anyMatch(v -> !v.isEmpty()) || improvedOutcomes || minVerification != null || mentoringAvailable
                || withinKm != null;
    }
}
