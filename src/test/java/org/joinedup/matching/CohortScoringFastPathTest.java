package org.joinedup.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.joinedup.followup.TrackRecord;
import org.joinedup.integration.Improvement;
import org.joinedup.search.MentorCandidate;
import org.joinedup.search.MentorCandidate.Experience;
import org.joinedup.vocabulary.GeoPoint;
import org.junit.jupiter.api.Test;

/**
 * CohortScoring skips mentors whose bound cannot enter a request's best pairs; these pools are built so that it
 * does (many mentors, few kept, most of them far away or weak, some tied to the hundredth), and the pairs kept must
 * still be exactly those of a plain exhaustive scoring: every mentor through {@link MatchScorer}, best total first,
 * ties to the lower leader id. Under any matching profile too: weights from 0 to 10 on every part, the role and
 * words parts, the musts (the bounds are weighted maxima, and a bound too low would silently lose pairs).
 */
class CohortScoringFastPathTest {

    private static final List<String> SCOPES = List.of("team", "organisations", "place", "system");
    private static final List<String> SERVICES = List.of("gp", "social-care", "housing", "mental-health", "acute", "community-health");
    private static final List<String> APPROACHES = List.of("integrated-teams", "pooled-budgets", "shared-records", "care-coordinators");
    private static final List<String> VERIFICATIONS = List.of("verified", "endorsed", "self-reported", "self-reported");
    private static final List<GeoPoint> PLACES = List.of(new GeoPoint(52.95, -1.15), new GeoPoint(53.80, -1.55), new GeoPoint(51.5, -0.12),
            new GeoPoint(50.37, -4.14), new GeoPoint(54.97, -1.61));

    private final MatchScorer scorer = new MatchScorer(code -> code.equals("elsewhere") ? 99 : SCOPES.indexOf(code), code -> code);
    /** The records' councils and the needs' places like theirs, drawn apart so that the pools of before stay as they were. */
    private final Random areas = new Random(15);

    @Test
    void keepsExactlyTheExhaustiveBestPairsOnPoolsWhereBoundsBite() {
        for (int seed = 0; seed < 12; seed++) {
            var random = new Random(seed);
            var mentors = mentors(random, 700 + random.nextInt(300));
            var needs = needs(random, 25, mentors.size());
            keepsTheExhaustiveBest(scorer, mentors, needs, "seed " + seed);
        }
    }

    @Test
    void keepsExactlyTheExhaustiveBestPairsUnderAnyProfile() {
        var everyPart = new HashMap<String, Integer>();
        var noPart = new HashMap<String, Integer>();
        MatchProfile.PARTS.forEach(part -> everyPart.put(part, MatchProfile.MAX_WEIGHT));
        MatchProfile.PARTS.forEach(part -> noPart.put(part, 0));
        var fixed = List.of(new MatchProfile(everyPart, List.of()), new MatchProfile(noPart, List.of()),
                new MatchProfile(Map.of("distance", 10, "services", 0, "role", 10, "words", 10), List.of()),
                new MatchProfile(Map.of("words", 10, "evidence", 0), List.of(MatchProfile.Must.values())),
                new MatchProfile(Map.of("place", 10, "distance", 0), List.of()));
        for (int seed = 0; seed < 16; seed++) {
            var random = new Random(100 + seed);
            var profile = seed < fixed.size() ? fixed.get(seed) : new RandomMatching(seed).profile(0.25);
            var mentors = mentors(random, 500 + random.nextInt(300));
            var needs = needs(random, 15, mentors.size());
            keepsTheExhaustiveBest(scorer.with(profile), mentors, needs, "seed " + seed + ", " + profile);
        }
    }

    @Test
    void pairsAreEveryEligiblePairWithItsExplainedTotalUnderAnyProfile() {
        for (int seed = 0; seed < 6; seed++) {
            var random = new Random(300 + seed);
            var weighted = scorer.with(new RandomMatching(seed).profile(0.2));
            var mentors = mentors(random, 200);
            var needs = needs(random, 6, mentors.size());
            var scoring = new CohortScoring(weighted, mentors, needs);
            for (var need : needs) {
                var expected = mentors.stream().map(m -> weighted.score(need, m)).flatMap(Optional::stream).filter(s -> s.total() > 0)
                        .map(s -> s.mentorId() + "=" + s.total()).sorted().toList();
                var actual = scoring.pairs(7, need).stream().map(e -> e.mentorId() + "=" + e.score()).sorted().toList();
                assertEquals(expected, actual, weighted.profile() + " " + need);
            }
        }
    }

    /**
     * A mentor's wanted services are bounded by what one record of theirs joins up (the services each service shares a
     * record with), not by the union of their records': here mentors whose records cover the three wanted services
     * only two at a time, near and verified, compete with mentors whose one record covers all three, farther away, in
     * steps that tie with them to the hundredth; a bound one service too low loses pairs in this pool (tried).
     */
    @Test
    void boundsWantedServicesByWhatOneRecordJoinsUp() {
        var near = PLACES.get(0);
        var mentors = new ArrayList<MentorCandidate>();
        for (int id = 1; id <= 40; id++) {
            var records = List.of(
                    record(id, 1, List.of("gp", "social-care"), id % 3 == 0 ? "verified" : "endorsed", near),
                    record(id, 2, List.of("housing"), "self-reported", near),
                    record(id, 3, List.of("social-care", "housing"), id % 2 == 0 ? "verified" : "self-reported", near),
                    record(id, 4, List.of("acute"), "verified", near));
            mentors.add(mentor(id, records));
        }
        for (int id = 41; id <= 100; id++) {
            // one record on all three, 0 to 150 km away: its distance part runs from 15 down, across the others' totals
            var far = new GeoPoint(near.lat() + (id - 41) * 0.0225, near.lon());
            mentors.add(mentor(id, List.of(record(id, 1, List.of("gp", "social-care", "housing"), id % 4 == 0 ? "verified" : "self-reported", far))));
        }
        var needs = new ArrayList<MatchScorer.Need>();
        for (var services : List.of(List.of("gp", "social-care", "housing"), List.of("gp", "housing"), List.of("housing", "acute", "gp"))) {
            needs.add(new MatchScorer.Need(1_000_000L + needs.size(), "learner-org", "Learner Org", List.of(), new LinkedHashSet<>(services),
                    new LinkedHashSet<>(List.of("integrated-teams")), "place", new LinkedHashSet<>(List.of("calls")), near, "Place"));
        }
        keepsTheExhaustiveBest(scorer, mentors, needs, "records covering the wanted services two at a time");
        keepsTheExhaustiveBest(scorer.with(new MatchProfile(Map.of("services", 10, "distance", 0), List.of())), mentors, needs,
                "the same, services weighed double and distance not at all");
    }

    private static Experience record(long mentor, int n, List<String> services, String verification, GeoPoint where) {
        return new Experience(mentor * 100 + n, "Record", services, List.of("integrated-teams"), "place", verification, List.of(), List.of(),
                Improvement.NONE, 0, List.of(where), List.of("Somewhere"), null, List.of());
    }

    private static MentorCandidate mentor(long id, List<Experience> records) {
        return new MentorCandidate(id, "Mentor " + id, "Director", "org-" + id, "Org " + id, "Home", true, 1, List.of("calls"), id % 2 == 0,
                List.of(), true, records, TrackRecord.NONE, null);
    }

    private void keepsTheExhaustiveBest(MatchScorer scorer, List<MentorCandidate> mentors, List<MatchScorer.Need> needs, String what) {
        var scoring = new CohortScoring(scorer, mentors, needs);
        for (int limit : List.of(1, 3, 10, 50)) {
            for (var need : needs) {
                assertEquals(exhaustive(scorer, need, mentors, limit), scoring.best(need, limit).stream().map(MentorCandidate::leaderId).toList(),
                        what + ", limit " + limit + ", " + need);
            }
        }
    }

    @Test
    void pairsAreEveryEligiblePairWithItsExplainedTotal() {
        var random = new Random(77);
        var mentors = mentors(random, 300);
        var needs = needs(random, 10, mentors.size());
        var scoring = new CohortScoring(scorer, mentors, needs);
        for (var need : needs) {
            var expected = mentors.stream().map(m -> scorer.score(need, m)).flatMap(Optional::stream)
                    .filter(s -> s.total() > 0).map(s -> s.mentorId() + "=" + s.total()).sorted().toList();
            var actual = scoring.pairs(7, need).stream().map(e -> e.mentorId() + "=" + e.score()).sorted().toList();
            assertEquals(expected, actual, need.toString());
            assertTrue(expected.size() > 50, "too few eligible pairs to mean anything: " + expected.size());
        }
    }

    /** Best total first, ties to the lower leader id, over every mentor scored in full. */
    private static List<Long> exhaustive(MatchScorer scorer, MatchScorer.Need need, List<MentorCandidate> mentors, int limit) {
        return mentors.stream().map(m -> scorer.score(need, m)).flatMap(Optional::stream)
                .sorted(Comparator.comparingDouble(MatchScore::total).reversed().thenComparingLong(MatchScore::mentorId))
                .limit(limit).map(MatchScore::mentorId).toList();
    }

    /**
     * Mostly weak or distant mentors with many records (loose bounds), a few strong ones near the learners, and
     * copies of earlier mentors under other ids, so that totals tie at the edge of the kept pairs.
     */
    private List<MentorCandidate> mentors(Random random, int count) {
        var mentors = new ArrayList<MentorCandidate>();
        for (int id = 1; id <= count; id++) {
            if (id > 10 && random.nextInt(8) == 0) {
                var twin = mentors.get(random.nextInt(mentors.size()));
                long offset = 1_000_000L * id;
                mentors.add(new MentorCandidate(id, "Twin " + id, twin.currentRole(), twin.organisationCode(), twin.organisation(), twin.homeAreaName(),
                        true, twin.capacityLeft(), twin.formats(), twin.trained(), twin.conflicts(), true,
                        twin.records().stream().map(r -> withId(r, r.recordId() + offset)).toList(), twin.trackRecord(), twin.homeRegion()));
                continue;
            }
            boolean strong = random.nextInt(20) == 0;
            var records = new ArrayList<Experience>();
            for (int r = 1 + random.nextInt(strong ? 3 : 12); r > 0; r--) {
                var where = new ArrayList<GeoPoint>();
                for (int p = random.nextInt(3); p > 0; p--) {
                    where.add(strong || random.nextInt(4) == 0 ? PLACES.get(random.nextInt(PLACES.size()))
                            : new GeoPoint(49 + random.nextDouble() * 8, -6 + random.nextDouble() * 8));
                }
                var improvement = Improvement.values()[random.nextInt(3)];
                var outcomes = improvement == Improvement.NONE && random.nextBoolean() ? List.<String>of() : List.of("non-elective-admissions");
                records.add(new Experience(id * 100L + r, "Record", strong ? some(random, SERVICES, 3) : some(random, SERVICES, 1),
                        some(random, APPROACHES, strong ? 2 : 1), scope(random), strong ? "verified" : VERIFICATIONS.get(random.nextInt(4)), outcomes,
                        improvement == Improvement.NONE ? List.of() : outcomes, improvement, 0, where, List.of("Somewhere"),
                        random.nextInt(4) == 0 ? null : RandomMatching.ROLES.get(random.nextInt(3)), some(random, RandomMatching.REGIONS, 2),
                        RandomMatching.councils(areas)));
            }
            var track = random.nextInt(6) == 0 ? new TrackRecord(1, 1 + random.nextInt(4), random.nextInt(2), 0) : TrackRecord.NONE;
            if (track.wouldRecommend() > track.followUpsAnswered()) {
                track = new TrackRecord(1, track.followUpsAnswered(), track.followUpsAnswered(), 0);
            }
            mentors.add(new MentorCandidate(id, "Mentor " + id, "Director", random.nextInt(10) == 0 ? "learner-org" : "org-" + id,
                    random.nextInt(10) == 0 ? "Learner Org" : "Org " + id, "Home", true, 1 + random.nextInt(3),
                    some(random, List.of("calls", "site-visit", "workshops"), 1), random.nextBoolean(),
                    random.nextInt(15) == 0 ? List.of("LEARNER ORG") : List.of(), true, records, track,
                    random.nextInt(4) == 0 ? null : RandomMatching.REGIONS.get(random.nextInt(RandomMatching.REGIONS.size()))));
        }
        return mentors;
    }

    /** Needs with a region (mostly) and words that some of the {@code mentors} leaders' records answer (half of them). */
    private List<MatchScorer.Need> needs(Random random, int count, int mentors) {
        var needs = new ArrayList<MatchScorer.Need>();
        for (int i = 0; i < count; i++) {
            var services = new LinkedHashSet<>(some(random, SERVICES, 2));
            var approaches = random.nextInt(5) == 0 ? new LinkedHashSet<String>() : new LinkedHashSet<>(some(random, APPROACHES, 1));
            needs.add(new MatchScorer.Need(1_000_000L + i, "learner-org", "Learner Org", random.nextInt(5) == 0 ? List.of("Org 3") : List.of(),
                    services, approaches, random.nextInt(5) == 0 ? null : SCOPES.get(random.nextInt(SCOPES.size())),
                    new LinkedHashSet<>(some(random, List.of("calls", "workshops"), 1)),
                    random.nextInt(6) == 0 ? null : PLACES.get(random.nextInt(PLACES.size())), "Place",
                    random.nextInt(6) == 0 ? null : RandomMatching.REGIONS.get(random.nextInt(RandomMatching.REGIONS.size())))
                    .withWords(words(random, mentors)).withPlaces(RandomMatching.likes(areas)));
        }
        return needs;
    }

    /** As search.LearnerWords gives it: the best at 1, some others below, most none; or no words at all. */
    private static Map<Long, Double> words(Random random, int mentors) {
        var words = new HashMap<Long, Double>();
        if (random.nextBoolean()) {
            words.put(1L + random.nextInt(mentors), 1.0);
            for (int i = random.nextInt(mentors / 3 + 1); i > 0; i--) {
                words.putIfAbsent(1L + random.nextInt(mentors), random.nextDouble());
            }
        }
        return words;
    }

    /** A scope, none, or one of no known rank among the scorer's. */
    private static String scope(Random random) {
        int pick = random.nextInt(SCOPES.size() + 2);
        return pick < SCOPES.size() ? SCOPES.get(pick) : pick == SCOPES.size() ? null : "elsewhere";
    }

    /** One to {@code most} distinct codes. */
    private static List<String> some(Random random, List<String> codes, int most) {
        var chosen = new LinkedHashSet<String>();
        int wanted = 1 + random.nextInt(most);
        while (chosen.size() < wanted) {
            chosen.add(codes.get(random.nextInt(codes.size())));
        }
        return List.copyOf(chosen);
    }

    private static Experience withId(Experience r, long id) {
        return new Experience(id, r.title(), r.services(), r.approaches(), r.scope(), r.verification(), r.outcomeMetrics(), r.improvedOutcomes(),
                r.improvement(), r.evidenceCount(), r.locations(), r.areaNames(), r.role(), r.regions(), r.areaCodes());
    }
}
