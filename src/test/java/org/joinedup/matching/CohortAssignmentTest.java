package org.joinedup.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CohortAssignmentTest {

    private static CohortEdge edge(long request, long mentor, double score) {
        return new CohortEdge(request, mentor, score);
    }

    @Test
    void beatsGreedyWhenTheBestPairBlocksAnotherRequest() {
        // Mentor 10 suits both requests; mentor 20 only request 1. Greedy gives 10 to request 1 and strands request 2.
        var problem = new CohortProblem(List.of(1L, 2L), Map.of(10L, 1, 20L, 1),
                List.of(edge(1, 10, 0.9), edge(2, 10, 0.8), edge(1, 20, 0.7)), 1);

        var greedy = CohortAssignment.greedy(problem);
        var optimal = CohortAssignment.optimal(problem);

        assertEquals(List.of(edge(1, 10, 0.9)), greedy.assignments());
        assertEquals(List.of(edge(1, 20, 0.7), edge(2, 10, 0.8)), optimal.assignments());
        assertEquals(1.5, optimal.totalScore(), 1e-9);
    }

    @Test
    void neverGivesAMentorMoreMenteesThanTheirCapacity() {
        var problem = new CohortProblem(List.of(1L, 2L, 3L, 4L), Map.of(10L, 2),
                List.of(edge(1, 10, 0.1), edge(2, 10, 0.4), edge(3, 10, 0.3), edge(4, 10, 0.2)), 1);

        var optimal = CohortAssignment.optimal(problem);

        assertEquals(List.of(edge(2, 10, 0.4), edge(3, 10, 0.3)), optimal.assignments());
        CohortChecks.assertFeasible(problem, optimal);
    }

    @Test
    void neverAssignsAMentorWithNoCapacityLeft() {
        var problem = new CohortProblem(List.of(1L), Map.of(10L, 0, 20L, 1),
                List.of(edge(1, 10, 0.9), edge(1, 20, 0.1)), 1);

        assertEquals(List.of(edge(1, 20, 0.1)), CohortAssignment.optimal(problem).assignments());
    }

    @Test
    void givesEachRequestDistinctMentorsUpToPerRequest() {
        var problem = new CohortProblem(List.of(1L, 2L), Map.of(10L, 2, 20L, 2, 30L, 2),
                List.of(edge(1, 10, 0.9), edge(1, 20, 0.8), edge(1, 30, 0.7), edge(2, 10, 0.5), edge(2, 30, 0.6)), 2);

        var optimal = CohortAssignment.optimal(problem);

        assertEquals(List.of(edge(1, 10, 0.9), edge(1, 20, 0.8), edge(2, 10, 0.5), edge(2, 30, 0.6)), optimal.assignments());
        CohortChecks.assertFeasible(problem, optimal);
    }

    @Test
    void leavesARequestUnmatchedWhenCapacityRunsOut() {
        var problem = new CohortProblem(List.of(1L, 2L, 3L), Map.of(10L, 1),
                List.of(edge(1, 10, 0.2), edge(2, 10, 0.9), edge(3, 10, 0.5)), 1);

        assertEquals(List.of(edge(2, 10, 0.9)), CohortAssignment.optimal(problem).assignments());
    }

    @Test
    void fillsASlotEvenWithAScoreBelowTheResolution() {
        var problem = new CohortProblem(List.of(1L), Map.of(10L, 1), List.of(edge(1, 10, 0.0001)), 1);

        assertEquals(List.of(edge(1, 10, 0.0001)), CohortAssignment.optimal(problem).assignments());
    }

    @Test
    void keepsRequestAndMentorIdsApartWhenTheyCoincide() {
        var problem = new CohortProblem(List.of(1L, 2L), Map.of(1L, 1, 2L, 1),
                List.of(edge(1, 1, 0.5), edge(1, 2, 0.9), edge(2, 2, 0.8)), 1);

        assertEquals(List.of(edge(1, 1, 0.5), edge(2, 2, 0.8)), CohortAssignment.optimal(problem).assignments());
    }

    @Test
    void noEdgesGiveAnEmptySolution() {
        var problem = new CohortProblem(List.of(1L, 2L), Map.of(10L, 3), List.of(), 2);

        assertEquals(new CohortSolution(List.of(), 0), CohortAssignment.optimal(problem));
        assertEquals(new CohortSolution(List.of(), 0), CohortAssignment.greedy(problem));
    }

    @Test
    void givesTheSameAnswerWhateverTheInputOrder() {
        var random = new Random(7);
        var requests = new ArrayList<Long>();
        var capacity = new HashMap<Long, Integer>();
        var edges = new ArrayList<CohortEdge>();
        for (long mentor = 100; mentor < 130; mentor++) {
            capacity.put(mentor, random.nextInt(3));
        }
        for (long request = 1; request <= 40; request++) {
            requests.add(request);
            for (long mentor = 100; mentor < 130; mentor++) {
                if (random.nextInt(4) == 0) {
                    // Few distinct scores, so there are many equally good answers to choose between.
                    edges.add(edge(request, mentor, 0.25 * (1 + random.nextInt(4))));
                }
            }
        }
        var first = CohortAssignment.optimal(new CohortProblem(requests, capacity, edges, 2));
        var firstGreedy = CohortAssignment.greedy(new CohortProblem(requests, capacity, edges, 2));

        for (int round = 0; round < 5; round++) {
            Collections.shuffle(requests, random);
            Collections.shuffle(edges, random);
            var shuffled = new CohortProblem(requests, new HashMap<>(capacity), edges, 2);
            assertEquals(first, CohortAssignment.optimal(shuffled));
            assertEquals(firstGreedy, CohortAssignment.greedy(shuffled));
        }
    }

    @Test
    void rejectsAPerRequestBelowOne() {
        assertRejected("perRequest must be at least 1, was 0", List.of(1L), Map.of(10L, 1), List.of(), 0);
    }

    @Test
    void rejectsANegativeCapacity() {
        assertRejected("mentor 10 has capacity -1; it must be 0 or more", List.of(1L), Map.of(10L, -1), List.of(), 1);
    }

    @Test
    void rejectsARequestListedTwice() {
        assertRejected("request 1 is listed twice", List.of(1L, 1L), Map.of(10L, 1), List.of(), 1);
    }

    @Test
    void rejectsAnEdgeToAnUnknownRequest() {
        assertRejected("names request 2, which is not in requestIds", List.of(1L), Map.of(10L, 1), List.of(edge(2, 10, 0.5)), 1);
    }

    @Test
    void rejectsAnEdgeToAnUnknownMentor() {
        assertRejected("names mentor 20, which is not in mentorCapacity", List.of(1L), Map.of(10L, 1), List.of(edge(1, 20, 0.5)), 1);
    }

    @Test
    void rejectsTheSamePairTwice() {
        assertRejected("request 1 and mentor 10 are paired twice", List.of(1L), Map.of(10L, 1),
                List.of(edge(1, 10, 0.5), edge(1, 10, 0.7)), 1);
    }

    @Test
    void rejectsScoresThatAreNotPositiveAndFinite() {
        for (double score : new double[] {0, -0.5, Double.NaN, Double.POSITIVE_INFINITY, CohortAssignment.MAX_SCORE * 2}) {
            assertRejected("has score " + score + "; it must be above 0 and at most", List.of(1L), Map.of(10L, 1),
                    List.of(edge(1, 10, score)), 1);
        }
    }

    private static void assertRejected(String message, List<Long> requests, Map<Long, Integer> capacity,
            List<CohortEdge> edges, int perRequest) {
        var thrown = assertThrows(IllegalArgumentException.class, () -> new CohortProblem(requests, capacity, edges, perRequest));
        assertTrue(thrown.getMessage().contains(message), () -> "message was: " + thrown.getMessage());
    }
}
