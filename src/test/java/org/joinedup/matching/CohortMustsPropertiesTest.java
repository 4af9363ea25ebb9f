package org.joinedup.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.joinedup.search.MentorCandidate;
import org.junit.jupiter.api.Test;

/**
 * Musts and weights of a matching profile in the cohort, against brute force on many small random cohorts (plain
 * JUnit over fixed seeds, as {@link CohortSolverPropertiesTest}): the pairs the cohort scores with {@link CohortScoring}
 * under the profile, solved exactly (pruned to each request's best pairs, then checked over all), never break a must
 * (judged from the musts' definitions, apart from the scorer), and reach the brute-force optimum over every pair the
 * explained score allows that keeps every must. A failure names its seed, so it can be replayed.
 */
class CohortMustsPropertiesTest {

    private static final int TRIES = 400;
    private final MatchScorer scorer = new MatchScorer(RandomMatching.SCOPES::indexOf, code -> code);

    @Test
    void mustsAreNeverBrokenAndTheTotalIsTheBruteForceOptimum() {
        int withMusts = 0;
        int excluded = 0;
        for (long seed = 1; seed <= TRIES; seed++) {
            var random = new RandomMatching(seed);
            var mentors = random.mentors(3 + random.random().nextInt(4), 2);
            var needs = random.needs(2 + random.random().nextInt(3), 40);
            var profile = random.profile(0.4);
            var weighted = scorer.with(profile);
            var free = scorer.with(RandomMatching.withoutMusts(profile));
            var byId = mentors.stream().collect(Collectors.toMap(MentorCandidate::leaderId, Function.identity()));
            var capacity = new HashMap<Long, Integer>();
            mentors.forEach(m -> capacity.put(m.leaderId(), m.capacityLeft()));
            var requestIds = new ArrayList<Long>();
            var needOf = new HashMap<Long, MatchScorer.Need>();
            for (int i = 0; i < needs.size(); i++) {
                requestIds.add(100L + i);
                needOf.put(100L + i, needs.get(i));
            }
            int perRequest = 1 + random.random().nextInt(2);

            // the reference: every pair the explained score allows without musts, kept when it keeps every must by definition
            var allowed = new ArrayList<CohortEdge>();
            for (var requestId : requestIds) {
                var need = needOf.get(requestId);
                for (var mentor : mentors) {
                    var score = free.score(need, mentor);
                    if (score.isEmpty()) {
                        continue;
                    }
                    var best = RandomMatching.record(mentor, score.get().recordIds().get(0));
                    if (!RandomMatching.keepsMusts(profile, need, mentor, best)) {
                        excluded++;
                        continue;
                    }
                    if (score.get().total() > 0) {
                        allowed.add(new CohortEdge(requestId, mentor.leaderId(), score.get().total()));
                    }
                }
            }
            var reference = CohortBruteForce.optimal(new CohortProblem(requestIds, capacity, allowed, perRequest));

            // the cohort's way: fast totals under the profile, each request's best pair first, the rest through the optimality check
            var scoring = new CohortScoring(weighted, mentors, needs);
            var kept = new ArrayList<CohortEdge>();
            var bound = new HashMap<Long, Double>();
            for (var requestId : requestIds) {
                var best = scoring.best(needOf.get(requestId), 1);
                for (var mentor : best) {
                    double total = scoring.total(needOf.get(requestId), mentor);
                    if (total > 0) {
                        kept.add(new CohortEdge(requestId, mentor.leaderId(), total));
                    }
                }
                bound.put(requestId, best.isEmpty() ? 0 : scoring.total(needOf.get(requestId), best.get(0)));
            }
            var leftOut = new CohortAssignment.LeftOutPairs() {
                @Override
                public double bound(long requestId) {
                    return bound.get(requestId);
                }

                @Override
                public Map<Long, List<CohortEdge>> pairsOf(java.util.Collection<Long> ids) {
                    return ids.stream().collect(Collectors.toMap(id -> id, id -> scoring.pairs(id, needOf.get(id))));
                }
            };
            var problem = new CohortProblem(requestIds, capacity, kept, perRequest);
            var solved = CohortAssignment.optimal(problem, CohortRules.BEST_TOTAL, leftOut);
            long s = seed;
            for (var edge : solved.assignments()) {
                var need = needOf.get(edge.requestId());
                var mentor = byId.get(edge.mentorId());
                var best = RandomMatching.record(mentor, free.score(need, mentor).orElseThrow().recordIds().get(0));
                assertTrue(RandomMatching.keepsMusts(profile, need, mentor, best), () -> "seed " + s + ": " + edge + " breaks a must of " + profile);
                assertEquals(weighted.score(need, mentor).orElseThrow().total(), edge.score(), () -> "seed " + s + ": " + edge);
            }
            CohortChecks.assertFeasible(new CohortProblem(requestIds, capacity, allowed, perRequest), solved);
            assertEquals(units(reference), units(solved), () -> "seed " + s + ": " + profile + " cohort " + allowed);
            if (!profile.musts().isEmpty()) {
                withMusts++;
            }
        }
        assertTrue(withMusts > TRIES / 2, "too few cohorts with musts: " + withMusts);
        assertTrue(excluded > TRIES, "the musts excluded too few pairs to mean anything: " + excluded);
    }

    @Test
    void aProfileWithAllMustsLeavesOnlyPairsThatKeepThemAll() {
        var random = new RandomMatching(7);
        var mentors = random.mentors(300, 2);
        var needs = random.needs(40, 300);
        var profile = new MatchProfile(Map.of("role", 5), Set.of(MatchProfile.Must.values()));
        var scoring = new CohortScoring(scorer.with(profile), mentors, needs);
        var free = scorer.with(RandomMatching.withoutMusts(profile));
        int pairs = 0;
        for (int i = 0; i < needs.size(); i++) {
            var need = needs.get(i);
            for (var edge : scoring.pairs(i, need)) {
                var mentor = mentors.stream().filter(m -> m.leaderId() == edge.mentorId()).findFirst().orElseThrow();
                var best = RandomMatching.record(mentor, free.score(need, mentor).orElseThrow().recordIds().get(0));
                assertTrue(RandomMatching.keepsMusts(profile, need, mentor, best), edge::toString);
                pairs++;
            }
        }
        assertTrue(pairs > 20, "too few pairs keep every must to mean anything: " + pairs);
    }

    private static long units(CohortSolution solution) {
        return solution.assignments().stream().mapToLong(e -> CohortAssignment.units(e.score())).sum();
    }
}
