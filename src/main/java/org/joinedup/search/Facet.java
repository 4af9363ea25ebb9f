package org.joinedup.search;

import static org.joinedup.search.index.DocumentFields.FACETS_APPROACHES;
import static org.joinedup.search.index.DocumentFields.FACETS_ICBS;
import static org.joinedup.search.index.DocumentFields.FACETS_IMPROVED_OUTCOMES;
import static org.joinedup.search.index.DocumentFields.FACETS_OUTCOMES;
import static org.joinedup.search.index.DocumentFields.FACETS_PROGRAMMES;
import static org.joinedup.search.index.DocumentFields.FACETS_REGIONS;
import static org.joinedup.search.index.DocumentFields.FACETS_SCOPES;
import static org.joinedup.search.index.DocumentFields.FACETS_SERVICES;
import static org.joinedup.search.index.DocumentFields.FACETS_VERIFICATIONS;
import static org.joinedup.search.index.DocumentFields.RECORDS_APPROACHES;
import static org.joinedup.search.index.DocumentFields.RECORDS_AREA_CODES;
import static org.joinedup.search.index.DocumentFields.RECORDS_ICBS;
import static org.joinedup.search.index.DocumentFields.RECORDS_IMPROVED_OUTCOMES;
import static org.joinedup.search.index.DocumentFields.RECORDS_OUTCOME_METRICS;
import static org.joinedup.search.index.DocumentFields.RECORDS_PROGRAMME;
import static org.joinedup.search.index.DocumentFields.RECORDS_REGIONS;
import static org.joinedup.search.index.DocumentFields.RECORDS_SCOPE;
import static org.joinedup.search.index.DocumentFields.RECORDS_SERVICES;
import static org.joinedup.search.index.DocumentFields.RECORDS_VERIFICATION;
import static org.joinedup.search.index.DocumentFields.TRACK_RECORD_MENTORED;

import java.util.Arrays;
import java.util.Optional;
import org.joinedup.search.index.DocumentFields;
import org.joinedup.vocabulary.VocabularyKind;

/**
 * The record-level filters of a search, and the facets counted for them. All filters hold within
 * one record. Several values of {@code service} must all be joined up in that record; several
 * values of any other filter are alternatives.
 */
public enum Facet {
    REGION("region", Values.PLACE, null, "NHS England region", "worked in ", RECORDS_REGIONS, FACETS_REGIONS),
    ICB("icb", Values.PLACE, null, "Integrated care board (ICB)", "worked in ", RECORDS_ICBS, FACETS_ICBS),
    AREA("area", Values.PLACE, null, null, "covered ", RECORDS_AREA_CODES, null),
    /**
     * Places like a council: its filter holds the council chosen first, then its nearest neighbours
     * (org.joinedup.places); each hit's reason names the place it worked in (SearchExplanation#ofLikeness).
     */
    LIKE_AREA("likeArea", Values.LIKE, null, "Places like", null, RECORDS_AREA_CODES, null),
    SERVICE("service", Values.VOCABULARY, VocabularyKind.SERVICES, "Services joined up (all of)", null, RECORDS_SERVICES, FACETS_SERVICES),
    APPROACH("approach", Values.VOCABULARY, VocabularyKind.APPROACHES, "Approach", "used ", RECORDS_APPROACHES, FACETS_APPROACHES),
    SCOPE("scope", Values.VOCABULARY, VocabularyKind.SCOPES, "Scope", "scope: ", RECORDS_SCOPE, FACETS_SCOPES),
    PROGRAMME("programme", Values.VOCABULARY, VocabularyKind.PROGRAMMES, "Programme", "part of ", RECORDS_PROGRAMME, FACETS_PROGRAMMES),
    OUTCOME("outcome", Values.VOCABULARY, VocabularyKind.OUTCOME_METRICS, "Outcome reported", null, RECORDS_OUTCOME_METRICS, FACETS_OUTCOMES,
            RECORDS_IMPROVED_OUTCOMES, FACETS_IMPROVED_OUTCOMES),
    /** A minimum level, not a list of codes: SearchCriteria carries it as {@code minVerification}. */
    VERIFICATION("verification", Values.LEVEL, null, "Verified at least as", null, RECORDS_VERIFICATION, FACETS_VERIFICATIONS),
    /**
     * A leader-level facet, not a record's: yes for a leader who completed a mentorship as mentor
     * (see org.joinedup.followup.TrackRecord), no otherwise. Its filter narrows the leaders, so its
     * own counts follow it (choosing yes leaves no to count).
     */
    MENTORED("mentored", Values.YES_NO, null, "Mentoring track record", null, null, TRACK_RECORD_MENTORED),
    /**
     * A leader-level facet: the sector the leader works in (their profile, not a record). Like
     * {@link #MENTORED}, its filter narrows the leaders, so its own counts follow it.
     */
    SECTOR("sector", Values.VOCABULARY, VocabularyKind.SECTORS, "Sector", "works in ", null, DocumentFields.SECTOR),
    /**
     * A leader-level facet: yes for a leader selected by a published nomination round whose list is
     * public (org.joinedup.recognition.Recognitions), no otherwise. Rounds with a signed-in or
     * programme-only list do not count, as the facet is counted for everyone alike.
     */
    RECOGNISED("recognised", Values.YES_NO, null, "Recognised", null, null, DocumentFields.RECOGNISED);

    /** What a facet's values are, which decides how they are checked and labelled. */
    public enum Values {
        /** Area codes from the geography (regions, ICBs, local authorities). */
        PLACE,
        /** Codes of one vocabulary ({@link Facet#vocabulary}). */
        VOCABULARY,
        /** One council, standing for itself and its nearest neighbours. */
        LIKE,
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
