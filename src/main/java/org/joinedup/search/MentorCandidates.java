package org.joinedup.search;

import static org.joinedup.search.Json.arr;
import static org.joinedup.search.Json.obj;
import static org.joinedup.search.index.DocumentFields.CURRENT_ROLE;
import static org.joinedup.search.index.DocumentFields.FACETS_APPROACHES;
import static org.joinedup.search.index.DocumentFields.FACETS_IMPROVED_OUTCOMES;
import static org.joinedup.search.index.DocumentFields.FACETS_REGIONS;
import static org.joinedup.search.index.DocumentFields.FACETS_SERVICES;
import static org.joinedup.search.index.DocumentFields.FACETS_VERIFICATIONS;
import static org.joinedup.search.index.DocumentFields.HOME_AREA_NAME;
import static org.joinedup.search.index.DocumentFields.HOME_AREA_REGION;
import static org.joinedup.search.index.DocumentFields.HOME_LOCATION;
import static org.joinedup.search.index.DocumentFields.ID;
import static org.joinedup.search.index.DocumentFields.ILLUSTRATIVE;
import static org.joinedup.search.index.DocumentFields.MENTORING;
import static org.joinedup.search.index.DocumentFields.MENTORING_CAPACITY_LEFT;
import static org.joinedup.search.index.DocumentFields.MENTORING_CONFLICTS;
import static org.joinedup.search.index.DocumentFields.MENTORING_FORMATS;
import static org.joinedup.search.index.DocumentFields.MENTORING_PAUSED_UNTIL;
import static org.joinedup.search.index.DocumentFields.MENTORING_TRAINED;
import static org.joinedup.search.index.DocumentFields.MENTORING_WILLING;
import static org.joinedup.search.index.DocumentFields.NAME;
import static org.joinedup.search.index.DocumentFields.ORGANISATION;
import static org.joinedup.search.index.DocumentFields.ORGANISATION_CODE;
import static org.joinedup.search.index.DocumentFields.ORGANISATION_KEYWORD;
import static org.joinedup.search.index.DocumentFields.RECORDS;
import static org.joinedup.search.index.DocumentFields.RECORDS_APPROACHES;
import static org.joinedup.search.index.DocumentFields.RECORDS_AREA_CODES;
import static org.joinedup.search.index.DocumentFields.RECORDS_AREA_NAMES;
import static org.joinedup.search.index.DocumentFields.RECORDS_EVIDENCE_COUNT;
import static org.joinedup.search.index.DocumentFields.RECORDS_ID;
import static org.joinedup.search.index.DocumentFields.RECORDS_IMPROVED_OUTCOMES;
import static org.joinedup.search.index.DocumentFields.RECORDS_IMPROVEMENT_RANK;
import static org.joinedup.search.index.DocumentFields.RECORDS_LOCATIONS;
import static org.joinedup.search.index.DocumentFields.RECORDS_OUTCOME_METRICS;
import static org.joinedup.search.index.DocumentFields.RECORDS_REGIONS;
import static org.joinedup.search.index.DocumentFields.RECORDS_ROLE;
import static org.joinedup.search.index.DocumentFields.RECORDS_SCOPE;
import static org.joinedup.search.index.DocumentFields.RECORDS_SERVICES;
import static org.joinedup.search.index.DocumentFields.RECORDS_TITLE;
import static org.joinedup.search.index.DocumentFields.RECORDS_VERIFICATION;
import static org.joinedup.search.index.DocumentFields.TRACK_RECORD;
import static org.joinedup.search.index.DocumentFields.TRACK_RECORD_WOULD_RECOMMEND;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import org.joinedup.followup.TrackRecord;
import org.joinedup.integration.Improvement;
import org.joinedup.leader.MentoringOffer;
import org.joinedup.search.index.LeaderDocument;

/**
 * Finds mentors in the leaders index: for one learner, the best candidates by shared services
 * and approaches, evidence and distance, weighed by the caller's {@link Weights} (matching passes
 * its scorer's and re-ranks them with its own explained score); for a cohort, the whole pool of
 * available mentors. Exclusions (the learner, their organisation, declared conflicts either way, no
 * capacity, a pause) are applied here and again by matching's scorer.
 */
@ApplicationScoped
public class MentorCandidates {

    private static final int PAGE = 2_000;
    private static final int RESCORE_FACTOR = 40;
    /** Elasticsearch's index.max_rescore_window default. */
    private static final int MAX_RESCORE_WINDOW = 10_000;
    /**
     * The fields {@link #candidate} reads, and only those: a candidate page at 100,000 leaders is 50 leaders with all their
     * records, and every other record field would be fetched, sent and parsed for nothing (a third of the bytes).
     */
    private static final List<String> FIELDS = List.of(ID, NAME, CURRENT_ROLE, ORGANISATION, ORGANISATION_CODE, HOME_AREA_NAME, HOME_AREA_REGION,
            MENTORING, TRACK_RECORD, ILLUSTRATIVE, RECORDS_ID, RECORDS_TITLE, RECORDS_SERVICES, RECORDS_APPROACHES, RECORDS_SCOPE,
            RECORDS_VERIFICATION, RECORDS_OUTCOME_METRICS, RECORDS_IMPROVED_OUTCOMES, RECORDS_IMPROVEMENT_RANK, RECORDS_EVIDENCE_COUNT,
            RECORDS_LOCATIONS, RECORDS_AREA_NAMES, RECORDS_ROLE, RECORDS_REGIONS, RECORDS_AREA_CODES);

    @Inject
    AliasSearch alias;

    /**
     * What each part of a candidate is worth, the most it can earn: services and approaches shared
     * (split evenly over those wanted), a verified or endorsed record, an outcome that improved with
     * or without a source, nearness ({@code nearby} halving every {@code halvingKm}), a wanted format,
     * training in mentoring, the most a track record can add, and a record the leader led or co-led; {@code place}
     * multiplies the points of {@link MentorCandidate.Need#places} (a record in a council like the learner's). A weight of 0
     * leaves its clause out.
     */
    public record Weights(double services, double approaches, double verified, double endorsed, double improvedWithSource, double improved,
            double nearby, double halvingKm, double formats, double trained, double trackRecord, double led, double coLed, double place) {

        /** Without a place like the learner's. */
        public Weights(double services, double approaches, double verified, double endorsed, double improvedWithSource, double improved,
                double nearby, double halvingKm, double formats, double trained, double trackRecord, double led, double coLed) {
            this(services, approaches, verified, endorsed, improvedWithSource, improved, nearby, halvingKm, formats, trained, trackRecord, led, coLed, 0);
        }

        /** Without the role of the leader in a record. */
        public Weights(double services, double approaches, double verified, double endorsed, double improvedWithSource, double improved,
                double nearby, double halvingKm, double formats, double trained, double trackRecord) {
            this(services, approaches, verified, endorsed, improvedWithSource, improved, nearby, halvingKm, formats, trained, trackRecord, 0, 0);
        }
    }

    /**
     * What a candidate must be, as filters (matching's cheap musts): trained in mentoring; living in, or with
     * a record in, {@code region} (an NHS England region code) when it is not null.
     */
    public record Filters(boolean trained, String region) {

        public static final Filters NONE = new Filters(false, null);

        List<ObjectNode> clauses() {
            var out = new ArrayList<ObjectNode>();
            if (trained) {
                out.add(obj("term", obj(MENTORING_TRAINED, true)));
            }
            if (region != null) {
                out.add(obj("bool", obj("should", arr(obj("term", obj(HOME_AREA_REGION, region)), obj("term", obj(FACETS_REGIONS, region))),
                        "minimum_should_match", 1)));
            }
            return out;
        }
    }

    /**
     * The {@code size} best candidates for one need, with all their records (the scorer picks those on
     * a wanted service). Two stages, because scoring every record of every available mentor through
     * the nested join cost most of a match at 100,000 leaders: a first pass ranks mentors on what
     * their records cover taken together (no join), then the best {@code size x }{@value #RESCORE_FACTOR}
     * are ranked again on their single best record, services and approaches within one record.
     */
    public List<MentorCandidate> find(MentorCandidate.Need need, Weights weights, int size, Audience audience) {
        return find(need, weights, Filters.NONE, size, audience);
    }

    /** The same, only among candidates that pass {@code must}. */
    public List<MentorCandidate> find(MentorCandidate.Need need, Weights weights, Filters must, int size, Audience audience) {
        var response = alias.search(findBody(need, weights, must, size, audience));
        return response.hits().stream().map(hit -> candidate(hit.leader())).toList();
    }

    /** The request {@link #find} sends; pure, so a test can pin it. */
    static ObjectNode findBody(MentorCandidate.Need need, Weights weights, int size, Audience audience) {
        return findBody(need, weights, Filters.NONE, size, audience);
    }

    static ObjectNode findBody(MentorCandidate.Need need, Weights weights, Filters must, int size, Audience audience) {
        var filters = new ArrayList<ObjectNode>(available(MentoringOffer.today().toString()));
        filters.add(obj("terms", obj(FACETS_SERVICES, need.services())));
        audience.filter().ifPresent(filters::add);
        filters.addAll(must.clauses());
        var leaderLevel = obj("bool", obj("filter", arr(filters), "must_not", arr(excluded(need)),
                "should", arr(overlap(need, weights, FACETS_SERVICES, FACETS_APPROACHES))));
        // no total: nobody reads it, and counting every match costs
        return obj("size", size, "track_total_hits", false, "_source", obj("includes", FIELDS),
                "query", withOffer(functionScore(leaderLevel, withPlaces(leaderEvidence(weights), leaderPlaces(need, weights)), need, weights, HOME_LOCATION),
                        need, weights),
                "rescore", obj("window_size", Math.min(MAX_RESCORE_WINDOW, size * RESCORE_FACTOR), "query", obj("rescore_query",
                        withOffer(bestRecord(need, weights), need, weights),
                        "query_weight", 0.0, "rescore_query_weight", 1.0)));
    }

    /** A mentor's best record for the need: the services and approaches it shares, its evidence, how near. */
    private static ObjectNode bestRecord(MentorCandidate.Need need, Weights weights) {
        var records = obj("bool", obj("filter", arr(obj("terms", obj(RECORDS_SERVICES, need.services()))),
                "should", arr(overlap(need, weights, RECORDS_SERVICES, RECORDS_APPROACHES))));
        return obj("nested", obj("path", RECORDS, "score_mode", "max",
                "query", functionScore(records, withPlaces(recordEvidence(weights), recordPlaces(need, weights)), need, weights, RECORDS_LOCATIONS)));
    }

    /**
     * A record in a council like the learner's, for the second pass: one function per number of points (the councils that earn
     * it), weighted by the profile; a record in several such councils is summed, more than the scorer's best of them, which
     * oversells and so never undersells.
     */
    private static List<ObjectNode> recordPlaces(MentorCandidate.Need need, Weights weights) {
        var out = new ArrayList<ObjectNode>();
        if (weights.place() <= 0 || need.places().isEmpty()) {
            return out;
        }
        var byPoints = new TreeMap<Double, List<String>>(Comparator.reverseOrder());
        need.places().forEach((code, points) -> byPoints.computeIfAbsent(points, p -> new ArrayList<>()).add(code));
        byPoints.forEach((points, codes) -> out.add(obj("filter", obj("terms", obj(RECORDS_AREA_CODES, codes.stream().sorted().toList())),
                "weight", points * weights.place())));
        return weighted(out);
    }

    /**
     * The same for the first pass, which has no join: any record in any such council, at the most a record there earns
     * (a filter with a nested query, no scoring through the join).
     */
    private static List<ObjectNode> leaderPlaces(MentorCandidate.Need need, Weights weights) {
        if (weights.place() <= 0 || need.places().isEmpty()) {
            return List.of();
        }
        double most = need.places().values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        var codes = need.places().keySet().stream().sorted().toList();
        return weighted(List.of(obj("filter", obj("nested", obj("path", RECORDS, "query", obj("terms", obj(RECORDS_AREA_CODES, codes)))),
                "weight", most * weights.place())));
    }

    private static List<ObjectNode> withPlaces(List<ObjectNode> evidence, List<ObjectNode> places) {
        if (places.isEmpty()) {
            return evidence;
        }
        var out = new ArrayList<ObjectNode>(evidence);
        out.addAll(places);
        return out;
    }

    /** What the scorer adds for the mentoring offer: a wanted format, training in passing experience on. */
    private static ObjectNode withOffer(ObjectNode query, MentorCandidate.Need need, Weights weights) {
        var functions = new ArrayList<ObjectNode>();
        functions.add(obj("filter", obj("term", obj(MENTORING_TRAINED, true)), "weight", weights.trained()));
        // the most the scorer's track-record part can add: an upper bound keeps such mentors in the running
        functions.add(obj("filter", obj("range", obj(TRACK_RECORD_WOULD_RECOMMEND, obj("gte", 1))), "weight", weights.trackRecord()));
        if (!need.formats().isEmpty()) {
            functions.add(obj("filter", obj("terms", obj(MENTORING_FORMATS, need.formats())), "weight", weights.formats()));
        }
        functions = weighted(functions);
        if (functions.isEmpty()) {
            return query;
        }
        return obj("function_score", obj("query", query, "functions", arr(functions), "score_mode", "sum", "boost_mode", "sum"));
    }

    private static List<ObjectNode> overlap(MentorCandidate.Need need, Weights weights, String servicesField, String approachesField) {
        var should = new ArrayList<ObjectNode>();
        if (weights.services() > 0) {
            need.services().forEach(s -> should.add(obj("constant_score", obj("filter", obj("term", obj(servicesField, s)),
                    "boost", weights.services() / need.services().size()))));
        }
        if (weights.approaches() > 0) {
            need.approaches().forEach(a -> should.add(obj("constant_score", obj("filter", obj("term", obj(approachesField, a)),
                    "boost", weights.approaches() / need.approaches().size()))));
        }
        return should;
    }

    /**
     * The evidence and outcome parts on one record: verified or endorsed; an outcome that improved with a source, or without;
     * and the leader's role in it (led, co-led).
     */
    private static List<ObjectNode> recordEvidence(Weights weights) {
        return weighted(List.of(obj("filter", obj("term", obj(RECORDS_VERIFICATION, "verified")), "weight", weights.verified()),
                obj("filter", obj("term", obj(RECORDS_VERIFICATION, "endorsed")), "weight", weights.endorsed()),
                obj("filter", obj("term", obj(RECORDS_IMPROVEMENT_RANK, Improvement.IMPROVED_WITH_SOURCE.ordinal())), "weight",
                        weights.improvedWithSource()),
                obj("filter", obj("term", obj(RECORDS_IMPROVEMENT_RANK, Improvement.IMPROVED.ordinal())), "weight", weights.improved()),
                obj("filter", obj("term", obj(RECORDS_ROLE, "led")), "weight", weights.led()),
                obj("filter", obj("term", obj(RECORDS_ROLE, "co-led")), "weight", weights.coLed())));
    }

    /**
     * The same on the leader's summary of all records, at the most a record could earn: the first pass must not undersell.
     * (The role is left to the second pass: the summary does not hold it, and a constant for everyone ranks no one higher.)
     */
    private static List<ObjectNode> leaderEvidence(Weights weights) {
        return weighted(List.of(obj("filter", obj("term", obj(FACETS_VERIFICATIONS, "verified")), "weight", weights.verified()),
                obj("filter", obj("term", obj(FACETS_VERIFICATIONS, "endorsed")), "weight", weights.endorsed()),
                obj("filter", obj("exists", obj("field", FACETS_IMPROVED_OUTCOMES)), "weight", weights.improvedWithSource())));
    }

    /** Functions of weight 0 (a part a matching profile turned off) are left out: they could only add nothing. */
    private static ArrayList<ObjectNode> weighted(List<ObjectNode> functions) {
        var out = new ArrayList<ObjectNode>();
        for (var f : functions) {
            if (f.get("weight").asDouble() > 0) {
                out.add(f);
            }
        }
        return out;
    }

    private static ObjectNode functionScore(ObjectNode query, List<ObjectNode> evidence, MentorCandidate.Need need, Weights weights,
            String locationField) {
        var functions = new ArrayList<ObjectNode>(evidence);
        if (need.location() != null && weights.nearby() > 0) {
            functions.add(obj("gauss", obj(locationField, obj("origin", obj("lat", need.location().lat(), "lon", need.location().lon()),
                    "scale", km(weights.halvingKm()), "decay", 0.5)), "weight", weights.nearby()));
        }
        if (functions.isEmpty()) {
            return query;
        }
        return obj("function_score", obj("query", query, "functions", arr(functions), "score_mode", "sum", "boost_mode", "sum"));
    }

    /** Every mentor with capacity left whom the audience may see, or only those of {@code mentorIds}, with all their records. */
    public List<MentorCandidate> pool(Collection<Long> mentorIds, Audience audience) {
        var candidates = new ArrayList<MentorCandidate>();
        ArrayNode after = null;
        while (true) {
            var hits = alias.search(poolBody(mentorIds, audience, after)).hits();
            hits.forEach(hit -> candidates.add(candidate(hit.leader())));
            if (hits.size() < PAGE) {
                return candidates;
            }
            after = arr(hits.get(hits.size() - 1).leader().id());
        }
    }

    /** One page of {@link #pool}, after the last id of the one before; pure, so a test can pin it. */
    static ObjectNode poolBody(Collection<Long> mentorIds, Audience audience, ArrayNode after) {
        var filters = new ArrayList<ObjectNode>(available(MentoringOffer.today().toString()));
        audience.filter().ifPresent(filters::add);
        if (mentorIds != null) {
            filters.add(obj("terms", obj(ID, List.copyOf(mentorIds))));
        }
        var body = obj("size", PAGE, "track_total_hits", false, "_source", obj("includes", FIELDS),
                "query", obj("bool", obj("filter", arr(filters))), "sort", arr(obj(ID, obj("order", "asc"))));
        if (after != null) {
            body.set("search_after", after);
        }
        return body;
    }

    /** As Elasticsearch takes a distance: 50.0 as "50km", as the query has always sent it. */
    private static String km(double km) {
        return km == Math.rint(km) ? (long) km + "km" : km + "km";
    }

    /**
     * Available to mentor: willing, with a place left and not paused. A pause runs while its day is after
     * {@code today} (UTC, {@link MentoringOffer#today()}), so it ends by itself with nothing to reindex; a
     * document without the date (written before it was indexed) is not paused. The date is written out,
     * not Elasticsearch's {@code now/d}, so the body stays cacheable. The search's
     * {@code mentoring=available} uses the same filters.
     */
    static List<ObjectNode> available(String today) {
        return List.of(obj("term", obj(MENTORING_WILLING, true)), obj("range", obj(MENTORING_CAPACITY_LEFT, obj("gte", 1))),
                obj("bool", obj("must_not", arr(obj("range", obj(MENTORING_PAUSED_UNTIL, obj("gt", today)))))));
    }

    private static List<ObjectNode> excluded(MentorCandidate.Need need) {
        var out = new ArrayList<ObjectNode>();
        out.add(obj("ids", obj("values", arr(String.valueOf(need.learnerId())))));
        if (need.learnerOrganisationCode() != null) {
            out.add(obj("term", obj(ORGANISATION_CODE, need.learnerOrganisationCode())));
        }
        if (need.learnerOrganisation() != null && !need.learnerOrganisation().isBlank()) {
            out.add(obj("term", obj(MENTORING_CONFLICTS, need.learnerOrganisation().strip().toLowerCase(Locale.ROOT))));
        }
        if (!need.learnerConflicts().isEmpty()) {
            out.add(obj("terms", obj(ORGANISATION_KEYWORD,
                    need.learnerConflicts().stream().map(c -> c.strip().toLowerCase(Locale.ROOT)).toList())));
        }
        return out;
    }

    // package-private: a test holds a candidate read from these fields equal to one read from the whole document
    static MentorCandidate candidate(LeaderDocument d) {
        var m = d.mentoring();
        var records = listOf(d.records()).stream().map(MentorCandidates::experience).toList();
        return new MentorCandidate(d.id(), d.name(), d.currentRole(), d.organisationCode(), d.organisation(),
                d.homeArea() == null ? null : d.homeArea().name(), m.willing(), m.capacityLeft(), listOf(m.formats()), m.trained(),
                listOf(m.conflicts()), d.illustrative(), records, trackRecord(d.trackRecord()), d.homeArea() == null ? null : d.homeArea().region(),
                m.capacity());
    }

    private static TrackRecord trackRecord(LeaderDocument.TrackRecord t) {
        return t == null ? new TrackRecord(0, 0, 0, 0)
                : new TrackRecord(t.mentorshipsCompleted(), t.followUpsAnswered(), t.wouldRecommend(), t.recordsLearnedFrom());
    }

    private static MentorCandidate.Experience experience(LeaderDocument.Record r) {
        return new MentorCandidate.Experience(r.id(), r.title(), listOf(r.services()), listOf(r.approaches()), r.scope(), r.verification(),
                listOf(r.outcomeMetrics()), listOf(r.improvedOutcomes()), Improvement.values()[r.improvementRank()], r.evidenceCount(),
                listOf(r.locations()), listOf(r.areaNames()), r.role(), listOf(r.regions()), listOf(r.areaCodes()));
    }

    /** A list the source left out as empty. */
    private static <T> List<T> listOf(List<T> values) {
        return values == null ? List.of() : values;
    }
}
