package org.joinedup.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Issue 19's solver checked against brute force on many small random cohorts (plain JUnit over fixed seeds,
 * as {@link CohortAssignmentPropertiesTest}): everyone-first, optimality over all pairs when the problem was
 * pruned, and locks and bans. A failure names its seed and cohort, so it can be replayed.
 */
class CohortSolverPropertiesTest {

    private static final int TRIES = 600;

    @Test
    void theIssuesExampleBestTotalLeavesR2OutEveryoneFirstMatchesBoth() {
        var problem = new CohortProblem(List.of(1L, 2L), Map.of(10L, 1, 20L, 1),
                List.of(new CohortEdge(1, 10, 100), new CohortEdge(1, 20, 1), new CohortEdge(2, 10, 1)), 1);
        var best = CohortAssignment.optimal(problem, CohortRules.BEST_TOTAL, CohortAssignment.LeftOutPairs.NONE);
        assertEquals(List.of(new CohortEdge(1, 10, 100)), best.assignments());
        assertEquals(1, best.matched());
        var everyone = CohortAssignment.optimal(problem, rules(CohortMode.EVERYONE_FIRST, List.of(), Set.of()),
                CohortAssignment.LeftOutPairs.NONE);
        assertEquals(List.of(new CohortEdge(1, 20, 1), new CohortEdge(2, 10, 1)), everyone.assignments());
        assertEquals(2, everyone.matched());
        assertEquals(2.0, everyone.totalScore(), 1e-9);
    }

    /** Matched first, then units: both modes against brute force, on the full problem. */
    @Test
    void bothModesMatchBruteForce() {
        forSmallCohorts((problem, random) -> {
            for (var mode : CohortMode.values()) {
                var rules = rules(mode, List.of(), Set.of());
                assertSameValue(mode, CohortBruteForce.optimal(problem, rules), CohortAssignment.optimal(problem, rules, CohortAssignment.LeftOutPairs.NONE));
            }
        });
    }

    @Test
    void everyoneFirstNeverMatchesFewerAndBestTotalNeverScoresLess() {
        forSmallCohorts((problem, random) -> {
            var best = CohortAssignment.optimal(problem);
            var everyone = CohortAssignment.optimal(problem, rules(CohortMode.EVERYONE_FIRST, List.of(), Set.of()), CohortAssignment.LeftOutPairs.NONE);
            assertTrue(everyone.matched() >= best.matched(), "matched " + everyone.matched() + " < " + best.matched());
            assertTrue(units(best) >= units(everyone), "total " + units(best) + " < " + units(everyone));
        });
    }

    /** Each request keeps only its best 1 or 2 pairs; the check must bring back whatever the full optimum needs. */
    @Test
    void aPrunedProblemIsSolvedOptimallyOverAllPairs() {
        forSmallCohorts((full, random) -> {
            int keep = 1 + random.nextInt(2);
            var pruned = prune(full, keep);
            var leftOut = leftOut(full, keep);
            for (var mode : CohortMode.values()) {
                var rules = rules(mode, List.of(), Set.of());
                var solved = CohortAssignment.optimal(pruned, rules, leftOut);
                assertSameValue(mode, CohortBruteForce.optimal(full, rules), solved);
                assertSameValue(mode, CohortAssignment.optimal(full, rules, CohortAssignment.LeftOutPairs.NONE), solved);
                CohortChecks.assertFeasible(full, solved);
            }
        });
    }

    /**
     * Popular mentors crowd out the rest: every request's best pairs are the same 20 mentors with one place each,
     * so keeping 10 pairs per request leaves most requests nothing; the check must find the other mentors.
     */
    @Test
    void pruningThatBitesIsUndoneByTheCheck() {
        for (long seed = 0; seed < 5; seed++) {
            var random = new Random(seed);
            var full = crowded(random, 300, 400, 20);
            var pruned = prune(full, 10);
            var leftOut = leftOut(full, 10);
            for (var mode : CohortMode.values()) {
                var rules = rules(mode, List.of(), Set.of());
                var prunedOnly = CohortAssignment.optimal(pruned, rules, CohortAssignment.LeftOutPairs.NONE);
                var unpruned = CohortAssignment.optimal(full, rules, CohortAssignment.LeftOutPairs.NONE);
                var checked = CohortAssignment.optimal(pruned, rules, leftOut);
                assertTrue(prunedOnly.matched() < unpruned.matched() && units(prunedOnly) < units(unpruned),
                        "seed " + seed + ": pruning should bite, " + prunedOnly.matched() + " vs " + unpruned.matched());
                assertSameValue(mode, unpruned, checked);
                assertTrue(checked.pairsAdded() > 0 && checked.pairsAdded() < full.edges().size() - pruned.edges().size(),
                        "seed " + seed + ": added " + checked.pairsAdded());
                CohortChecks.assertFeasible(full, checked);
            }
        }
    }

    /**
     * Where capacity just meets demand the check takes many rounds, each repairing the network solved before (pairs
     * saturated, surpluses sent on): the answer is still the unpruned optimum, in both modes.
     */
    @Test
    void manyRoundsOfRepairGiveTheUnprunedOptimum() {
        for (long seed = 0; seed < 5; seed++) {
            var full = ranked(new Random(seed), 60);
            for (var mode : CohortMode.values()) {
                var rules = rules(mode, List.of(), Set.of());
                var checked = CohortAssignment.optimal(prune(full, 10), rules, leftOut(full, 10));
                assertTrue(checked.rounds() > 3, "seed " + seed + ": the cohort should take several rounds, took " + checked.rounds());
                assertSameValue(mode, CohortAssignment.optimal(full, rules, CohortAssignment.LeftOutPairs.NONE), checked);
                CohortChecks.assertFeasible(full, checked);
            }
        }
    }

    @Test
    void locksAndBansMatchBruteForceAndHold() {
        forSmallCohorts((problem, random) -> {
            var locks = feasibleLocks(problem, random);
            var lockedPairs = locks.stream().map(CohortPair::of).collect(Collectors.toSet());
            var bans = new HashSet<CohortPair>();
            for (var edge : problem.edges()) {
                if (random.nextInt(4) == 0 && !lockedPairs.contains(CohortPair.of(edge))) {
                    bans.add(CohortPair.of(edge));
                }
            }
            int keep = 1 + random.nextInt(3);
            for (var mode : CohortMode.values()) {
                var rules = rules(mode, locks, bans);
                var solved = CohortAssignment.optimal(problem, rules, CohortAssignment.LeftOutPairs.NONE);
                var prunedSolved = CohortAssignment.optimal(prune(problem, keep), rules, leftOut(problem, keep));
                var greedy = CohortAssignment.greedy(problem, rules);
                for (var solution : List.of(solved, prunedSolved, greedy)) {
                    CohortChecks.assertFeasible(problem, solution);
                    var chosen = solution.assignments().stream().map(CohortPair::of).collect(Collectors.toSet());
                    assertTrue(chosen.containsAll(lockedPairs), () -> "a lock is missing: " + solution);
                    assertFalse(chosen.stream().anyMatch(bans::contains), () -> "a banned pair is in: " + solution);
                }
                assertSameValue(mode, CohortBruteForce.optimal(problem, rules), solved);
                assertSameValue(mode, solved, prunedSolved);
            }
        });
    }

    static CohortRules rules(CohortMode mode, List<CohortEdge> locks, Set<CohortPair> bans) {
        return new CohortRules(mode, locks, bans);
    }

    private static void assertSameValue(CohortMode mode, CohortSolution expected, CohortSolution actual) {
        if (mode == CohortMode.EVERYONE_FIRST) {
            assertEquals(expected.matched(), actual.matched(), "requests matched");
        }
        assertEquals(units(expected), units(actual), "total in units");
    }

    static long units(CohortSolution solution) {
        return solution.assignments().stream().mapToLong(e -> CohortAssignment.units(e.score())).sum();
    }

    /** Each request's best {@code keep} pairs (ties to the lower mentor id), as the cohort service prunes. */
    static CohortProblem prune(CohortProblem full, int keep) {
        var kept = new ArrayList<CohortEdge>();
        byRequest(full.edges()).values().forEach(edges -> kept.addAll(edges.subList(0, Math.min(keep, edges.size()))));
        return new CohortProblem(full.requestIds(), full.mentorCapacity(), kept, full.perRequest());
    }

    static CohortAssignment.LeftOutPairs leftOut(CohortProblem full, int keep) {
        var byRequest = byRequest(full.edges());
        return new CohortAssignment.LeftOutPairs() {
            @Override
            public double bound(long requestId) {
                var edges = byRequest.getOrDefault(requestId, List.of());
                return edges.size() > keep ? edges.get(keep - 1).score() : 0;
            }

            @Override
            public Map<Long, List<CohortEdge>> pairsOf(Collection<Long> requestIds) {
                var pairs = new HashMap<Long, List<CohortEdge>>();
                requestIds.forEach(id -> pairs.put(id, byRequest.getOrDefault(id, List.of())));
                return pairs;
            }
        };
    }

    private static Map<Long, List<CohortEdge>> byRequest(List<CohortEdge> edges) {
        var byRequest = new HashMap<Long, List<CohortEdge>>();
        edges.forEach(e -> byRequest.computeIfAbsent(e.requestId(), id -> new ArrayList<>()).add(e));
        byRequest.values().forEach(list -> list.sort(Comparator.comparingDouble(CohortEdge::score).reversed()
                .thenComparingLong(CohortEdge::mentorId)));
        return byRequest;
    }

    /** Random locks on given pairs, within every request's slots and every mentor's places. */
    static List<CohortEdge> feasibleLocks(CohortProblem problem, Random random) {
        var locks = new ArrayList<CohortEdge>();
        var perRequest = new HashMap<Long, Integer>();
        var perMentor = new HashMap<Long, Integer>();
        for (var edge : problem.edges()) {
            if (random.nextInt(5) == 0 && perRequest.getOrDefault(edge.requestId(), 0) < problem.perRequest()
                    && perMentor.getOrDefault(edge.mentorId(), 0) < problem.mentorCapacity().get(edge.mentorId())) {
                locks.add(edge);
                perRequest.merge(edge.requestId(), 1, Integer::sum);
                perMentor.merge(edge.mentorId(), 1, Integer::sum);
            }
        }
        return locks;
    }

    /** {@code popular} mentors with one place each are everyone's best; the others, plenty of room, score lower. */
    static CohortProblem crowded(Random random, int requests, int mentors, int popular) {
        var capacity = new HashMap<Long, Integer>();
        for (long m = 1; m <= mentors; m++) {
            capacity.put(1000 + m, m <= popular ? 1 : 1 + random.nextInt(2));
        }
        var requestIds = new ArrayList<Long>();
        var edges = new ArrayList<CohortEdge>();
        for (long r = 1; r <= requests; r++) {
            requestIds.add(r);
            for (long m = 1; m <= mentors; m++) {
                if (m <= popular || random.nextInt(10) == 0) {
                    double score = m <= popular ? 60 + random.nextInt(40_000) / 1000.0 : 1 + random.nextInt(50_000) / 1000.0;
                    edges.add(new CohortEdge(r, 1000 + m, score));
                }
            }
        }
        return new CohortProblem(requestIds, capacity, edges, 1);
    }

    /**
     * As many requests as mentors, each mentor with one place, every pair eligible and every request ranking the mentors
     * alike (a mentor's score falls with their number, plus a little noise): the optimum gives most requests a mentor far
     * down their list, so a check from each request's best few pairs takes many rounds.
     */
    static CohortProblem ranked(Random random, int size) {
        var capacity = new HashMap<Long, Integer>();
        var requestIds = new ArrayList<Long>();
        var edges = new ArrayList<CohortEdge>();
        for (long m = 1; m <= size; m++) {
            capacity.put(1000 + m, 1);
        }
        for (long r = 1; r <= size; r++) {
            requestIds.add(r);
            for (long m = 1; m <= size; m++) {
                edges.add(new CohortEdge(r, 1000 + m, size - m + 1 + random.nextInt(1000) / 1000.0));
            }
        }
        return new CohortProblem(requestIds, capacity, edges, 1);
    }

    /** Up to 6 requests and 5 mentors (ids overlap on purpose), capacities 0-3, 1-2 mentors per request. */
    static CohortProblem smallCohort(Random random) {
        int requestCount = random.nextInt(7);
        int mentorCount = random.nextInt(6);
        var requests = new ArrayList<Long>();
        var capacity = new HashMap<Long, Integer>();
        var edges = new ArrayList<CohortEdge>();
        for (long mentor = 1; mentor <= mentorCount; mentor++) {
            capacity.put(mentor, random.nextInt(4));
        }
        for (long request = 1; request <= requestCount; request++) {
            requests.add(request);
            for (long mentor = 1; mentor <= mentorCount; mentor++) {
                if (random.nextBoolean()) {
                    edges.add(new CohortEdge(request, mentor, random.nextInt(3) == 0 ? 0.25 * (1 + random.nextInt(4))
                            : (1 + random.nextInt(1000)) / 1000.0));
                }
            }
        }
        return new CohortProblem(requests, capacity, edges, 1 + random.nextInt(2));
    }

    private static void forSmallCohorts(BiConsumer<CohortProblem, Random> property) {
        for (long seed = 0; seed < TRIES; seed++) {
            var random = new Random(seed);
            var problem = smallCohort(random);
            try {
                property.accept(problem, random);
            } catch (AssertionError failure) {
                throw new AssertionError("seed " + seed + ", " + problem + ": " + failure.getMessage(), failure);
            }
        }
    }
}
