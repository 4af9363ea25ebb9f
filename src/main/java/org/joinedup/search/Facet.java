package org.joinedup.search;

import java.util.Arrays;
import java.util.Optional;
import org.joinedup.vocabulary.VocabularyKind;

/**
 * The record-level filters of a search, and the facets counted for them. All filters hold within
 * one record. Several values of {@code service} must all be joined up in that record; several
 * values of any other filter are alternatives.
 */
public enum Facet {
    REGION("region", Values.PLACE, null, "NHS England region", "worked in ", "records.regions", "facets.regions"),
    ICB("icb", Values.PLACE, null, "Integrated care board (ICB)", "worked in ", "records.icbs", "facets.icbs"),
    AREA("area", Values.PLACE, null, null, "covered ", "records.area_codes", null),
    SERVICE("service", Values.VOCABULARY, VocabularyKind.SERVICES, "Services joined up (all of)", null, "records.services", "facets.services"),
    APPROACH("approach", Values.VOCABULARY, VocabularyKind.APPROACHES, "Approach", "used ", "records.approaches", "facets.approaches"),
    SCOPE("scope", Values.VOCABULARY, VocabularyKind.SCOPES, "Scope", "scope: ", "records.scope", "facets.scopes"),
    PROGRAMME("programme", Values.VOCABULARY, VocabularyKind.PROGRAMMES, "Programme", "part of ", "records.programme", "facets.programmes"),
    OUTCOME("outcome", Values.VOCABULARY, VocabularyKind.OUTCOME_METRICS, "Outcome reported", null, "records.outcome_metrics", "facets.outcomes",
            "records.improved_outcomes", "facets.improved_outcomes"),
    /** A minimum level, not a list of codes: SearchCriteria carries it as {@code minVerification}. */
    VERIFICATION("verification", Values.LEVEL, null, "Verified at least as", null, "records.verification", "facets.verifications"),
    /**
     * A leader-level facet, not a record's: yes for a leader who completed a mentorship as mentor
     * (see org.joinedup.followup.TrackRecord), no otherwise. Its filter narrows the leaders, so its
     * own counts follow it (choosing yes leaves no to count).
     */
    MENTORED("mentored", Values.YES_NO, null, "Mentoring track record", null, null, "track_record.mentored");

    /** What a facet's values are, which decides how they are checked and labelled. */
    public enum Values {
        /** Area codes from the geography (regions, ICBs, local authorities). */
        PLACE,
        /** Codes of one vocabulary ({@link Facet#vocabulary}). */
        VOCABULARY,
        /** A verification level. */
        LEVEL,
        /** yes or no. */
        YES_NO
    }

    /** The query parameter, and the key of its counts in a search result. */
    public final String param;
    public final Values values;
    /** The vocabulary its codes come from, for {@link Values#VOCABULARY}; null otherwise. */
    public final VocabularyKind vocabulary;
    /** The heading of its choices on the find page; null for a filter that has no counts. */
    public final String legend;
    /** How a hit's reasons name the filter before its values ("worked in "); null where the explanation words it itself. */
    public final String reason;
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

    Facet(String param, Values values, VocabularyKind vocabulary, String legend, String reason, String field, String leaderField) {
        this(param, values, vocabulary, legend, reason, field, leaderField, null, null);
    }

    Facet(String param, Values values, VocabularyKind vocabulary, String legend, String reason, String field, String leaderField,
            String improvedField, String improvedLeaderField) {
        this.param = param;
        this.values = values;
        this.vocabulary = vocabulary;
        this.legend = legend;
        this.reason = reason;
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
