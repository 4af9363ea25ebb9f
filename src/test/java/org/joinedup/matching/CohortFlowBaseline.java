package org.joinedup.matching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jgrapht.alg.flow.mincost.CapacityScalingMinimumCostFlow;
import org.jgrapht.alg.flow.mincost.MinimumCostFlowProblem.MinimumCostFlowProblemImpl;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleDirectedWeightedGraph;

/**
 * The solver as it was before issue 19 (JGraphT's capacity-scaling minimum-cost flow over the given pairs,
 * best total only), kept so bench/cohort can time the new solver against it in the same run.
 */
final class CohortFlowBaseline {

    private static final int SINK = 0;

    private CohortFlowBaseline() {
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
                .sorted(CohortAssignment.BY_PAIR)
                .toList();
        var requestDegree = new TreeMap<Long, Integer>();
        var mentorDegree = new TreeMap<Long, Integer>();
        long top = 0;
        for (CohortEdge edge : usable) {
            requestDegree.merge(edge.requestId(), 1, Integer::sum);
            mentorDegree.merge(edge.mentorId(), 1, Integer::sum);
            top = Math.max(top, CohortAssignment.units(edge.score()));
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
                    top - CohortAssignment.units(edge.score()), edge));
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
        return CohortAssignment.solution(chosen);
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
