package org.joinedup.matching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Tries every feasible assignment of a tiny cohort: the reference that {@link CohortAssignment#optimal} must match. */
final class CohortBruteForce {

    private final int perRequest;
    private final CohortRules rules;
    private final List<List<CohortEdge>> edgesByRequest;
    private final Map<Long, Integer> room;
    private final Map<Long, Integer> capacity;
    private final Map<Long, Integer> lockedOf = new HashMap<>();
    private final List<CohortEdge> current = new ArrayList<>();
    private List<CohortEdge> best = List.of();
    private long bestMatched = -1;
    private long bestUnits = -1;
    private long currentUnits;

    private CohortBruteForce(CohortProblem problem, CohortRules rules) {
        perRequest = problem.perRequest();
        this.rules = rules;
        room = new HashMap<>(problem.mentorCapacity());
        capacity = problem.mentorCapacity();
        var locked = new HashSet<CohortPair>();
        for (var lock : rules.locks()) {
            locked.add(CohortPair.of(lock));
            lockedOf.merge(lock.requestId(), 1, Integer::sum);
            room.merge(lock.mentorId(), -1, Integer::sum);
        }
        var byRequest = new TreeMap<Long, List<CohortEdge>>();
        problem.edges().stream().sorted(CohortAssignment.BY_PAIR)
                .filter(edge -> !locked.contains(CohortPair.of(edge)) && !rules.bans().contains(CohortPair.of(edge)))
                .forEach(edge -> byRequest.computeIfAbsent(edge.requestId(), id -> new ArrayList<>()).add(edge));
        edgesByRequest = List.copyOf(byRequest.values());
    }

    /** Maximises the same rounded units as the solver, so ties and rounding are judged alike. */
    static CohortSolution optimal(CohortProblem problem) {
        return optimal(problem, CohortRules.BEST_TOTAL);
    }

    /**
     * The best assignment keeping every lock and no ban; in everyone-first, first the most requests matched; with the
     * load spread, the best total less the spreading cost ({@link CohortRules#spreadStep}).
     */
    static CohortSolution optimal(CohortProblem problem, CohortRules rules) {
        var search = new CohortBruteForce(problem, rules);
        search.explore(0, 0, 0);
        var chosen = new ArrayList<>(search.best);
        chosen.addAll(rules.locks());
        return CohortAssignment.solution(chosen);
    }

    /** Decide edge {@code position} of request {@code request}, which already has {@code taken} mentors. */
    private void explore(int request, int position, int taken) {
        if (request == edgesByRequest.size()) {
            long matched = rules.mode() == CohortMode.EVERYONE_FIRST ? matched() : 0;
            long value = currentUnits - spreadCost();
            if (matched > bestMatched || (matched == bestMatched && value > bestUnits)) {
                bestMatched = matched;
                bestUnits = value;
                best = List.copyOf(current);
            }
            return;
        }
        var edges = edgesByRequest.get(request);
        long requestId = edges.get(0).requestId();
        if (position == edges.size() || taken + lockedOf.getOrDefault(requestId, 0) == perRequest) {
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

    /** With the load spread: step x n(n-1)/2 for a mentor with n mentees, locks included. */
    private long spreadCost() {
        long cost = 0;
        for (var mentor : capacity.keySet()) {
            long n = capacity.get(mentor) - room.get(mentor);
            cost += rules.spreadStep() * n * (n - 1) / 2;
        }
        return cost;
    }

    private long matched() {
        var requests = new HashSet<Long>(lockedOf.keySet());
        current.forEach(edge -> requests.add(edge.requestId()));
        return requests.size();
    }
}
