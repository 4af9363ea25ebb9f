package org.joinedup.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.joinedup.followup.TrackRecord;
import org.joinedup.integration.Improvement;
import org.joinedup.search.MentorCandidate;
import org.joinedup.search.MentorCandidates;
import org.joinedup.vocabulary.GeoPoint;
import org.joinedup.vocabulary.Geography;

/**
 * The explainable score of a mentor for a learning request. Pure: the same inputs give the same
 * score, so it is tested on hand-built cases and reused for single matches and cohorts.
 *
 * <p>The mentor's best record (among those sharing a service with the request) scores:
 * <ul>
 * <li>services: 40 x the share of the wanted services that record joined up;</li>
 * <li>approaches: 20 x the share of the wanted approaches it used (0 when none are named);</li>
 * <li>scope: 10 at the wanted scope, 5 one step wider or narrower (0 when none is named);</li>
 * <li>evidence: 10 verified, 6 endorsed, 0 self-reported; outcomes: 5 with an outcome that improved
 * and names its source, 2.5 with one that improved without a source, 0 for outcomes that are only
 * reported, unchanged or worse;</li>
 * <li>distance: 15 halving every 50 km from the request's area to the nearest place of the record.</li>
 * </ul>
 * On top: depth 2 for each further record on a wanted service (at most 6), formats 5 when the
 * mentor offers a wanted format, trained 2 when trained in passing experience on, and track record up
 * to 4: 4 x the share of their learners' follow-up answers that would recommend them, counted in full
 * from three answers and a third for each answer below that (one glowing answer is not a record).
 * At most 117.
 *
 * <p>Since issue 19 a {@link MatchProfile} weighs each part (weight / 5 times its points, rounded to cents)
 * and may add musts a mentor must meet to be eligible at all; it may also weigh the role part: 4 when the
 * leader led the best record, 2 when they co-led it, 0 when they contributed; and the words part: 10 x how well the
 * mentor's records answer the learner's own words ({@link Need#words()}); and since issue 15 the place part: a record on a
 * wanted service in a council among the {@value #NEIGHBOURS} nearest statistical neighbours of the learner's ({@link Need#places()},
 * from places.NearestNeighbours), {@value #PLACE} for the nearest neighbour down to 1 for the tenth ({@link #placePoints}); the
 * best such record of the mentor counts, whichever record the other parts explain. {@link MatchProfile#DEFAULT} (the profile of a
 * scorer built without one) gives the points above exactly, with the role, words and place parts off.
 */
public final class MatchScorer {

    static final double SERVICES = 40;
    static final double APPROACHES = 20;
    static final double SCOPE = 10;
    static final double VERIFIED = 10;
    static final double ENDORSED = 6;
    static final double IMPROVED_WITH_SOURCE = 5;
    static final double IMPROVED = 2.5;
    static final double DISTANCE = 15;
    static final double HALVING_KM = 50;
    static final double DEPTH_EACH = 2;
    static final double DEPTH_MAX = 6;
    static final double FORMATS = 5;
    static final double TRAINED = 2;
    static final double TRACK_RECORD = 4;
    /** Answers from which the track-record part counts in full. */
    static final int TRACK_RECORD_ANSWERS = 3;
    static final double ROLE_LED = 4;
    static final double ROLE_CO_LED = 2;
    /** The words part at weight 5: this x how well the mentor's records answer the learner's words (search.LearnerWords, 0 to 1). */
    static final double WORDS = 10;
    /** The place part at weight 5 for a record in the learner's nearest neighbour; a point less for each rank farther. */
    static final double PLACE = 10;
    /** How many nearest neighbours of the learner's council count as places like theirs (as search's likeArea). */
    public static final int NEIGHBOURS = 10;
    /**
     * The same weights for the candidate query in the index, which must not undersell a mentor this
     * score would rank high (scope and depth it leaves to the re-ranking).
     */
    static final MentorCandidates.Weights CANDIDATE_WEIGHTS = new MentorCandidates.Weights(SERVICES, APPROACHES, VERIFIED, ENDORSED,
            IMPROVED_WITH_SOURCE, IMPROVED, DISTANCE, HALVING_KM, FORMATS, TRAINED, TRACK_RECORD);
    // (a profile scales these: MatchProfile#candidateWeights, which for the default profile gives the same numbers)

    /**
     * What the scorer needs to know of a request; {@code scopeRank} orders scopes narrow to wide. {@code region} is the NHS
     * England region of the request's area (null when it has none), for the same-region must. {@code text} is the learner's
     * own words; {@code words} how well each mentor's records answer them (leader id to 0..1, from the index; empty until
     * looked up, which is only done when a profile weighs the words part). {@code places} are the councils like the learner's
     * (council code to its {@link Like}; empty when the request's area has none: see LikePlaces).
     */
    public record Need(long learnerId, String learnerOrganisationCode, String learnerOrganisation, List<String> learnerConflicts, Set<String> services,
            Set<String> approaches, String scope, Set<String> formats, GeoPoint location, String placeName, String region, String text,
            Map<Long, Double> words, Map<String, Like> places) {

        /** A need with no places like the learner's. */
        public Need(long learnerId, String learnerOrganisationCode, String learnerOrganisation, List<String> learnerConflicts, Set<String> services,
                Set<String> approaches, String scope, Set<String> formats, GeoPoint location, String placeName, String region, String text,
                Map<Long, Double> words) {
            this(learnerId, learnerOrganisationCode, learnerOrganisation, learnerConflicts, services, approaches, scope, formats, location, placeName,
                    region, text, words, Map.of());
        }

        /** A need without words. */
        public Need(long learnerId, String learnerOrganisationCode, String learnerOrganisation, List<String> learnerConflicts, Set<String> services,
                Set<String> approaches, String scope, Set<String> formats, GeoPoint location, String placeName, String region) {
            this(learnerId, learnerOrganisationCode, learnerOrganisation, learnerConflicts, services, approaches, scope, formats, location, placeName,
                    region, null, Map.of());
        }

        /** A need whose region is not known. */
        public Need(long learnerId, String learnerOrganisationCode, String learnerOrganisation, List<String> learnerConflicts, Set<String> services,
                Set<String> approaches, String scope, Set<String> formats, GeoPoint location, String placeName) {
            this(learnerId, learnerOrganisationCode, learnerOrganisation, learnerConflicts, services, approaches, scope, formats, location, placeName,
                    null);
        }

        /** The same need with how well each mentor's records answer its words. */
        public Need withWords(Map<Long, Double> relevance) {
            return new Need(learnerId, learnerOrganisationCode, learnerOrganisation, learnerConflicts, services, approaches, scope, formats, location,
                    placeName, region, text, Map.copyOf(relevance), places);
        }

        /** The same need with the councils like the learner's. */
        public Need withPlaces(Map<String, Like> likes) {
            return new Need(learnerId, learnerOrganisationCode, learnerOrganisation, learnerConflicts, services, approaches, scope, formats, location,
                    placeName, region, text, words, Map.copyOf(likes));
        }

        /** The place part's points at weight 5 for a record in these areas: its council most like the learner's. */
        double placePointsIn(List<String> areaCodes) {
            double most = 0;
            for (var code : areaCodes) {
                var like = places.get(code);
                if (like != null) {
                    most = Math.max(most, placePoints(like.rank()));
                }
            }
            return most;
        }

        /** The words part's points for a mentor at weight 5. */
        double wordsPoints(long mentorId) {
            return WORDS * words.getOrDefault(mentorId, 0.0);
        }

        /** The part of the need the candidate query in the index uses. */
        public MentorCandidate.Need forCandidates() {
            return forCandidates(false);
        }

        /** The same, with the places like the learner's when the place part counts. */
        MentorCandidate.Need forCandidates(boolean withPlaces) {
            var points = new LinkedHashMap<String, Double>();
            if (withPlaces) {
                places.forEach((code, like) -> points.put(code, placePoints(like.rank())));
            }
            return new MentorCandidate.Need(learnerId, learnerOrganisationCode, learnerOrganisation, learnerConflicts, List.copyOf(services),
                    List.copyOf(approaches), List.copyOf(formats), location, points);
        }
    }

    /**
     * A council like the learner's: its rank among the nearest neighbours (1 the nearest), its name, and the likeness in words
     * ("a place like Nottinghamshire (both older ... than the median council)"); for an ICB, like the ICB's council it is nearest to.
     */
    public record Like(int rank, String name, String likeness) {
    }

    /** The place part's points at weight 5 for a record in the council of this rank: 10 for the nearest, 1 for the tenth, else 0. */
    static double placePoints(int rank) {
        return rank < 1 || rank > NEIGHBOURS ? 0.0 : PLACE * (NEIGHBOURS + 1 - rank) / NEIGHBOURS;
    }

    private final Function<String, Integer> scopeRank;
    private final Function<String, String> label;
    private final MatchProfile profile;

    /** {@code scopeRank}: position of a scope code, narrow to wide; {@code label}: display label of any vocabulary code. */
    public MatchScorer(Function<String, Integer> scopeRank, Function<String, String> label) {
        this(scopeRank, label, MatchProfile.DEFAULT);
    }

    private MatchScorer(Function<String, Integer> scopeRank, Function<String, String> label, MatchProfile profile) {
        this.scopeRank = scopeRank;
        this.label = label;
        this.profile = profile;
    }

    /** The same scorer under another profile. */
    public MatchScorer with(MatchProfile other) {
        return new MatchScorer(scopeRank, label, other);
    }

    public MatchProfile profile() {
        return profile;
    }

    /**
     * Empty when the mentor may not be matched with this learner, breaks one of the profile's musts or has no record on a wanted
     * service. The parts are those the profile weighs above 0, each its points x weight / 5.
     */
    public Optional<MatchScore> score(Need need, MentorCandidate mentor) {
        if (!eligible(need, mentor) || brokenMentorMust(need, mentor) != null) {
            return Optional.empty();
        }
        var scored = scored(need, mentor);
        if (scored.isEmpty() || brokenRecordMust(need, scored.get(0).record()) != null) {
            return Optional.empty();
        }
        var best = scored.get(0);
        var all = new double[MatchProfile.PARTS.size()];
        for (int i = 0; i < RECORD_PARTS; i++) {
            all[i] = round(best.parts()[i]);
        }
        var sharedFormats = mentor.formats().stream().filter(need.formats()::contains).toList();
        all[MatchProfile.DEPTH] = profile.weighted(MatchProfile.DEPTH, depth(scored.size()));
        all[MatchProfile.FORMATS] = profile.weighted(MatchProfile.FORMATS, formats(need, mentor));
        all[MatchProfile.TRAINED] = profile.weighted(MatchProfile.TRAINED, trained(mentor));
        all[MatchProfile.TRACK_RECORD] = profile.weighted(MatchProfile.TRACK_RECORD, trackRecord(mentor.trackRecord()));
        all[MatchProfile.ROLE] = round(best.parts()[MatchProfile.DISTANCE + 1]);
        all[MatchProfile.WORDS] = profile.weighted(MatchProfile.WORDS, need.wordsPoints(mentor.leaderId()));
        var place = likest(need, scored);
        all[MatchProfile.PLACE] = place == null ? 0.0 : profile.weighted(MatchProfile.PLACE, placePoints(place.rank()));
        var parts = new LinkedHashMap<String, Double>();
        double total = 0;
        for (int i = 0; i < all.length; i++) {
            if (profile.counts(i)) {
                parts.put(MatchProfile.PARTS.get(i), all[i]);
            }
            total += all[i]; // left to right, as CohortScoring adds them
        }
        total = round(total);
        var reasons = reasons(need, mentor, best, scored.size() - 1, sharedFormats, place);
        return Optional.of(new MatchScore(mentor.leaderId(), total, parts,
                scored.stream().map(s -> s.record().recordId()).toList(), reasons));
    }

    /** The profile's first must this mentor breaks for this need, if any (eligibility apart): why a lock cannot be kept. */
    public Optional<MatchProfile.Must> brokenMust(Need need, MentorCandidate mentor) {
        var broken = brokenMentorMust(need, mentor);
        if (broken == null) {
            var scored = scored(need, mentor);
            broken = scored.isEmpty() ? null : brokenRecordMust(need, scored.get(0).record());
        }
        return Optional.ofNullable(broken);
    }

    /** The mentor's records on a wanted service, best first under the profile. */
    private List<Scored> scored(Need need, MentorCandidate mentor) {
        return mentor.records().stream().filter(r -> relevant(need, r)).map(r -> new Scored(r, recordParts(need, r)))
                .sorted(BEST_FIRST).toList();
    }

    /**
     * The council most like the learner's among the mentor's records on a wanted service (the nearest neighbour; ties to the
     * better record), or null when none is, or when the profile leaves the place part out (then nothing is looked up).
     */
    private Like likest(Need need, List<Scored> scored) {
        if (!profile.counts(MatchProfile.PLACE) || need.places().isEmpty()) {
            return null;
        }
        Like likest = null;
        for (var s : scored) {
            for (var code : s.record().areaCodes()) {
                var like = need.places().get(code);
                if (like != null && (likest == null || like.rank() < likest.rank())) {
                    likest = like;
                }
            }
        }
        return likest;
    }

    /** The musts that depend on the mentor alone: trained, same region. Null when none is broken. */
    MatchProfile.Must brokenMentorMust(Need need, MentorCandidate mentor) {
        if (profile.must(MatchProfile.Must.TRAINED) && !mentor.trained()) {
            return MatchProfile.Must.TRAINED;
        }
        if (profile.must(MatchProfile.Must.SAME_REGION) && !inRegion(need.region(), mentor)) {
            return MatchProfile.Must.SAME_REGION;
        }
        return null;
    }

    /** The musts on the best record: verified, an approach in common. Null when none is broken. */
    MatchProfile.Must brokenRecordMust(Need need, MentorCandidate.Experience best) {
        if (profile.must(MatchProfile.Must.VERIFIED_RECORD) && !"verified".equals(best.verification())) {
            return MatchProfile.Must.VERIFIED_RECORD;
        }
        if (profile.must(MatchProfile.Must.APPROACH_IN_COMMON) && !need.approaches().isEmpty()
                && best.approaches().stream().noneMatch(need.approaches()::contains)) {
            return MatchProfile.Must.APPROACH_IN_COMMON;
        }
        return null;
    }

    /** The mentor lives in the region or has a record there; never when the region is not known. */
    static boolean inRegion(String region, MentorCandidate mentor) {
        if (region == null) {
            return false;
        }
        if (region.equals(mentor.homeRegion())) {
            return true;
        }
        for (var r : mentor.records()) {
            if (r.regions().contains(region)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Never the learner, their own organisation, a conflict declared by either side, or a mentor with no
     * room. The own organisation compares by code; a declared conflict is a name as people write it,
     * compared with the organisation's name ignoring case and surrounding spaces, without
     * allocating: a cohort asks this millions of times.
     */
    public static boolean eligible(Need need, MentorCandidate mentor) {
        if (mentor.leaderId() == need.learnerId() || !mentor.willing() || mentor.capacityLeft() < 1) {
            return false;
        }
        if (need.learnerOrganisationCode() != null && need.learnerOrganisationCode().equals(mentor.organisationCode())) {
            return false;
        }
        var learnerOrg = stripped(need.learnerOrganisation());
        var mentorOrg = stripped(mentor.organisation());
        return !(!learnerOrg.isEmpty() && names(mentor.conflicts(), learnerOrg))
                && !(!mentorOrg.isEmpty() && names(need.learnerConflicts(), mentorOrg));
    }

    private static boolean names(List<String> organisations, String organisation) {
        for (var candidate : organisations) {
            if (stripped(candidate).equalsIgnoreCase(organisation)) {
                return true;
            }
        }
        return false;
    }

    /** The parts a single record earns, in the order of {@link #RECORD_PARTS}. */
    private record Scored(MentorCandidate.Experience record, double[] parts) {
        double sum() {
            double sum = 0;
            for (double part : parts) {
                sum += part;
            }
            return sum;
        }
    }

    /** Record parts: services to distance in {@link MatchProfile#PARTS} order, then role (at index {@value}). */
    private static final int RECORD_PARTS = 6;
    private static final Comparator<Scored> BEST_FIRST = Comparator.comparingDouble(Scored::sum).reversed()
            .thenComparingLong(s -> s.record().recordId());

    private static boolean relevant(Need need, MentorCandidate.Experience r) {
        for (var service : r.services()) {
            if (need.services().contains(service)) {
                return true;
            }
        }
        return false;
    }

    /** The record's parts under the profile, not rounded: services, approaches, scope, evidence, outcomes, distance, role. */
    private double[] recordParts(Need need, MentorCandidate.Experience r) {
        var km = distanceKm(need, r);
        return new double[] {
            profile.scaled(MatchProfile.SERVICES, SERVICES * share(need.services(), r.services())),
            profile.scaled(MatchProfile.APPROACHES, need.approaches().isEmpty() ? 0.0 : APPROACHES * share(need.approaches(), r.approaches())),
            profile.scaled(MatchProfile.SCOPE, scopeFit(need.scope(), r.scope())),
            profile.scaled(MatchProfile.EVIDENCE, evidence(r.verification())),
            profile.scaled(MatchProfile.OUTCOMES, outcomes(r.improvement())),
            profile.scaled(MatchProfile.DISTANCE, km == null ? 0.0 : DISTANCE * Math.pow(0.5, km / HALVING_KM)),
            profile.scaled(MatchProfile.ROLE, role(r.role()))};
    }

    static double evidence(String verification) {
        return "verified".equals(verification) ? VERIFIED : "endorsed".equals(verification) ? ENDORSED : 0.0;
    }

    /** The role part's points: led 4, co-led 2, contributed (or not known) 0. */
    static double role(String role) {
        return "led".equals(role) ? ROLE_LED : "co-led".equals(role) ? ROLE_CO_LED : 0.0;
    }

    static double outcomes(Improvement improvement) {
        return switch (improvement) {
            case IMPROVED_WITH_SOURCE -> IMPROVED_WITH_SOURCE;
            case IMPROVED -> IMPROVED;
            case NONE -> 0.0;
        };
    }

    static double depth(int relevantRecords) {
        return Math.min(DEPTH_MAX, DEPTH_EACH * (relevantRecords - 1));
    }

    private static double formats(Need need, MentorCandidate mentor) {
        for (var format : mentor.formats()) {
            if (need.formats().contains(format)) {
                return FORMATS;
            }
        }
        return 0.0;
    }

    private static double trained(MentorCandidate mentor) {
        return mentor.trained() ? TRAINED : 0.0;
    }

    /** TRACK_RECORD x the share who would recommend x min(answers, 3) / 3; 0 without answers. */
    static double trackRecord(TrackRecord track) {
        if (track == null || track.followUpsAnswered() == 0) {
            return 0.0;
        }
        double share = track.wouldRecommend() / (double) track.followUpsAnswered();
        double confidence = Math.min(track.followUpsAnswered(), TRACK_RECORD_ANSWERS) / (double) TRACK_RECORD_ANSWERS;
        return round(TRACK_RECORD * share * confidence);
    }

    int scopeRank(String scope) {
        return scopeRank.apply(scope);
    }

    private double scopeFit(String wanted, String had) {
        if (wanted == null || had == null) {
            return 0;
        }
        int gap = Math.abs(scopeRank.apply(wanted) - scopeRank.apply(had));
        return gap == 0 ? SCOPE : gap == 1 ? SCOPE / 2 : 0;
    }

    private static Double distanceKm(Need need, MentorCandidate.Experience r) {
        if (need.location() == null || r.locations().isEmpty()) {
            return null;
        }
        double nearest = Double.POSITIVE_INFINITY;
        for (var p : r.locations()) {
            nearest = Math.min(nearest, Geography.distanceKm(need.location().lat(), need.location().lon(), p.lat(), p.lon()));
        }
        return nearest;
    }

    private List<String> reasons(Need need, MentorCandidate mentor, Scored best, int moreRecords, List<String> sharedFormats, Like place) {
        var r = best.record();
        var reasons = new ArrayList<String>();
        var services = r.services().stream().filter(need.services()::contains).sorted().toList();
        reasons.add((services.size() > 1 ? "joined up " : "worked on ") + labels(services) + " (" + services.size() + " of the "
                + need.services().size() + " services you want)");
        if (profile.counts(MatchProfile.ROLE) && ("led".equals(r.role()) || "co-led".equals(r.role()))) {
            reasons.add(r.role() + " it");
        }
        var approaches = r.approaches().stream().filter(need.approaches()::contains).sorted().toList();
        if (!approaches.isEmpty()) {
            reasons.add("used " + labels(approaches));
        }
        if (r.scope() != null) {
            reasons.add("at " + label.apply(r.scope()) + " scope"
                    + (r.scope().equals(need.scope()) ? ", as you want" : ""));
        }
        var km = distanceKm(need, r);
        var where = r.areaNames().isEmpty() ? "" : "in " + String.join(", ", r.areaNames());
        if (km != null) {
            where += (where.isEmpty() ? "" : ", ") + Math.round(km) + " km from " + need.placeName();
        }
        if (!where.isEmpty()) {
            reasons.add(where);
        }
        if (place != null) {
            reasons.add("worked in " + place.name() + ", " + place.likeness());
        }
        if ("verified".equals(r.verification())) {
            reasons.add("verified by programme staff");
        } else if ("endorsed".equals(r.verification())) {
            reasons.add("endorsed by a partner organisation");
        }
        if (!r.improvedOutcomes().isEmpty()) {
            reasons.add("improved " + labels(r.improvedOutcomes())
                    + (r.improvement() == Improvement.IMPROVED_WITH_SOURCE ? ", with a source" : ", no source given"));
        } else if (!r.outcomeMetrics().isEmpty()) {
            reasons.add("reported outcomes on " + labels(r.outcomeMetrics()) + " (no improvement shown)");
        }
        double words = need.words().getOrDefault(mentor.leaderId(), 0.0);
        if (profile.counts(MatchProfile.WORDS) && words > 0) {
            reasons.add(words == 1.0 ? "their records answer the words of your request best"
                    : "their records answer the words of your request (" + Math.round(words * 100) + "% of the best answer)");
        }
        if (moreRecords > 0) {
            reasons.add(moreRecords + " more record" + (moreRecords > 1 ? "s" : "") + " on the services you want");
        }
        if (!sharedFormats.isEmpty()) {
            reasons.add("offers " + labels(sharedFormats));
        }
        if (mentor.trained()) {
            reasons.add("trained in passing experience on");
        }
        var track = mentor.trackRecord();
        if (track != null && track.followUpsAnswered() > 0) {
            reasons.add("recommended by " + track.wouldRecommend() + " of " + track.followUpsAnswered()
                    + " learners asked after their mentorship");
        }
        return reasons;
    }

    private String labels(List<String> codes) {
        var words = codes.stream().map(label).toList();
        return words.size() == 1 ? words.get(0)
                : String.join(", ", words.subList(0, words.size() - 1)) + " and " + words.get(words.size() - 1);
    }

    private static double share(Set<String> wanted, List<String> had) {
        return wanted.isEmpty() ? 0 : had.stream().filter(wanted::contains).distinct().count() / (double) wanted.size();
    }

    private static String stripped(String organisation) {
        return organisation == null ? "" : organisation.strip();
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
