package org.joinedup.search;

import java.util.List;
import java.util.Map;
import org.joinedup.followup.TrackRecord;
import org.joinedup.integration.Improvement;
import org.joinedup.vocabulary.GeoPoint;

/**
 * A leader as matching sees them: their mentoring offer and the experience in their records.
 * {@code organisationCode} says whose organisation it is; {@code organisation} is its name, which
 * declared conflicts (free-text names) are compared with. {@code homeRegion} is the NHS England region of
 * their home area (null when unknown), for a programme's same-region must.
 */
public record MentorCandidate(long leaderId, String name, String currentRole, String organisationCode, String organisation, String homeAreaName,
        boolean willing, int capacityLeft, List<String> formats, boolean trained, List<String> conflicts, boolean illustrative,
        List<Experience> records, TrackRecord trackRecord, String homeRegion, int capacity) {

    /**
     * A candidate whose home region is not known ({@code capacity} is the most mentees they take at once; with
     * {@code capacityLeft}, how much of it is in use, which orders near-ties in single matches).
     */
    public MentorCandidate(long leaderId, String name, String currentRole, String organisationCode, String organisation, String homeAreaName,
            boolean willing, int capacityLeft, List<String> formats, boolean trained, List<String> conflicts, boolean illustrative,
            List<Experience> records, TrackRecord trackRecord, int capacity) {
        this(leaderId, name, currentRole, organisationCode, organisation, homeAreaName, willing, capacityLeft, formats, trained, conflicts,
                illustrative, records, trackRecord, null, capacity);
    }

    /** A candidate whose whole capacity is not known, taken as what is left. */
    public MentorCandidate(long leaderId, String name, String currentRole, String organisationCode, String organisation, String homeAreaName,
            boolean willing, int capacityLeft, List<String> formats, boolean trained, List<String> conflicts, boolean illustrative,
            List<Experience> records, TrackRecord trackRecord, String homeRegion) {
        this(leaderId, name, currentRole, organisationCode, organisation, homeAreaName, willing, capacityLeft, formats, trained, conflicts,
                illustrative, records, trackRecord, homeRegion, capacityLeft);
    }

    /** A candidate whose home region and whole capacity are not known. */
    public MentorCandidate(long leaderId, String name, String currentRole, String organisationCode, String organisation, String homeAreaName,
            boolean willing, int capacityLeft, List<String> formats, boolean trained, List<String> conflicts, boolean illustrative,
            List<Experience> records, TrackRecord trackRecord) {
        this(leaderId, name, currentRole, organisationCode, organisation, homeAreaName, willing, capacityLeft, formats, trained, conflicts,
                illustrative, records, trackRecord, null, capacityLeft);
    }

    /** A candidate with no mentoring track record (yet). */
    public MentorCandidate(long leaderId, String name, String currentRole, String organisationCode, String organisation, String homeAreaName,
            boolean willing, int capacityLeft, List<String> formats, boolean trained, List<String> conflicts, boolean illustrative,
            List<Experience> records) {
        this(leaderId, name, currentRole, organisationCode, organisation, homeAreaName, willing, capacityLeft, formats, trained, conflicts,
                illustrative, records, TrackRecord.NONE);
    }

    /**
     * One record; {@code role} is the leader's part in it (roles vocabulary), {@code regions} the NHS England regions of its areas,
     * {@code areaCodes} the codes of its areas (councils and ICBs), for matching's place-like-yours part.
     */
    public record Experience(long recordId, String title, List<String> services, List<String> approaches, String scope,
            String verification, List<String> outcomeMetrics, List<String> improvedOutcomes, Improvement improvement, int evidenceCount, List<GeoPoint> locations,
            List<String> areaNames, String role, List<String> regions, List<String> areaCodes) {

        /** A record whose area codes are not known. */
        public Experience(long recordId, String title, List<String> services, List<String> approaches, String scope,
                String verification, List<String> outcomeMetrics, List<String> improvedOutcomes, Improvement improvement, int evidenceCount,
                List<GeoPoint> locations, List<String> areaNames, String role, List<String> regions) {
            this(recordId, title, services, approaches, scope, verification, outcomeMetrics, improvedOutcomes, improvement, evidenceCount, locations,
                    areaNames, role, regions, List.of());
        }

        /** A record whose role and regions are not known. */
        public Experience(long recordId, String title, List<String> services, List<String> approaches, String scope,
                String verification, List<String> outcomeMetrics, List<String> improvedOutcomes, Improvement improvement, int evidenceCount,
                List<GeoPoint> locations, List<String> areaNames) {
            this(recordId, title, services, approaches, scope, verification, outcomeMetrics, improvedOutcomes, improvement, evidenceCount, locations,
                    areaNames, null, List.of());
        }
    }

    /**
     * What a learner needs, for the candidate query: who they are (never matched with themselves,
     * their own organisation or a declared conflict), what they want to learn and where. {@code places}: the councils
     * like the learner's, each with the points matching's place part gives a record there (at weight 5), empty when it
     * does not count.
     */
    public record Need(long learnerId, String learnerOrganisationCode, String learnerOrganisation, List<String> learnerConflicts, List<String> services,
            List<String> approaches, List<String> formats, GeoPoint location, Map<String, Double> places) {

        /** A need with no place-like-yours part. */
        public Need(long learnerId, String learnerOrganisationCode, String learnerOrganisation, List<String> learnerConflicts, List<String> services,
                List<String> approaches, List<String> formats, GeoPoint location) {
            this(learnerId, learnerOrganisationCode, learnerOrganisation, learnerConflicts, services, approaches, formats, location, Map.of());
        }
    }
}
