package org.joinedup.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;

/** The rules every solution must keep, whichever method produced it. */
final class CohortChecks {

    private CohortChecks() {
    }

    static void assertFeasible(CohortProblem problem, CohortSolution solution) {
        var given = new HashSet<>(problem.edges());
        var pairs = new HashSet<List<Long>>();
        var perRequest = new HashMap<Long, Integer>();
        var perMentor = new HashMap<Long, Integer>();
        for (CohortEdge edge : solution.assignments()) {
            assertTrue(given.contains(edge), () -> edge + " is not one of the candidate edges");
            assertTrue(pairs.add(List.of(edge.requestId(), edge.mentorId())), () -> edge + " is assigned twice");
            perRequest.merge(edge.requestId(), 1, Integer::sum);
            perMentor.merge(edge.mentorId(), 1, Integer::sum);
        }
        perRequest.forEach((request, count) -> assertTrue(count <= problem.perRequest(),
                () -> "request " + request + " has " + count + " mentors, more than " + problem.perRequest()));
        perMentor.forEach((mentor, count) -> assertTrue(count <= problem.mentorCapacity().get(mentor),
                () -> "mentor " + mentor + " has " + count + " mentees, more than " + problem.mentorCapacity().get(mentor)));
        assertEquals(solution.assignments().stream().sorted(CohortAssignment.BY_PAIR).toList(), solution.assignments(),
                "assignments are sorted by request, then mentor");
        assertEquals(solution.assignments().stream().mapToDouble(CohortEdge::score).sum(), solution.totalScore(), 1e-9);
    }
}
