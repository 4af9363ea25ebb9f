package org.joinedup.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Spreading the load (issue 19) against brute force on many small random cohorts (fixed seeds): with a rising
 * cost for each further mentee of the same mentor, both modes, with locks, bans and pruning, reach what brute
 * force reaches for total less that cost; everyone-first still matches as many as without it; and on a cohort
 * where one mentor is best for everyone, the load goes to more mentors. A failure names its seed.
 */
class SpreadLoadPropertiesTest {

    private static final int TRIES = 600;

    @Test
    void spreadingMatchesBruteForceInBothModesWithLocksBansAndPruning() {
        for (long seed = 0; seed < TRIES; seed++) {
            var random = new Random(seed);
            var problem = MentorPausePropertiesTest.smallCohort(random);
            long step = 1 + random.nextInt(400);
            try {
                var locks = feasibleLocks(problem, random);
                var locked = locks.stream().map(CohortPair::of).collect(Collectors.toSet());
                var bans = new HashSet<CohortPair>();
                for (var edge : problem.edges()) {
                    if (random.nextInt(5) == 0 && !locked.contains(CohortPair.of(edge))) {
                        bans.add(CohortPair.of(edge));
                    }
                }
                int keep = 1 + random.nextInt(2);
                for (var mode : CohortMode.values()) {
                    var rules = new CohortRules(mode, locks, bans, step);
                    var expected = CohortBruteForce.optimal(problem, rules);
                    var solved = CohortAssignment.optimal(problem, rules, CohortAssignment.LeftOutPairs.NONE);
                    var pruned = CohortAssignment.optimal(CohortSolverPropertiesTest.prune(problem, keep), rules,
                            CohortSolverPropertiesTest.leftOut(problem, keep));
                    for (var solution : List.of(solved, pruned)) {
                        CohortChecks.assertFeasible(problem, solution);
                        var chosen = solution.assignments().stream().map(CohortPair::of).collect(Collectors.toSet());
                        assertTrue(chosen.containsAll(locked), "a lock is missing");
                        assertFalse(chosen.stream().anyMatch(bans::contains), "a banned pair is in");
                        if (mode == CohortMode.EVERYONE_FIRST) {
                            assertEquals(expected.matched(), solution.matched(), "matched");
                        }
                        assertEquals(value(expected, step), value(solution, step), mode + ": total less the spreading cost");
                    }
                    if (mode == CohortMode.EVERYONE_FIRST) {
                        var unspread = CohortAssignment.optimal(problem, new CohortRules(mode, locks, bans), CohortAssignment.LeftOutPairs.NONE);
                        assertEquals(unspread.matched(), solved.matched(), "spreading never matches fewer in everyone-first");
                    }
                }
            } catch (AssertionError failure) {
                throw new AssertionError("seed " + seed + ", step " + step + ", " + problem + ": " + failure.getMessage(), failure);
            }
        }
    }

    @Test
    void withoutTheStepNothingChanges() {
        for (long seed = 0; seed < 200; seed++) {
            var problem = MentorPausePropertiesTest.smallCohort(new Random(seed));
            for (var mode : CohortMode.values()) {
                assertEquals(CohortAssignment.optimal(problem, new CohortRules(mode, List.of(), Set.of()), CohortAssignment.LeftOutPairs.NONE),
                        CohortAssignment.optimal(problem, new CohortRules(mode, List.of(), Set.of(), 0), CohortAssignment.LeftOutPairs.NONE));
            }
        }
    }

    /**
     * One strong mentor with 4 places is everyone's best by 2 points; spread (3 points a further mentee), they keep
     * one request and the other three go to others: 80 + 3 x 78 = 314 beats 4 x 80 - 3 x (1 + 2 + 3) = 302.
     */
    @Test
    void oneStrongMentorNoLongerTakesEveryone() {
        var capacity = Map.of(100L, 4, 101L, 1, 102L, 1, 103L, 1, 104L, 1);
        var edges = new ArrayList<CohortEdge>();
        for (long r = 1; r <= 4; r++) {
            edges.add(new CohortEdge(r, 100, 80));
            edges.add(new CohortEdge(r, 100 + r, 78));
        }
        var problem = new CohortProblem(List.of(1L, 2L, 3L, 4L), capacity, edges, 1);
        var plain = CohortAssignment.optimal(problem);
        assertEquals(4, plain.assignments().stream().filter(e -> e.mentorId() == 100).count(), "without spreading, all to mentor 100");
        var spread = CohortAssignment.optimal(problem, new CohortRules(CohortMode.BEST_TOTAL, List.of(), Set.of(),
                CohortAssignment.units(CohortRules.SPREAD_STEP_POINTS)), CohortAssignment.LeftOutPairs.NONE);
        assertEquals(4, spread.assignments().size());
        assertEquals(4, spread.assignments().stream().map(CohortEdge::mentorId).distinct().count(), "spread over four mentors: " + spread);
    }

    /** Total in units less step x n(n-1)/2 per mentor: what the flow and brute force both maximise. */
    private static long value(CohortSolution solution, long step) {
        var perMentor = new HashMap<Long, Long>();
        solution.assignments().forEach(e -> perMentor.merge(e.mentorId(), 1L, Long::sum));
        long cost = perMentor.values().stream().mapToLong(n -> step * n * (n - 1) / 2).sum();
        return CohortSolverPropertiesTest.units(solution) - cost;
    }

    private static List<CohortEdge> feasibleLocks(CohortProblem problem, Random random) {
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
}
