package org.joinedup.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Gives each learning request in a cohort up to {@code perRequest} mentors within the mentors' capacities.
 * {@link #optimal} is exact, as a minimum-cost flow, in either {@link CohortMode}, honouring locks and bans,
 * and (given the pairs a caller pruned away) optimal over all eligible pairs, not only the ones it was given;
 * {@link #greedy} is the best-pair-first baseline it is measured against.
 */
public final class CohortAssignment {

    /**
     * The optimum is computed on scores rounded to whole units of this size, in long integers, so it is exact
     * and the same on every machine; scores closer than this count as equal. Totals are still summed from the
     * original scores.
     */
    public static final double SCORE_RESOLUTION = 0.001;

    /** The highest score a pair may have: 1e8 units, so every cost below stays far inside a long (see {@link Network}). */
    public static final double MAX_SCORE = 100_000;

    /**
     * Left-out pairs brought back per request and round, those with the most negative reduced cost first. Fewer
     * means smaller solves but perhaps more rounds; the loop ends only when no left-out pair could improve the
     * answer, so this changes the time, never the answer.
     */
    static final int ADDED_PER_REQUEST = 10;

    /** Pairs brought back per slot up to which the solved network is repaired rather than solved again (see {@link #optimal}). */
    static final int REPAIR_AT_MOST_PER_SLOT = 4;

    static final Comparator<CohortEdge> BY_PAIR =
            Comparator.comparingLong(CohortEdge::requestId).thenComparingLong(CohortEdge::mentorId);

    /**
     * The pairs a caller left out of the problem to keep it small (for example all but each request's best 50).
     * After each solve the solver asks only about requests whose left-out pairs could still improve the answer.
     */
    public interface LeftOutPairs {

        LeftOutPairs NONE = new LeftOutPairs() {
            @Override
            public double bound(long requestId) {
                return 0;
            }

            @Override
            public Map<Long, List<CohortEdge>> pairsOf(Collection<Long> requestIds) {
                return Map.of();
            }
        };

        /** No left-out pair of this request scores above this; 0 when nothing of it was left out. */
        double bound(long requestId);

        /** Every eligible pair of these requests, left out or not (the solver skips those it has). */
        Map<Long, List<CohortEdge>> pairsOf(Collection<Long> requestIds);
    }

    private CohortAssignment() {
    }

    /** The assignment with the highest total score over the given pairs. */
    public static CohortSolution optimal(CohortProblem problem) {
        return optimal(problem, CohortRules.BEST_TOTAL, LeftOutPairs.NONE);
    }

    /**
     * The best assignment in {@code rules.mode()} that contains every lock and no ban, over the problem's pairs
     * and every pair {@code leftOut} knows of.
     *
     * <p><b>Exact over all pairs.</b> The network is solved on the given pairs; the solution comes with node
     * potentials {@code pi} under which every residual arc has a non-negative reduced cost
     * {@code cost + pi(from) - pi(to)}, which is the certificate that no cheaper flow exists on that network.
     * A left-out pair would be an arc request→mentor with capacity 1, no flow and cost {@code top - units};
     * if its reduced cost is non-negative too, the same potentials certify the same flow optimal on the network
     * with it. So the pairs with a negative reduced cost (the only ones that could improve the answer; at most
     * {@link #ADDED_PER_REQUEST} per request and round, the most negative first) are added and the network
     * solved again, until none is left: the answer is then optimal over all eligible pairs. Every
     * mentor potential is at most 0 (they only ever decrease from 0, see {@link Network#augment}), so a request
     * whose left-out pairs all score at most {@code bound} can be skipped, without scoring them, when
     * {@code top - units(bound) + pi(request) >= 0}; in practice that is every request whose slots were filled at
     * a lower marginal cost than its worst kept pair, which is nearly all of them.
     */
    public static CohortSolution optimal(CohortProblem problem, CohortRules rules, LeftOutPairs leftOut) {
        checkLocks(problem, rules);
        var locked = new HashSet<CohortPair>();
        rules.locks().forEach(lock -> locked.add(CohortPair.of(lock)));
        var present = new HashSet<CohortPair>();
        var edges = new ArrayList<CohortEdge>();
        long top = 1;
        for (CohortEdge edge : problem.edges()) {
            var pair = CohortPair.of(edge);
            present.add(pair);
            if (!locked.contains(pair) && !rules.bans().contains(pair)) {
                edges.add(edge);
                top = Math.max(top, units(edge.score()));
            }
        }
        var requests = new TreeSet<>(problem.requestIds());
        for (long request : requests) {
            double bound = leftOut.bound(request);
            if (bound > 0) {
                top = Math.max(top, units(bound));
            }
        }
        int added = 0;
        int rounds = 0;
        var network = new Network(problem, rules, edges, top);
        while (true) {
            rounds++;
            network.solve();
            var doubtful = new ArrayList<Long>();
            for (long request : requests) {
                double bound = leftOut.bound(request);
                if (bound > 0 && network.mayImprove(request, units(bound))) {
                    doubtful.add(request);
                }
            }
            if (doubtful.isEmpty()) {
                break;
            }
            var pairs = leftOut.pairsOf(doubtful);
            var improving = new ArrayList<CohortEdge>();
            for (long request : doubtful) {
                var ofRequest = new ArrayList<CohortEdge>();
                for (CohortEdge edge : pairs.getOrDefault(request, List.of())) {
                    var pair = CohortPair.of(edge);
                    if (edge.requestId() != request || present.contains(pair) || locked.contains(pair) || rules.bans().contains(pair)) {
                        continue;
                    }
                    if (units(edge.score()) > top) {
                        throw new IllegalStateException(edge + " scores above its request's bound " + leftOut.bound(request));
                    }
                    if (network.reducedCost(edge) < 0) {
                        ofRequest.add(edge);
                    }
                }
                // the most promising few: an unmatched request would otherwise bring back nearly every pair it has
                final var solved = network;
                ofRequest.sort(Comparator.comparingLong((CohortEdge e) -> solved.reducedCost(e)).thenComparing(BY_PAIR));
                for (CohortEdge edge : ofRequest.subList(0, Math.min(ofRequest.size(), ADDED_PER_REQUEST))) {
                    improving.add(edge);
                    present.add(CohortPair.of(edge));
                }
            }
            if (improving.isEmpty()) {
                break;
            }
            edges.addAll(improving);
            added += improving.size();
            // A solve from scratch searches once per slot; a repair of the solved network once per pair added (each is
            // saturated, see Network), but each of its searches ends sooner, at the nearest request left short. Measured
            // (bench/cohort): repairing 2.5 pairs per slot beat solving again (3.3 s against 4.6 s), repairing 10 lost
            // (0.30 s against 0.07 s); the line is drawn between. Either way gives the same optimum.
            if (improving.size() < REPAIR_AT_MOST_PER_SLOT * network.supply()) {
                network.add(improving);
            } else {
                network = new Network(problem, rules, edges, top);
            }
        }
        var chosen = network.chosen();
        chosen.addAll(rules.locks());
        var sorted = chosen.stream().sorted(BY_PAIR).toList();
        return new CohortSolution(sorted, sorted.stream().mapToDouble(CohortEdge::score).sum(), added, rounds);
    }

    /** Best pair first (ties by request id, then mentor id), taken while both sides have room. */
    public static CohortSolution greedy(CohortProblem problem) {
        return greedy(problem, CohortRules.BEST_TOTAL);
    }

    /** Greedy after the locks, skipping the bans (it knows no modes: it is the baseline). */
    public static CohortSolution greedy(CohortProblem problem, CohortRules rules) {
        checkLocks(problem, rules);
        var taken = new HashMap<Long, Integer>();
        var room = new HashMap<>(problem.mentorCapacity());
        var chosen = new ArrayList<CohortEdge>();
        var locked = new HashSet<CohortPair>();
        for (CohortEdge lock : rules.locks()) {
            taken.merge(lock.requestId(), 1, Integer::sum);
            room.merge(lock.mentorId(), -1, Integer::sum);
            chosen.add(lock);
            locked.add(CohortPair.of(lock));
        }
        var byScore = new ArrayList<>(problem.edges());
        byScore.sort(Comparator.comparingDouble(CohortEdge::score).reversed().thenComparing(BY_PAIR));
        for (CohortEdge edge : byScore) {
            var pair = CohortPair.of(edge);
            if (locked.contains(pair) || rules.bans().contains(pair)) {
                continue;
            }
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

    /** Callers check locks first and say which is wrong; this only refuses what would make the flow meaningless. */
    private static void checkLocks(CohortProblem problem, CohortRules rules) {
        var requests = new HashSet<>(problem.requestIds());
        var perRequest = new HashMap<Long, Integer>();
        var perMentor = new HashMap<Long, Integer>();
        for (CohortEdge lock : rules.locks()) {
            if (!requests.contains(lock.requestId()) || !problem.mentorCapacity().containsKey(lock.mentorId())) {
                throw new IllegalArgumentException("lock " + lock + " names a request or mentor outside the problem");
            }
            if (perRequest.merge(lock.requestId(), 1, Integer::sum) > problem.perRequest()) {
                throw new IllegalArgumentException("request " + lock.requestId() + " has more locks than " + problem.perRequest());
            }
            if (perMentor.merge(lock.mentorId(), 1, Integer::sum) > problem.mentorCapacity().get(lock.mentorId())) {
                throw new IllegalArgumentException("mentor " + lock.mentorId() + " has more locks than places");
            }
        }
    }

    /**
     * The flow network, in arrays and long integers. Node 0 is the sink; then one node per request with a
     * free slot, then one per mentor with a free place. Locks are taken out first: they use a slot of their
     * request and a place of their mentor, and the rest is solved around them, which is exact because the
     * objective adds up pair by pair (and a locked request already counts as matched).
     *
     * <p>Each request supplies one unit per free slot. A unit goes to a candidate mentor (capacity 1, cost
     * {@code top - units(score)}, at least 0) and on to the sink (capacity the mentor's places, cost 0), or
     * straight to the sink through the request's bypass (cost {@code top}), which is how a slot stays empty;
     * so every unit pays {@code top} less the score it earns, and the cheapest flow is the best total.
     *
     * <p><b>Everyone first.</b> The bypass of a request that has no lock is split in two parallel arcs: its first
     * {@code slots - 1} units cost {@code top}, the last costs {@code top + M}. Marginal costs rise, so a
     * minimum-cost flow uses the cheap arc first and pays {@code M} exactly when all of the request's slots are
     * empty, that is when the request is unmatched. The flow's cost is then
     * {@code C(F) = S*top - T(F) + M*u(F)}, with {@code S} all slots, {@code T(F)} the total score in units of the
     * chosen pairs and {@code u(F)} the requests left unmatched. Take {@code M = 1 + S*top}. Every total lies in
     * {@code 0 <= T <= S*top} (at most S pairs, each at most top), so for any two assignments F, G with
     * {@code u(F) < u(G)}: {@code C(G) - C(F) = M*(u(G) - u(F)) - (T(G) - T(F)) >= M - S*top = 1 > 0}. So the
     * cheapest flow leaves the fewest requests unmatched, and among those (equal {@code M*u}) has the highest
     * total: exactly "everyone first, then the best total". All of it is integer: with at most 5,000 requests
     * x 5 slots and {@code top <= 1e8}, M is below 2.6e12 and no path or flow cost comes near 2^63.
     *
     * <p><b>Spreading the load.</b> With {@code rules.spreadStep() > 0} a mentor's arc to the sink is split into one
     * arc per place, the j-th (counting from 0, after the mentor's {@code L} locks) costing {@code (L + j) x step}.
     * The costs rise, so a minimum-cost flow fills them in order and a mentor with n mentees pays
     * {@code step x (L + ... + n-1)}: the objective becomes total score less {@code step x sum n(n-1)/2}, up to a
     * constant from the locks, exactly. It adds {@code P(F) >= 0} to the flow's cost, at most {@code P*}, the sum
     * of all those arcs' costs; everyone-first then takes {@code M = 1 + S*top + P*}, and the bound above becomes
     * {@code C(G) - C(F) >= M - S*top - P* = 1}. Potentials still only decrease and all costs are non-negative, so
     * the check over left-out pairs is unchanged.
     *
     * <p><b>Pairs added to a solved network</b> ({@link #add}, the optimality check's): a new arc whose reduced cost
     * is negative would break the potentials' certificate, so it is saturated at once (its unit moves from the request,
     * now one short, to the mentor, now one over) and its reverse arc, the only residual one, has a positive reduced
     * cost. {@link #solve} then sends every surplus to a node short of flow along cheapest paths, as it sends the
     * requests' supplies to the sink the first time: the result is the flow a solve from scratch would reach (up to
     * ties), at the cost of repairing the change instead of redoing everything.
     */
    private static final class Network {
        private static final int SINK = 0;
        private static final long UNREACHED = Long.MAX_VALUE;

        private final Map<Long, Integer> requestNode = new HashMap<>();
        private final Map<Long, Integer> mentorNode = new HashMap<>();
        private final long top;
        private final int supply;
        private int nodes = 1;
        private int arcs;
        private int[] head;
        private int[] next = new int[16];
        private int[] to = new int[16];
        private int[] cap = new int[16];
        private long[] cost = new long[16];
        private final List<Integer> pairArcs = new ArrayList<>();
        private final List<CohortEdge> pairs = new ArrayList<>();
        private long[] pi;
        private int[] excess;

        // Dijkstra's working arrays, reused across searches; a stamp marks which entries are current.
        private long[] dist;
        private int[] parent;
        private int[] seen;
        private int[] done;
        private int[] settled;
        private int stamp;
        private long[] heapKey = new long[64];
        private int[] heapNode = new int[64];
        private int heapSize;

        Network(CohortProblem problem, CohortRules rules, List<CohortEdge> edges, long top) {
            this.top = top;
            var lockedOfRequest = new HashMap<Long, Integer>();
            var lockedOfMentor = new HashMap<Long, Integer>();
            for (CohortEdge lock : rules.locks()) {
                lockedOfRequest.merge(lock.requestId(), 1, Integer::sum);
                lockedOfMentor.merge(lock.mentorId(), 1, Integer::sum);
            }
            var slots = new HashMap<Long, Integer>();
            long allSlots = 0;
            for (long request : new TreeSet<>(problem.requestIds())) {
                int free = problem.perRequest() - lockedOfRequest.getOrDefault(request, 0);
                if (free > 0) {
                    requestNode.put(request, nodes++);
                    slots.put(request, free);
                    allSlots += free;
                }
            }
            var room = new HashMap<Long, Integer>();
            for (long mentor : new TreeSet<>(problem.mentorCapacity().keySet())) {
                int free = problem.mentorCapacity().get(mentor) - lockedOfMentor.getOrDefault(mentor, 0);
                if (free > 0) {
                    mentorNode.put(mentor, nodes++);
                    room.put(mentor, free);
                }
            }
            head = new int[nodes];
            Arrays.fill(head, -1);
            pi = new long[nodes];
            excess = new int[nodes];
            // spreading the load: a mentor's places are unit arcs of rising cost (below), whose costs all together bound
            // what it can add to a flow; everyone-first's constant covers it as well (see the class comment)
            long spreadAtMost = 0;
            if (rules.spreadsLoad()) {
                for (var mentor : room.keySet()) {
                    int taken = lockedOfMentor.getOrDefault(mentor, 0);
                    for (int j = 0; j < room.get(mentor); j++) {
                        spreadAtMost += (taken + j) * rules.spreadStep();
                    }
                }
            }
            long everyoneFirst = 1 + allSlots * top + spreadAtMost;
            // the sink takes every slot's unit: it starts short of all of them
            supply = (int) allSlots;
            excess[SINK] = -supply;
            for (var request : new TreeSet<>(slots.keySet())) {
                int node = requestNode.get(request);
                int free = slots.get(request);
                excess[node] = free;
                if (rules.mode() == CohortMode.EVERYONE_FIRST && !lockedOfRequest.containsKey(request)) {
                    if (free > 1) {
                        addArc(node, SINK, free - 1, top);
                    }
                    addArc(node, SINK, 1, top + everyoneFirst);
                } else {
                    addArc(node, SINK, free, top);
                }
            }
            for (var mentor : new TreeSet<>(room.keySet())) {
                if (rules.spreadsLoad()) {
                    // one arc per place, each dearer than the last: the flow takes them in order, so a mentor with n mentees
                    // (locks included) pays step x (0 + 1 + ... + n-1), exactly, as a convex cost
                    int taken = lockedOfMentor.getOrDefault(mentor, 0);
                    for (int j = 0; j < room.get(mentor); j++) {
                        addArc(mentorNode.get(mentor), SINK, 1, (taken + j) * rules.spreadStep());
                    }
                } else {
                    addArc(mentorNode.get(mentor), SINK, room.get(mentor), 0);
                }
            }
            addPairs(edges);
            dist = new long[nodes];
            parent = new int[nodes];
            seen = new int[nodes];
            done = new int[nodes];
            settled = new int[nodes];
        }

        /** The units the requests supply: the searches a solve from scratch makes, at most. */
        int supply() {
            return supply;
        }

        /** Every surplus sent on: first the requests' supplies (in order), then what added pairs moved to mentors. */
        void solve() {
            for (int node = 1; node < nodes; node++) {
                while (excess[node] > 0) {
                    augment(node);
                }
            }
        }

        /** Pairs into a network already solved, each with a negative reduced cost saturated (see the class comment). */
        void add(List<CohortEdge> edges) {
            int first = pairArcs.size();
            addPairs(edges);
            for (int i = first; i < pairArcs.size(); i++) {
                int arc = pairArcs.get(i);
                int from = to[arc ^ 1];
                int into = to[arc];
                if (cost[arc] + pi[from] - pi[into] < 0) {
                    cap[arc] = 0;
                    cap[arc ^ 1] = 1;
                    excess[from]--;
                    excess[into]++;
                }
            }
        }

        // Sorted: searches break ties by arc order, so this makes results repeatable whatever the input order.
        private void addPairs(List<CohortEdge> edges) {
            edges.stream().sorted(BY_PAIR).forEach(edge -> {
                Integer from = requestNode.get(edge.requestId());
                Integer into = mentorNode.get(edge.mentorId());
                if (from != null && into != null) {
                    pairArcs.add(addArc(from, into, 1, top - units(edge.score())));
                    pairs.add(edge);
                }
            });
        }

        /**
         * Successive shortest paths: sends as much of {@code source}'s surplus as the cheapest path to a node short
         * of flow (the sink, or a request an added pair left short) carries. Dijkstra on reduced costs stops when it
         * reaches such a node; then each node it settled gets {@code pi += dist - dist(target)}, which keeps every
         * residual arc's reduced cost non-negative and makes the path's zero, the invariant that makes each flow
         * optimal for what it carries. The change is never positive (settled nodes are no farther than the target),
         * so potentials only decrease from 0.
         */
        private void augment(int source) {
            stamp++;
            heapSize = 0;
            int settledCount = 0;
            int target = -1;
            seen[source] = stamp;
            dist[source] = 0;
            parent[source] = -1;
            push(0, source);
            while (heapSize > 0) {
                long d = heapKey[0];
                int u = pop();
                if (done[u] == stamp || d > dist[u]) {
                    continue;
                }
                done[u] = stamp;
                settled[settledCount++] = u;
                if (excess[u] < 0) {
                    target = u;
                    break;
                }
                for (int a = head[u]; a >= 0; a = next[a]) {
                    if (cap[a] == 0) {
                        continue;
                    }
                    int v = to[a];
                    if (done[v] == stamp) {
                        continue;
                    }
                    long nd = d + cost[a] + pi[u] - pi[v];
                    if (seen[v] != stamp || nd < dist[v]) {
                        seen[v] = stamp;
                        dist[v] = nd;
                        parent[v] = a;
                        push(nd, v);
                    }
                }
            }
            if (target < 0) {
                throw new IllegalStateException("no node short of flow is reachable; the bypass should always reach the sink");
            }
            long toTarget = dist[target];
            for (int i = 0; i < settledCount; i++) {
                pi[settled[i]] += dist[settled[i]] - toTarget;
            }
            int amount = Math.min(excess[source], -excess[target]);
            for (int v = target; v != source; v = to[parent[v] ^ 1]) {
                amount = Math.min(amount, cap[parent[v]]);
            }
            for (int v = target; v != source; v = to[parent[v] ^ 1]) {
                cap[parent[v]] -= amount;
                cap[parent[v] ^ 1] += amount;
            }
            excess[source] -= amount;
            excess[target] += amount;
        }

        /** Could a left-out pair of this request scoring at most {@code boundUnits} have a negative reduced cost? */
        boolean mayImprove(long request, long boundUnits) {
            Integer node = requestNode.get(request);
            return node != null && top - boundUnits + pi[node] < 0;
        }

        /** The reduced cost the pair's arc would have; {@link Long#MAX_VALUE} if it could carry nothing. */
        long reducedCost(CohortEdge edge) {
            Integer from = requestNode.get(edge.requestId());
            Integer into = mentorNode.get(edge.mentorId());
            if (from == null || into == null) {
                return UNREACHED;
            }
            return top - units(edge.score()) + pi[from] - pi[into];
        }

        List<CohortEdge> chosen() {
            var chosen = new ArrayList<CohortEdge>();
            for (int i = 0; i < pairArcs.size(); i++) {
                if (cap[pairArcs.get(i)] == 0) {
                    chosen.add(pairs.get(i));
                }
            }
            return chosen;
        }

        private int addArc(int from, int into, int capacity, long arcCost) {
            if (arcs + 2 > to.length) {
                int size = to.length * 2;
                next = Arrays.copyOf(next, size);
                to = Arrays.copyOf(to, size);
                cap = Arrays.copyOf(cap, size);
                cost = Arrays.copyOf(cost, size);
            }
            int forward = arcs;
            to[forward] = into;
            cap[forward] = capacity;
            cost[forward] = arcCost;
            next[forward] = head[from];
            head[from] = forward;
            to[forward + 1] = from;
            cap[forward + 1] = 0;
            cost[forward + 1] = -arcCost;
            next[forward + 1] = head[into];
            head[into] = forward + 1;
            arcs += 2;
            return forward;
        }

        private void push(long key, int node) {
            if (heapSize == heapKey.length) {
                heapKey = Arrays.copyOf(heapKey, heapSize * 2);
                heapNode = Arrays.copyOf(heapNode, heapSize * 2);
            }
            int i = heapSize++;
            while (i > 0) {
                int up = (i - 1) / 2;
                if (heapKey[up] < key || (heapKey[up] == key && heapNode[up] <= node)) {
                    break;
                }
                heapKey[i] = heapKey[up];
                heapNode[i] = heapNode[up];
                i = up;
            }
            heapKey[i] = key;
            heapNode[i] = node;
        }

        private int pop() {
            int first = heapNode[0];
            long key = heapKey[--heapSize];
            int node = heapNode[heapSize];
            int i = 0;
            while (true) {
                int child = 2 * i + 1;
                if (child >= heapSize) {
                    break;
                }
                if (child + 1 < heapSize && less(child + 1, child)) {
                    child++;
                }
                if (heapKey[child] > key || (heapKey[child] == key && heapNode[child] >= node)) {
                    break;
                }
                heapKey[i] = heapKey[child];
                heapNode[i] = heapNode[child];
                i = child;
            }
            if (heapSize > 0) {
                heapKey[i] = key;
                heapNode[i] = node;
            }
            return first;
        }

        private boolean less(int a, int b) {
            return heapKey[a] < heapKey[b] || (heapKey[a] == heapKey[b] && heapNode[a] < heapNode[b]);
        }
    }
}
