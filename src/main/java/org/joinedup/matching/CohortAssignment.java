package org.joinedup.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jgrapht.alg.flow.mincost.CapacityScalingMinimumCostFlow;
import org.jgrapht.alg.flow.mincost.MinimumCostFlowProblem.MinimumCostFlowProblemImpl;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleDirectedWeightedGraph;

/**
 * Gives each learning request in a cohort up to {@code perRequest} mentors within the mentors' capacities.
 * {@link #optimal} maximises the total score exactly, as a minimum-cost flow; {@link #greedy} is the
 * best-pair-first baseline it is measured against.
 */
public final class CohortAssignment {

    /**
     * The optimum is computed on scores rounded to whole units of this size, so it is exact and the same on
     * every machine (JGraphT computes in doubles, which add whole numbers this small without error); scores
     * closer than this count as equal. Totals are still summed from the original scores.
     */
    public static final double SCORE_RESOLUTION = 0.001;

    /** JGraphT refuses arc costs of 1e9 or more; this score is 1e8 units of {@link #SCORE_RESOLUTION}, safely below. */
    public static final double MAX_SCORE = 100_000;

    static final Comparator<CohortEdge> BY_PAIR =
            Comparator.comparingLong(CohortEdge::requestId).thenComparingLong(CohortEdge::mentorId);

    private static final int SINK = 0;

    private CohortAssignment() {
    }

    /**
     * The assignment with the highest total score.
     *
     * <p>The network: each request has a supply of {@code perRequest} units (fewer if it has fewer candidates);
     * a unit goes to a candidate mentor (capacity 1, cost {@code top - score}) and on to the sink (capacity the
     * mentor's), or straight to the sink through the request's bypass (cost {@code top}), which is how a slot
     * stays empty. Every unit pays {@code top} once less the score it earns, so the cheapest flow is the best
     * assignment, and all costs are non-negative.
     */
    public static CohortSolution optimal(CohortProblem problem) {
        // Sorted ids and edges: the flow algorithm breaks ties by insertion order, so this makes results repeatable.
        var usable = problem.edges().stream()
                .filter(edge -> problem.mentorCapacity().get(edge.mentorId()) > 0)
                .sorted(BY_PAIR)
                .toList();
        var requestDegree = new TreeMap<Long, Integer>();
        var mentorDegree = new TreeMap<Long, Integer>();
        long top = 0;
        for (CohortEdge edge : usable) {
            requestDegree.merge(edge.requestId(), 1, Integer::sum);
            mentorDegree.merge(edge.mentorId(), 1, Integer::sum);
            top = Math.max(top, units(edge.score()));
        }

        var graph = new SimpleDirectedWeightedGraph<Integer, Arc>(null, null);
        var supply = new HashMap<Integer, Integer>();
        // A request and a mentor may share an id (they are different tables), so each side has its own map.
        var requestVertexOf = new HashMap<Long, Integer>();
        var mentorVertexOf = new HashMap<Long, Integer>();
        graph.addVertex(SINK);
        int demand = 0;
        for (var request : requestDegree.entrySet()) {
            int vertex = graph.vertexSet().size();
            int slots = Math.min(problem.perRequest(), request.getValue());
            graph.addVertex(vertex);
            requestVertexOf.put(request.getKey(), vertex);
            supply.put(vertex, slots);
            demand += slots;
            addArc(graph, vertex, SINK, slots, top, null);
        }
        supply.put(SINK, -demand);
        for (var mentor : mentorDegree.entrySet()) {
            int vertex = graph.vertexSet().size();
            graph.addVertex(vertex);
            mentorVertexOf.put(mentor.getKey(), vertex);
            addArc(graph, vertex, SINK, Math.min(problem.mentorCapacity().get(mentor.getKey()), mentor.getValue()), 0, null);
        }
        var pairArcs = new ArrayList<Arc>(usable.size());
        for (CohortEdge edge : usable) {
            pairArcs.add(addArc(graph, requestVertexOf.get(edge.requestId()), mentorVertexOf.get(edge.mentorId()), 1,
                    top - units(edge.score()), edge));
        }

        // CapacityScalingMinimumCostFlow reads costs from the graph's edge weights, not from the problem's
        // arc cost function, so the costs live on the arcs themselves.
        var flow = new CapacityScalingMinimumCostFlow<Integer, Arc>()
                .getMinimumCostFlow(new MinimumCostFlowProblemImpl<>(graph, v -> supply.getOrDefault(v, 0), arc -> arc.capacity));
        var chosen = new ArrayList<CohortEdge>();
        for (Arc arc : pairArcs) {
            if (flow.getFlow(arc) > 0.5) {
                chosen.add(arc.pair);
            }
        }
        return solution(chosen);
    }

    /** Best pair first (ties by request id, then mentor id), taken while both sides have room. */
    public static CohortSolution greedy(CohortProblem problem) {
        var byScore = new ArrayList<>(problem.edges());
        byScore.sort(Comparator.comparingDouble(CohortEdge::score).reversed().thenComparing(BY_PAIR));
        var taken = new HashMap<Long, Integer>();
        var room = new HashMap<>(problem.mentorCapacity());
        var chosen = new ArrayList<CohortEdge>();
        for (CohortEdge edge : byScore) {
            if (taken.getOrDefault(edge.requestId(), 0) < problem.perRequest() && room.get(edge.mentorId()) > 0) {
                taken.merge(edge.requestId(), 1, Integer::sum);
                room.merge(edge.mentorId(), -1, Integer::sum);
                chosen.add(edge);
            }
        }
        return solution(chosen);
    }

    /** A score in whole units of {@link #SCORE_RESOLUTION}, at least 1 so that any allowed pair beats an empty slot. */
    static long units(double score) {
        return Math.max(1, Math.round(score / SCORE_RESOLUTION));
    }

    static CohortSolution solution(List<CohortEdge> chosen) {
        var sorted = chosen.stream().sorted(BY_PAIR).toList();
        return new CohortSolution(sorted, sorted.stream().mapToDouble(CohortEdge::score).sum());
    }

    private static Arc addArc(SimpleDirectedWeightedGraph<Integer, Arc> graph, int from, int to, int capacity, long cost,
            CohortEdge pair) {
        var arc = new Arc(capacity, pair);
        graph.addEdge(from, to, arc);
        graph.setEdgeWeight(arc, cost);
        return arc;
    }

    /** A network arc; {@code pair} is the request-to-mentor edge it stands for, or null for the other arcs. */
    private static final class Arc extends DefaultWeightedEdge {
        private static final long serialVersionUID = 1L;

        final int capacity;
        final transient CohortEdge pair;

        Arc(int capacity, CohortEdge pair) {
            this.capacity = capacity;
            this.pair = pair;
        }
    }
}
