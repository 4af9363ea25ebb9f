package org.joinedup.matching;

import java.util.List;

/**
 * The chosen pairs, sorted by request then mentor, and the sum of their scores; {@code pairsAdded} counts the
 * left-out pairs the optimality check brought back in, over {@code rounds} solves (1 when none was needed).
 */
public record CohortSolution(List<CohortEdge> assignments, double totalScore, int pairsAdded, int rounds) {

    public CohortSolution {
        assignments = List.copyOf(assignments);
    }

    public CohortSolution(List<CohortEdge> assignments, double totalScore) {
        this(assignments, totalScore, 0, 1);
    }

    /** Requests given at least one mentor. */
    public int matched() {
        return (int) assignments.stream().mapToLong(CohortEdge::requestId).distinct().count();
    }
}
