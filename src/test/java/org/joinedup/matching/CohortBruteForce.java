package org.joinedup.matching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Tries every feasible assignment of a tiny cohort: the reference that {@link CohortAssignment#optimal} must match. */
final class CohortBruteForce {

    private final int perRequest;
    private final List<List<CohortEdge>> edgesByRequest;
    private final Map<Long, Integer> room;
    private final List<CohortEdge> current = new ArrayList<>();
    private List<CohortEdge> best = List.of();
    private long bestUnits = -1;
    private long currentUnits;

    private CohortBruteForce(CohortProblem problem) {
        perRequest = problem.perRequest();
        var byRequest = new TreeMap<Long, List<CohortEdge>>();
        problem.edges().stream().sorted(CohortAssignment.BY_PAIR)
                .forEach(edge -> byRequest.computeIfAbsent(edge.requestId(), id -> new ArrayList<>()).add(edge));
        edgesByRequest = List.copyOf(byRequest.values());
        room = new HashMap<>(problem.mentorCapacity());
    }

    /** Maximises the same rounded units as the solver, so ties and rounding are judged alike. */
    static CohortSolution optimal(CohortProblem problem) {
        var search = new CohortBruteForce(problem);
        search.explore(0, 0, 0);
        return CohortAssignment.solution(search.best);
    }

    /** Decide edge {@code position} of request {@code request}, which already has {@code taken} mentors. */
    private void explore(int request, int position, int taken) {
        if (request == edgesByRequest.size()) {
            if (currentUnits > bestUnits) {
                bestUnits = currentUnits;
                best = List.copyOf(current);
            }
            return;
        }
        var edges = edgesByRequest.get(request);
        if (position == edges.size() || taken == perRequest) {
            explore(request + 1, 0, 0);
            return;
        }
        var edge = edges.get(position);
        if (room.get(edge.mentorId()) > 0) {
            room.merge(edge.mentorId(), -1, Integer::sum);
            current.add(edge);
            currentUnits += CohortAssignment.units(edge.score());
            explore(request, position + 1, taken + 1);
            currentUnits -= CohortAssignment.units(edge.score());
            current.remove(current.size() - 1);
            room.merge(edge.mentorId(), 1, Integer::sum);
        }
        explore(request, position + 1, taken);
    }
}
