package org.joinedup.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Random;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/**
 * Properties of the solver checked over many small random cohorts, each small enough to brute-force.
 * Plain JUnit over fixed seeds (a failure names its seed and cohort, so it can be replayed), not jqwik:
 * jqwik 1.10's maintainer asks that AI coding agents not use it, and this code was written by one.
 */
class CohortAssignmentPropertiesTest {

    private static final int TRIES = 500;

    @Test
    void optimalMatchesTheBruteForceOptimum() {
        forSmallCohorts((problem, random) -> assertEquals(CohortBruteForce.optimal(problem).totalScore(),
                CohortAssignment.optimal(problem).totalScore(), 1e-6));
    }

    @Test
    void optimalIsNeverBelowGreedy() {
        forSmallCohorts((problem, random) -> assertTrue(
                CohortAssignment.optimal(problem).totalScore() >= CohortAssignment.greedy(problem).totalScore() - 1e-9));
    }

    @Test
    void bothMethodsKeepEveryConstraint() {
        forSmallCohorts((problem, random) -> {
            CohortChecks.assertFeasible(problem, CohortAssignment.optimal(problem));
            CohortChecks.assertFeasible(problem, CohortAssignment.greedy(problem));
        });
    }

    @Test
    void optimalIgnoresTheOrderOfTheInput() {
        forSmallCohorts((problem, random) -> {
            var requests = new ArrayList<>(problem.requestIds());
            var edges = new ArrayList<>(problem.edges());
            Collections.shuffle(requests, random);
            Collections.shuffle(edges, random);
            var shuffled = new CohortProblem(requests, problem.mentorCapacity(), edges, problem.perRequest());
            assertEquals(CohortAssignment.optimal(problem), CohortAssignment.optimal(shuffled));
        });
    }

    /** Up to 6 requests and 5 mentors (ids overlap on purpose), capacities 0-3, 1-2 mentors per request. */
    private static CohortProblem smallCohort(Random random) {
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
                    edges.add(new CohortEdge(request, mentor, score(random)));
                }
            }
        }
        return new CohortProblem(requests, capacity, edges, 1 + random.nextInt(2));
    }

    /** Multiples of 0.001, the solver's resolution, so rounding never decides; often a few values, so ties are common. */
    private static double score(Random random) {
        return random.nextInt(3) == 0 ? 0.25 * (1 + random.nextInt(4)) : (1 + random.nextInt(1000)) / 1000.0;
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
