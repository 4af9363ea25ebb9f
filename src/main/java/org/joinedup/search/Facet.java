package org.joinedup.search;

import java.util.Arrays;
import java.util.Optional;

/**
 * The record-level filters of a search, and the facets counted for them. All filters hold within
 * one record. Several values of {@code service} must all be joined up in that record; several
 * values of any other filter are alternatives.
 */
public enum Facet {
    REGION("region", "records.regions", "facets.regions"),
    ICB("icb", "records.icbs", "facets.icbs"),
    AREA("area", "records.area_codes", null),
    SERVICE("service", "records.services", "facets.services"),
    APPROACH("approach", "records.approaches", "facets.approaches"),
    SCOPE("scope", "records.scope", "facets.scopes"),
    PROGRAMME("programme", "records.programme", "facets.programmes"),
    OUTCOME("outcome", "records.outcome_metrics", "facets.outcomes", "records.improved_outcomes", "facets.improved_outcomes"),
    VERIFICATION("verification", "records.verification", "facets.verifications"),
    /**
     * A leader-level facet, not a record's: yes for a leader who completed a mentorship as mentor
     * (see org.joinedup.followup.TrackRecord), no otherwise. Its filter narrows the leaders, so its
     * own counts follow it (choosing yes leaves no to count).
     */
    MENTORED("mentored", null, "track_record.mentored");

    public final String param;
    /** The field on each nested record. */
    public final String field;
    /** The same values gathered on the leader, for counting when no other record filter applies; null for area. */
    public final String leaderField;
    /** Whether counts are returned for it (area is a filter only: there are too many). */
    public final boolean counted;
    /**
     * For outcomes only: the values whose result improved, on each record and on the leader. The
     * {@code improved=true} filter uses them instead of {@link #field}; the facet counts both.
     */
    public final String improvedField;
    public final String improvedLeaderField;

    Facet(String param, String field, String leaderField) {
        this(param, field, leaderField, null, null);
    }

    Facet(String param, String field, String leaderField, String improvedField, String improvedLeaderField) {
        this.param = param;
        this.field = field;
        this.leaderField = leaderField;
        this.counted = leaderField != null;
        this.improvedField = improvedField;
        this.improvedLeaderField = improvedLeaderField;
    }

    /** True for a facet on the leader rather than on each record (it has no record field). */
    public boolean onLeader() {
        return field == null;
    }

    public boolean judged() {
        return improvedField != null;
    }

    public static Optional<Facet> ofParam(String param) {
        return Arrays.stream(values()).filter(f -> f.param.equals(param)).findFirst();
    }
}
