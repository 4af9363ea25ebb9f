package org.joinedup.matching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.joinedup.followup.TrackRecord;
import org.joinedup.integration.Improvement;
import org.joinedup.search.MentorCandidate;
import org.joinedup.search.MentorCandidate.Experience;
import org.joinedup.vocabulary.GeoPoint;

/** Random mentors, needs and matching profiles for the profile tests, with roles, regions and track records. */
final class RandomMatching {

    static final List<String> SCOPES = List.of("team", "organisations", "place", "system");
    static final List<String> SERVICES = List.of("gp", "social-care", "housing", "mental-health", "acute");
    static final List<String> APPROACHES = List.of("integrated-teams", "pooled-budgets", "shared-records");
    static final List<String> VERIFICATIONS = List.of("verified", "endorsed", "self-reported");
    static final List<String> ROLES = List.of("led", "co-led", "contributed");
    static final List<String> REGIONS = List.of("Y56", "Y58", "Y59", "Y60");
    static final List<String> ORGANISATIONS = List.of("Learner Council", "learner council ", "Mentor Trust", "Other Trust");
    static final List<GeoPoint> PLACES = List.of(new GeoPoint(52.95, -1.15), new GeoPoint(53.80, -1.55), new GeoPoint(51.5, -0.12));

    /** Council codes for records' areas and the councils like a need's (the place part). */
    static final List<String> COUNCILS = List.of("E06000018", "E10000007", "E10000024", "E06000015", "E08000035", "E09000007", "E10000019",
            "E06000016");

    private final Random random;
    /** Apart from {@link #random}, so that the instances drawn before the place part existed stay as they were. */
    private final Random areas;

    RandomMatching(long seed) {
        random = new Random(seed);
        areas = new Random(seed * 31 + 15);
    }

    Random random() {
        return random;
    }

    List<MentorCandidate> mentors(int count, int maxCapacity) {
        var mentors = new ArrayList<MentorCandidate>();
        for (int id = 1; id <= count; id++) {
            var records = new ArrayList<Experience>();
            for (int r = random.nextInt(5); r > 0; r--) {
                var where = new ArrayList<GeoPoint>();
                for (int p = random.nextInt(3); p > 0; p--) {
                    where.add(random.nextBoolean() ? PLACES.get(random.nextInt(PLACES.size()))
                            : new GeoPoint(50 + random.nextDouble() * 5, -3 + random.nextDouble() * 4));
                }
                List<String> outcomes = random.nextBoolean() ? List.of("non-elective-admissions") : List.of();
                var improvement = outcomes.isEmpty() ? Improvement.NONE : Improvement.values()[random.nextInt(3)];
                records.add(new Experience(id * 10L + r, "Record", pick(SERVICES), pick(APPROACHES),
                        random.nextInt(5) == 0 ? null : SCOPES.get(random.nextInt(SCOPES.size())), VERIFICATIONS.get(random.nextInt(3)),
                        outcomes, outcomes.isEmpty() || improvement == Improvement.NONE ? List.of() : outcomes, improvement, 0, where,
                        List.of("Somewhere"), random.nextInt(6) == 0 ? null : ROLES.get(random.nextInt(3)), pick(REGIONS), councils(areas)));
            }
            var organisation = ORGANISATIONS.get(random.nextInt(ORGANISATIONS.size()));
            int answered = random.nextInt(5);
            var track = new TrackRecord(answered, answered, answered == 0 ? 0 : random.nextInt(answered + 1), 0);
            mentors.add(new MentorCandidate(id, "Mentor " + id, "Director", organisation.strip().toLowerCase(), organisation, "Home",
                    random.nextInt(10) > 0, 1 + random.nextInt(maxCapacity), pick(List.of("calls", "site-visit")), random.nextBoolean(),
                    random.nextInt(8) == 0 ? List.of("LEARNER COUNCIL") : List.of(), true, records, track,
                    random.nextInt(5) == 0 ? null : REGIONS.get(random.nextInt(REGIONS.size()))));
        }
        return mentors;
    }

    List<MatchScorer.Need> needs(int count, int learnerIds) {
        var needs = new ArrayList<MatchScorer.Need>();
        for (int i = 0; i < count; i++) {
            var services = new LinkedHashSet<>(pick(SERVICES));
            services.add(SERVICES.get(random.nextInt(SERVICES.size())));
            var organisation = random.nextBoolean() ? "Learner Council" : "Elsewhere";
            needs.add(new MatchScorer.Need(1 + random.nextInt(learnerIds), organisation.toLowerCase(), organisation,
                    random.nextInt(6) == 0 ? List.of("Mentor Trust") : List.of(), services, new LinkedHashSet<>(pick(APPROACHES)),
                    random.nextInt(4) == 0 ? null : SCOPES.get(random.nextInt(SCOPES.size())), new LinkedHashSet<>(pick(List.of("calls", "workshops"))),
                    random.nextInt(5) == 0 ? null : PLACES.get(random.nextInt(PLACES.size())), "Place",
                    random.nextInt(8) == 0 ? null : REGIONS.get(random.nextInt(REGIONS.size()))).withWords(words(learnerIds))
                    .withPlaces(likes(areas)));
        }
        return needs;
    }

    /** None to three councils of {@link #COUNCILS}, or one that is like no need's. */
    static List<String> councils(Random areas) {
        var codes = new LinkedHashSet<String>();
        for (int i = areas.nextInt(4); i > 0; i--) {
            codes.add(areas.nextInt(6) == 0 ? "E99999999" : COUNCILS.get(areas.nextInt(COUNCILS.size())));
        }
        return List.copyOf(codes);
    }

    /** Councils like a need's, each at a rank from 1 to 12 (11 and 12 earn nothing), ties allowed; none for a quarter of needs. */
    static Map<String, MatchScorer.Like> likes(Random areas) {
        var likes = new HashMap<String, MatchScorer.Like>();
        if (areas.nextInt(4) > 0) {
            for (int i = 1 + areas.nextInt(COUNCILS.size()); i > 0; i--) {
                var code = COUNCILS.get(areas.nextInt(COUNCILS.size()));
                likes.put(code, new MatchScorer.Like(1 + areas.nextInt(12), "Council " + code, "a place like Learner Town"));
            }
        }
        return likes;
    }

    /** How well some of the leaders' records answer a need's words, as search.LearnerWords gives it: the best at 1, others below, most none. */
    private Map<Long, Double> words(int leaderIds) {
        var words = new HashMap<Long, Double>();
        if (random.nextBoolean()) {
            words.put(1L + random.nextInt(leaderIds), 1.0);
            for (int i = random.nextInt(leaderIds / 4 + 1); i > 0; i--) {
                words.putIfAbsent(1L + random.nextInt(leaderIds), random.nextDouble());
            }
        }
        return words;
    }

    /** Any weights from 0 to 10 (some parts left out, so they keep the default's), and each must with chance {@code mustChance}. */
    MatchProfile profile(double mustChance) {
        var weights = new HashMap<String, Integer>();
        for (var part : MatchProfile.PARTS) {
            if (random.nextInt(6) > 0) {
                weights.put(part, random.nextInt(MatchProfile.MAX_WEIGHT + 1));
            }
        }
        var musts = new ArrayList<MatchProfile.Must>();
        for (var must : MatchProfile.Must.values()) {
            if (random.nextDouble() < mustChance) {
                musts.add(must);
            }
        }
        return new MatchProfile(weights, musts);
    }

    /** The same weights without musts. */
    static MatchProfile withoutMusts(MatchProfile profile) {
        return new MatchProfile(profile.weights(), List.of());
    }

    /**
     * Whether the pair keeps every must, judged from the musts' definitions, apart from the scorer's own must logic:
     * {@code best} is the record the score explains (the scorer's choice under the same weights without musts).
     */
    static boolean keepsMusts(MatchProfile profile, MatchScorer.Need need, MentorCandidate mentor, Experience best) {
        for (var must : profile.musts()) {
            boolean kept = switch (must) {
                case TRAINED -> mentor.trained();
                case SAME_REGION -> need.region() != null && (need.region().equals(mentor.homeRegion())
                        || mentor.records().stream().anyMatch(r -> r.regions().contains(need.region())));
                case VERIFIED_RECORD -> "verified".equals(best.verification());
                case APPROACH_IN_COMMON -> need.approaches().isEmpty() || best.approaches().stream().anyMatch(need.approaches()::contains);
            };
            if (!kept) {
                return false;
            }
        }
        return true;
    }

    static Experience record(MentorCandidate mentor, long recordId) {
        return mentor.records().stream().filter(r -> r.recordId() == recordId).findFirst().orElseThrow();
    }

    private List<String> pick(List<String> codes) {
        return codes.stream().filter(c -> random.nextInt(3) == 0).toList();
    }
}
