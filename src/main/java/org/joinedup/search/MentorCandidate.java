package org.joinedup.search;

import java.util.List;
import org.joinedup.followup.TrackRecord;
import org.joinedup.integration.Improvement;
import org.joinedup.vocabulary.GeoPoint;

/**
 * A leader as matching sees them: their mentoring offer and the experience in their records.
 * {@code organisationCode} says whose organisation it is; {@code organisation} is its name, which
 * declared conflicts (free-text names) are compared with.
 */
public record MentorCandidate(long leaderId, String name, String currentRole, String organisationCode, String organisation, String homeAreaName,
        boolean willing, int capacityLeft, List<String> formats, boolean trained, List<String> conflicts, boolean illustrative,
        List<Experience> records, TrackRecord trackRecord, int capacity) {

    /**
     * A candidate whose whole capacity is not known, taken as what is left ({@code capacity} is the most mentees they
     * take at once; with {@code capacityLeft}, how much of it is in use, which orders near-ties in single matches).
     */
    public MentorCandidate(long leaderId, String name, String currentRole, String organisationCode, String organisation, String homeAreaName,
            boolean willing, int capacityLeft, List<String> formats, boolean trained, List<String> conflicts, boolean illustrative,
            List<Experience> records, TrackRecord trackRecord) {
        this(leaderId, name, currentRole, organisationCode, organisation, homeAreaName, willing, capacityLeft, formats, trained, conflicts,
                illustrative, records, trackRecord, capacityLeft);
    }

    /** A candidate with no mentoring track record (yet). */
    public MentorCandidate(long leaderId, String name, String currentRole, String organisationCode, String organisation, String homeAreaName,
            boolean willing, int capacityLeft, List<String> formats, boolean trained, List<String> conflicts, boolean illustrative,
            List<Experience> records) {
        this(leaderId, name, currentRole, organisationCode, organisation, homeAreaName, willing, capacityLeft, formats, trained, conflicts,
                illustrative, records, TrackRecord.NONE);
    }

    public record Experience(long recordId, String title, List<String> services, List<String> approaches, String scope,
            String verification, List<String> outcomeMetrics, List<String> improvedOutcomes, Improvement improvement, int evidenceCount, List<GeoPoint> locations,
            List<String> areaNames) {
    }

    /**
     * What a learner needs, for the candidate query: who they are (never matched with themselves,
     * their own organisation or a declared conflict), what they want to learn and where.
     */
    public record Need(long learnerId, String learnerOrganisationCode, String learnerOrganisation, List<String> learnerConflicts, List<String> services,
            List<String> approaches, List<String> formats, GeoPoint location) {
    }
}
