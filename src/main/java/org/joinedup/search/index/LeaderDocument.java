package org.joinedup.search.index;

import static org.joinedup.search.index.DocumentFields.RECORDS_APPROACHES;
import static org.joinedup.search.index.DocumentFields.RECORDS_ICBS;
import static org.joinedup.search.index.DocumentFields.RECORDS_IMPROVED_OUTCOMES;
import static org.joinedup.search.index.DocumentFields.RECORDS_OUTCOME_METRICS;
import static org.joinedup.search.index.DocumentFields.RECORDS_PROGRAMME;
import static org.joinedup.search.index.DocumentFields.RECORDS_REGIONS;
import static org.joinedup.search.index.DocumentFields.RECORDS_SCOPE;
import static org.joinedup.search.index.DocumentFields.RECORDS_SERVICES;
import static org.joinedup.search.index.DocumentFields.RECORDS_VERIFICATION;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import org.joinedup.integration.Improvement;
import org.joinedup.integration.RecordView;
import org.joinedup.integration.VerificationLevel;
import org.joinedup.leader.LeaderState;
import org.joinedup.leader.MentoringOffer;
import org.joinedup.recognition.Recognition;
import org.joinedup.vocabulary.GeoPoint;
import org.joinedup.vocabulary.PlaceView;

/**
 * The one Elasticsearch document per leader, field for field as index-mappings/leaders.json
 * declares it (the mapping is strict, so a field missing there fails loudly). Contact details are
 * never part of it.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record LeaderDocument(
        long id,
        long revision,
        String name,
        String currentRole,
        /** The leader's own organisation: its name for full text, its code for exact filters (never the learner's own). */
        String organisation,
        String organisationCode,
        String doingNow,
        LocalDate doingNowAsOf,
        HomeArea homeArea,
        GeoPoint homeLocation,
        /** The leader's sector (a code of the sectors vocabulary), or null: a leader-level filter and facet. */
        String sector,
        Mentoring mentoring,
        TrackRecord trackRecord,
        /** yes when a published round with a public list selected the leader, no otherwise: a leader-level filter and facet. */
        String recognised,
        String visibility,
        boolean illustrative,
        int recordCount,
        LocalDate latestActivity,
        Instant updatedAt,
        Facets facets,
        List<Record> records) {

    /**
     * The leader fields that facets count, each with its value: counted with the records' values in one terms aggregation
     * ({@link #facetValues}) wherever that counts on the leader, where three aggregations of their own cost a search 4% of
     * Elasticsearch's time (docs/benchmarks.md, "Leader facets in the one facet aggregation").
     */
    public static final Map<String, Function<LeaderDocument, String>> FACETED = Map.of(
            DocumentFields.TRACK_RECORD_MENTORED, d -> d.trackRecord() == null ? null : d.trackRecord().mentored(),
            DocumentFields.SECTOR, LeaderDocument::sector, DocumentFields.RECOGNISED, LeaderDocument::recognised);

    /**
     * The facet values of all the leader's records and of the leader's own {@link #FACETED} fields
     * ({@link DocumentFields#FACET_VALUES}): derived, so never read back.
     */
    @JsonProperty(value = DocumentFields.FACET_VALUES, access = JsonProperty.Access.READ_ONLY)
    public List<String> facetValues() {
        return Stream.concat(records.stream().flatMap(r -> r.facetValues().stream()), ownFacetValues().stream())
                .distinct().sorted().toList();
    }

    /** The leader's own {@link #FACETED} values ({@link DocumentFields#facetValue}), none for a field left empty. */
    private List<String> ownFacetValues() {
        var values = new ArrayList<String>();
        FACETED.forEach((field, value) -> Optional.ofNullable(value.apply(this))
                .ifPresent(code -> values.add(DocumentFields.facetValue(field, code))));
        return values;
    }

    /**
     * The facet values of the leader's records per value of each record field in {@link DocumentFields#FACET_VALUES_BY}, and
     * per minimum level: each such field with its values ({@code facet_values_by_region} to {E40000011: [services:gp, ...]}),
     * written into the document beside its own fields. Derived, so never read back.
     */
    @JsonAnyGetter
    public Map<String, Map<String, List<String>>> facetValuesByField() {
        // each record's values once, for all eight fields
        var ofRecords = records.stream().map(Record::facetValues).toList();
        var own = ownFacetValues();
        var fields = new TreeMap<String, Map<String, List<String>>>();
        DocumentFields.FACET_VALUES_BY.forEach((recordField, byField) -> fields.put(byField, facetValuesBy(Record.FACETED.get(recordField), ofRecords, own)));
        fields.put(DocumentFields.FACET_VALUES_BY_VERIFICATION, facetValuesBy(Record::levelsPassed, ofRecords, own));
        fields.put(DocumentFields.FACET_VALUES_BY_SERVICE_PAIR, facetValuesBy(SERVICE_PAIRS, ofRecords, own));
        return fields;
    }

    /** Every pair of a record's services ({@link DocumentFields#servicePair}). */
    private static final Function<Record, List<String>> SERVICE_PAIRS = r -> {
        var services = Stream.ofNullable(r.services()).flatMap(List::stream).distinct().sorted().toList();
        var pairs = new ArrayList<String>();
        for (int i = 0; i < services.size(); i++) {
            for (int j = i + 1; j < services.size(); j++) {
                pairs.add(DocumentFields.servicePair(services.get(i), services.get(j)));
            }
        }
        return pairs;
    };


    /**
     * What the leader's records earn it in the ranking, summed when it is indexed ({@link DocumentFields#EXPERIENCE}): derived,
     * so never read back.
     */
    @JsonProperty(value = DocumentFields.EXPERIENCE, access = JsonProperty.Access.READ_ONLY)
    public Experience experience() {
        var today = MentoringOffer.today();
        double points = 0, ended = 0;
        int ongoing = 0;
        LocalDate nextEnd = null;
        for (var record : records) {
            points += record.experiencePoints();
            var end = record.periodEnd();
            if (end == null) {
                ongoing++;
            } else if (end.isAfter(today)) {
                nextEnd = nextEnd == null || end.isBefore(nextEnd) ? end : nextEnd;
            } else {
                ended += Freshness.ofEnd(end);
            }
        }
        return new Experience(points, ongoing, ended, nextEnd != null, nextEnd);
    }

    /**
     * A leader's records in the ranking as a few numbers, so a search with no words, record filter or place scores the leader
     * without joining its records (docs/search.md, "Speed"): the sum of their {@link Record#experiencePoints}, how many are
     * ongoing (each counts 1 for freshness), the sum of {@link Freshness#ofEnd} of those ended, and whether one ends after the
     * day the leader was indexed, the first such end {@code nextEnd}. Such a record's freshness decays from a day not known
     * yet, so a leader with one is scored through its records, as any leader is when a search has words, a record filter or
     * a place; once that day has come, the nightly reconciliation writes the leader again (IndexReconciliation).
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Experience(double points, int ongoing, double ended, boolean toCome, LocalDate nextEnd) {
    }

    /** What a search hit shows of the leader, as JSON ({@link DocumentFields#HIT}): derived, so never read back. */
    @JsonProperty(value = DocumentFields.HIT, access = JsonProperty.Access.READ_ONLY)
    public String hit() {
        return HitCards.write(HitCards.LEADER, this);
    }

    /**
     * The mapping version of the build that wrote this ({@link DocumentFields#MAPPING_VERSION}): what a copy of an older build
     * writes during a rolling update lacks the newer fields, and the nightly reconciliation finds it by this to write it again
     * (IndexReconciliation). Derived, so never read back.
     */
    @JsonProperty(value = DocumentFields.MAPPING_VERSION, access = JsonProperty.Access.READ_ONLY)
    public int mappingVersion() {
        return LeaderIndex.mappingVersion();
    }

    /** Every location of the leader's records ({@link DocumentFields#RECORD_LOCATIONS}): derived, so never read back. */
    @JsonProperty(value = DocumentFields.RECORD_LOCATIONS, access = JsonProperty.Access.READ_ONLY)
    public List<GeoPoint> recordLocations() {
        return records.stream().flatMap(r -> Stream.ofNullable(r.locations()).flatMap(List::stream)).distinct().toList();
    }

    /**
     * {@code ofRecords}: each record's {@link Record#facetValues}, in the order of {@link #records}; {@code own}: the leader's
     * own values, beside every code (the leader is counted for them whatever record passed the filter).
     */
    private Map<String, List<String>> facetValuesBy(Function<Record, List<String>> field, List<List<String>> ofRecords, List<String> own) {
        var values = new TreeMap<String, SortedSet<String>>();
        for (int i = 0; i < records.size(); i++) {
            var recordValues = ofRecords.get(i);
            Stream.ofNullable(field.apply(records.get(i))).flatMap(List::stream)
                    .forEach(code -> values.computeIfAbsent(code, c -> new TreeSet<>(own)).addAll(recordValues));
        }
        var lists = new TreeMap<String, List<String>>();
        values.forEach((code, set) -> lists.put(code, List.copyOf(set)));
        return lists;
    }

    /**
     * What the leader's records cover, all records together: lets a facet be counted on the leader
     * itself (cheap) whenever no other record filter applies, instead of through the nested records.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Facets(List<String> regions, List<String> icbs, List<String> services, List<String> approaches, List<String> scopes,
            List<String> programmes, List<String> outcomes, List<String> improvedOutcomes, List<String> verifications) {

        static Facets of(List<Record> records) {
            return new Facets(union(records, RECORDS_REGIONS), union(records, RECORDS_ICBS), union(records, RECORDS_SERVICES),
                    union(records, RECORDS_APPROACHES), union(records, RECORDS_SCOPE), union(records, RECORDS_PROGRAMME),
                    union(records, RECORDS_OUTCOME_METRICS), union(records, RECORDS_IMPROVED_OUTCOMES), union(records, RECORDS_VERIFICATION));
        }

        private static List<String> union(List<Record> records, String field) {
            return records.stream().flatMap(r -> r.faceted(field)).distinct().sorted().toList();
        }
    }

    /** The leader's mentoring track record (see org.joinedup.followup.TrackRecord); {@code mentored} is yes or no, for the facet. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record TrackRecord(String mentored, long mentorshipsCompleted, long followUpsAnswered, long wouldRecommend, long recordsLearnedFrom) {

        public static final String YES = "yes";
        public static final String NO = "no";

        static TrackRecord of(org.joinedup.followup.TrackRecord t) {
            return new TrackRecord(t.hasMentored() ? YES : NO, t.mentorshipsCompleted(), t.followUpsAnswered(), t.wouldRecommend(),
                    t.recordsLearnedFrom());
        }
    }

    public record HomeArea(String code, String name, String icb, String region) {
    }

    /** {@code pausedUntil}: not available to matching before this day (null: not paused); never the pause's reason. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Mentoring(boolean willing, int capacity, int capacityLeft, List<String> formats, boolean trained,
            List<String> conflicts, LocalDate pausedUntil) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Record(
            long id,
            String title,
            String summary,
            List<String> services,
            List<String> approaches,
            String scope,
            String programme,
            String role,
            List<String> areaCodes,
            List<String> areaTypes,
            List<String> areaNames,
            List<String> icbs,
            List<String> regions,
            List<String> countries,
            List<GeoPoint> locations,
            /** The partners' names for full text, their codes for exact filters. */
            List<String> partnerOrganisations,
            List<String> partnerCodes,
            LocalDate periodStart,
            LocalDate periodEnd,
            boolean ongoing,
            List<String> outcomeMetrics,
            /** What each outcome says in words ("Delayed transfer of care days fell"), for full text. */
            List<String> outcomeDescriptions,
            /** The metrics on which this record reports an improvement (see OutcomeJudgement). */
            List<String> improvedOutcomes,
            /** The record's {@link Improvement}, as its ordinal: 0 none, 1 improved, 2 improved with a source. */
            int improvementRank,
            int outcomeCount,
            int evidenceCount,
            String verification,
            int verificationRank,
            /** When the level came to hold (see IntegrationRecordService#restate). */
            Instant verificationSince,
            /** Confirmed endorsements and verifications given for the record's current revision. */
            int endorsementCount) {

        /** The record fields that facets count, each with its values: the leader's {@link Facets} and {@link #facetValues}. */
        public static final Map<String, Function<Record, List<String>>> FACETED = Map.of(
                RECORDS_REGIONS, Record::regions, RECORDS_ICBS, Record::icbs, RECORDS_SERVICES, Record::services,
                RECORDS_APPROACHES, Record::approaches, RECORDS_SCOPE, r -> listOf(r.scope()),
                RECORDS_PROGRAMME, r -> listOf(r.programme()), RECORDS_OUTCOME_METRICS, Record::outcomeMetrics,
                RECORDS_IMPROVED_OUTCOMES, Record::improvedOutcomes, RECORDS_VERIFICATION, Record::levelsPassed);

        /**
         * The minimum levels the record passes (verified: verified, endorsed and self-reported), as the verification
         * filter is a minimum: so its facet counts the leaders that choosing the level finds.
         */
        List<String> levelsPassed() {
            return VerificationLevel.fromCode(verification).map(VerificationLevel::minimumsPassed).orElse(List.of());
        }

        /** Every value of the faceted fields as one keyword each ({@link DocumentFields#facetValue}): derived, so never read back. */
        @JsonProperty(value = DocumentFields.FACET_VALUES, access = JsonProperty.Access.READ_ONLY)
        public List<String> facetValues() {
            return FACETED.keySet().stream()
                    .flatMap(field -> faceted(field).map(code -> DocumentFields.facetValue(field, code)))
                    .distinct().sorted().toList();
        }

        /** What a search hit shows of the record when it matched, as JSON ({@link DocumentFields#RECORDS_HIT}): derived, so never read back. */
        @JsonProperty(value = DocumentFields.HIT, access = JsonProperty.Access.READ_ONLY)
        public String hit() {
            return HitCards.write(HitCards.RECORD, this);
        }

        /** What every record earns its leader in the relevance ranking, and what an index without {@link #experiencePoints} counts. */
        public static final double BASE_POINTS = 1;
        private static final Map<VerificationLevel, Double> VERIFICATION_POINTS = Map.of(VerificationLevel.VERIFIED, 2.0,
                VerificationLevel.ENDORSED, 1.0);
        private static final Map<Improvement, Double> IMPROVEMENT_POINTS = Map.of(Improvement.IMPROVED_WITH_SOURCE, 1.0,
                Improvement.IMPROVED, 0.5);
        private static final double EVIDENCE_POINTS = 0.5;

        /**
         * What the record earns its leader in the relevance ranking for what it is, whatever the search: the tables above
         * (docs/search.md, "Ranking"; freshness and nearness depend on the day and the search, so the query adds them).
         * Derived, so never read back; a change here is a mapping version.
         */
        @JsonProperty(value = DocumentFields.EXPERIENCE_POINTS, access = JsonProperty.Access.READ_ONLY)
        public double experiencePoints() {
            return BASE_POINTS + VerificationLevel.fromCode(verification).map(l -> VERIFICATION_POINTS.getOrDefault(l, 0.0)).orElse(0.0)
                    + IMPROVEMENT_POINTS.getOrDefault(Improvement.values()[improvementRank], 0.0)
                    + (evidenceCount > 0 ? EVIDENCE_POINTS : 0);
        }

        /** The codes of one field of {@link #FACETED}: none for a field left empty. */
        Stream<String> faceted(String field) {
            return Stream.ofNullable(FACETED.get(field).apply(this)).flatMap(List::stream).filter(Objects::nonNull);
        }

        private static List<String> listOf(String value) {
            return value == null ? List.of() : List.of(value);
        }
    }

    static LeaderDocument of(LeaderState state, List<RecordView> records, org.joinedup.followup.TrackRecord trackRecord,
            List<Recognition> recognitions) {
        var leader = state.leader();
        var home = leader.homeArea();
        var offer = leader.mentoring();
        var docs = records.stream().map(LeaderDocument::record).toList();
        var latest = docs.stream()
                .map(r -> r.ongoing() ? LocalDate.now() : r.periodEnd())
                .max(Comparator.naturalOrder()).orElse(null);
        return new LeaderDocument(leader.id(), state.revision(), leader.name(), leader.currentRole(),
                leader.organisation() == null ? null : leader.organisation().name(), leader.organisation() == null ? null : leader.organisation().code(),
                leader.doingNow(), leader.doingNowAsOf(),
                new HomeArea(home.code(), home.name(), home.icb() == null ? null : home.icb().code(), home.region().code()),
                point(home),
                leader.sector(),
                new Mentoring(offer.willing(), offer.capacity(), Math.max(0, offer.capacity() - offer.active()), offer.formats(),
                        offer.trained(), offer.conflicts(), offer.pausedUntil()),
                TrackRecord.of(trackRecord),
                recognitions.stream().anyMatch(Recognition::countsInSearch) ? TrackRecord.YES : TrackRecord.NO,
                leader.visibility(), leader.illustrative(), docs.size(), latest, leader.updatedAt(), Facets.of(docs), docs);
    }

    private static Record record(RecordView r) {
        var areas = r.areas();
        var english = areas.stream().filter(a -> a.code() != null).toList();
        return new Record(r.id(), r.title(), r.summary(), r.services(), r.approaches(), r.scope(), r.programme(), r.role(),
                english.stream().map(PlaceView::code).toList(),
                areas.stream().map(PlaceView::type).distinct().toList(),
                areas.stream().map(PlaceView::name).toList(),
                distinct(english.stream().map(a -> a.icb() == null ? null : a.icb().code())),
                // England as a whole (national work) has no region: it never counts towards one
                distinct(english.stream().map(a -> a.region() == null ? null : a.region().code())),
                distinct(areas.stream().map(PlaceView::country)),
                areas.stream().map(LeaderDocument::point).filter(Objects::nonNull).toList(),
                r.partnerOrganisations().stream().map(o -> o.name()).toList(),
                r.partnerOrganisations().stream().map(o -> o.code()).toList(), r.periodStart(), r.periodEnd(), r.periodEnd() == null,
                distinct(r.outcomes().stream().map(RecordView.OutcomeView::metric)),
                r.outcomes().stream().map(RecordView.OutcomeView::description).filter(Objects::nonNull).toList(),
                distinct(r.outcomes().stream().filter(o -> Boolean.TRUE.equals(o.improved())).map(RecordView.OutcomeView::metric)),
                Improvement.best(r.outcomes()).ordinal(),
                r.outcomes().size(), r.evidence().size(), r.verification(),
                VerificationLevel.fromCode(r.verification()).orElseThrow().ordinal(), r.verificationSince(),
                (int) r.endorsements().stream().filter(e -> "confirmed".equals(e.decision()) && e.recordRevision() == r.revision()
                        && !"legacy".equals(e.status())).count());
    }

    private static GeoPoint point(PlaceView place) {
        return place.latitude() == null || place.longitude() == null ? null : new GeoPoint(place.latitude(), place.longitude());
    }

    private static List<String> distinct(Stream<String> values) {
        return values.filter(Objects::nonNull).distinct().toList();
    }
}
