package org.joinedup.search;

import java.util.Arrays;
import java.util.Optional;

/**
 * The record-level filters of a search, and the facets counted for them. All filters hold within
 * one record. Several values of {@code service} must all be joined up in that record; several
 * values of any other filter are alternatives.
 */
public enum Facet {
    REGION("region", "records.regions", true),
    ICB("icb", "records.icbs", true),
    AREA("area", "records.area_codes", false),
    SERVICE("service", "records.services", true),
    APPROACH("approach", "records.approaches", true),
    SCOPE("scope", "records.scope", true),
    PROGRAMME("programme", "records.programme", true),
    OUTCOME("outcome", "records.outcome_metrics", true),
    VERIFICATION("verification", "records.verification", true);

    public final String param;
    public final String field;
    /** Whether counts are returned for it (area is a filter only: there are too many). */
    public final boolean counted;

    Facet(String param, String field, boolean counted) {
        this.param = param;
        this.field = field;
        this.counted = counted;
    }

    public static Optional<Facet> ofParam(String param) {
        return Arrays.stream(values()).filter(f -> f.param.equals(param)).findFirst();
    }
}
