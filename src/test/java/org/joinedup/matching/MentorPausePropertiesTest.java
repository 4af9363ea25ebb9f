package org.joinedup.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.joinedup.platform.ProblemException;
import org.junit.jupiter.api.Test;

/**
 * Pauses against brute force on many small random cohorts (fixed seeds, as {@link CohortSolverPropertiesTest}):
 * with some mentors paused (and some pauses already over), both modes, with locks and bans on the others and
 * with pruning, give what brute force gives on the cohort without the paused mentors, never assign a paused
 * mentor, and a lock naming one is a 409 naming that lock. A failure names its seed.
 */
class MentorPausePropertiesTest {

    private static final int TRIES = 600;
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);

    @Test
    void pausedMentorsAreNeverAssignedAndTheRestIsOptimal() {
        for (long seed = 0; seed < TRIES; seed++) {
            var random = new Random(seed);
            var problem = smallCohort(random);
            var pauses = randomPauses(problem, random);
            var paused = pausedByDate(pauses);
            try {
                var applied = pauses.apply(problem);
                var without = withoutMentors(problem, paused);
                var locks = feasibleLocks(without, random);
                var lockedPairs = locks.stream().map(CohortPair::of).collect(Collectors.toSet());
                var bans = new HashSet<CohortPair>();
                for (var edge : problem.edges()) {
                    if (random.nextInt(5) == 0 && !lockedPairs.contains(CohortPair.of(edge))) {
                        bans.add(CohortPair.of(edge));
                    }
                }
                int keep = 1 + random.nextInt(2);
                for (var mode : CohortMode.values()) {
                    var rules = new CohortRules(mode, locks, bans);
                    var solved = CohortAssignment.optimal(applied, rules, CohortAssignment.LeftOutPairs.NONE);
                    var pruned = CohortAssignment.optimal(CohortSolverPropertiesTest.prune(applied, keep), rules,
                            CohortSolverPropertiesTest.leftOut(applied, keep));
                    var expected = CohortBruteForce.optimal(without, rules);
                    for (var solution : List.of(solved, pruned)) {
                        CohortChecks.assertFeasible(problem, solution);
                        assertFalse(solution.assignments().stream().anyMatch(e -> paused.contains(e.mentorId())), "a paused mentor is assigned: " + solution);
                        assertTrue(solution.assignments().stream().map(CohortPair::of).collect(Collectors.toSet()).containsAll(lockedPairs), "a lock is missing");
                        if (mode == CohortMode.EVERYONE_FIRST) {
                            assertEquals(expected.matched(), solution.matched(), "matched");
                        }
                        assertEquals(CohortSolverPropertiesTest.units(expected), CohortSolverPropertiesTest.units(solution), "total in units");
                    }
                }
            } catch (AssertionError failure) {
                throw new AssertionError("seed " + seed + ", " + problem + ", pauses " + pauses.until() + ": " + failure.getMessage(), failure);
            }
        }
    }

    @Test
    void aLockOnAPausedMentorIsA409NamingIt() {
        for (long seed = 0; seed < TRIES; seed++) {
            var random = new Random(seed);
            var problem = smallCohort(random);
            var pauses = randomPauses(problem, random);
            var paused = pausedByDate(pauses);
            var locks = new ArrayList<CohortMatchInput.Pair>();
            for (var edge : problem.edges()) {
                if (random.nextInt(3) == 0) {
                    locks.add(new CohortMatchInput.Pair(edge.requestId(), edge.mentorId()));
                }
            }
            int first = -1;
            for (int i = 0; i < locks.size() && first < 0; i++) {
                if (paused.contains(locks.get(i).mentorId())) {
                    first = i;
                }
            }
            if (first < 0) {
                pauses.checkLocks(locks);
            } else {
                var refused = assertThrows(ProblemException.class, () -> pauses.checkLocks(locks), "seed " + seed);
                assertEquals(409, refused.problem().status());
                assertEquals("locks[" + first + "]", refused.problem().violations().get(0).field(), "seed " + seed);
                assertTrue(refused.problem().detail().contains("paused until " + pauses.until().get(locks.get(first).mentorId())));
            }
            // the pool loses exactly the paused
            var pool = new HashMap<Long, String>();
            problem.mentorCapacity().keySet().forEach(id -> pool.put(id, "mentor " + id));
            var left = pauses.available(pool);
            assertEquals(problem.mentorCapacity().keySet().stream().filter(id -> !paused.contains(id)).collect(Collectors.toSet()), left.keySet());
        }
    }

    @Test
    void aPauseEndsOnItsDay() {
        var pauses = new MentorPauses(Map.of(1L, TODAY, 2L, TODAY.plusDays(1), 3L, TODAY.minusDays(1)), TODAY);
        assertFalse(pauses.paused(1), "a pause is over on its day");
        assertTrue(pauses.paused(2));
        assertFalse(pauses.paused(3));
        assertFalse(pauses.paused(4));
    }

    /** Each mentor: paused into the future (a third), a pause already over (a sixth), or none. */
    private static MentorPauses randomPauses(CohortProblem problem, Random random) {
        var until = new HashMap<Long, LocalDate>();
        for (var mentor : problem.mentorCapacity().keySet()) {
            int roll = random.nextInt(6);
            if (roll < 2) {
                until.put(mentor, TODAY.plusDays(1 + random.nextInt(60)));
            } else if (roll == 2) {
                until.put(mentor, TODAY.minusDays(random.nextInt(30)));
            }
        }
        return new MentorPauses(until, TODAY);
    }

    /** Worked out from the dates here, not by the class under test. */
    private static Set<Long> pausedByDate(MentorPauses pauses) {
        return pauses.until().entrySet().stream().filter(e -> e.getValue().isAfter(TODAY)).map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    private static CohortProblem withoutMentors(CohortProblem problem, Set<Long> gone) {
        var capacity = new HashMap<Long, Integer>();
        problem.mentorCapacity().forEach((id, places) -> capacity.put(id, gone.contains(id) ? 0 : places));
        return new CohortProblem(problem.requestIds(), capacity, problem.edges().stream().filter(e -> !gone.contains(e.mentorId())).toList(),
                problem.perRequest());
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

    /** Up to 6 requests and 5 mentors, capacities 0-3, 1-2 mentors per request. */
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
                    edges.add(new CohortEdge(request, mentor, (1 + random.nextInt(1000)) / 1000.0));
                }
            }
        }
        return new CohortProblem(requests, capacity, edges, 1 + random.nextInt(2));
    }
}
