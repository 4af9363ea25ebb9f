package org.joinedup.matching;

import java.util.List;

/** The chosen pairs, sorted by request then mentor, and the sum of their scores. */
public record CohortSolution(List<CohortEdge> assignments, double totalScore) {

    public CohortSolution {
        assignments = List.copyOf(assignments);
    }
}
