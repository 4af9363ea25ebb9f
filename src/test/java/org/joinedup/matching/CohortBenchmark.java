package org.joinedup.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Times {@link CohortAssignment#optimal} against {@link CohortAssignment#greedy} on synthetic cohorts with a
 * fixed seed. Run with {@code bench/cohort} (arguments: optional sizes such as {@code 1000x5000}).
 */
public final class CohortBenchmark {

    private static final long SEED = 20_261_125L;
    private static final int PER_REQUEST = 2;
    private static final int PRUNED_TO = 20;

    private CohortBenchmark() {
    }

    public static void main(String[] args) {
        var sizes = args.length > 0 ? List.of(args) : List.of("100x1000", "1000x5000", "5000x20000");
        System.out.printf("Java %s, %d processors, max heap %d MB, perRequest %d, seed %d%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, PER_REQUEST, SEED);
        checkAgainstBruteForce();
        for (String size : sizes) {
            var parts = size.split("x");
            run(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
        }
        crowded();
    }

    /** 1,000 x 2,000 where 50 popular mentors with one place each are every request's best: pruning to 20 bites. */
    private static void crowded() {
        var full = CohortSolverPropertiesTest.crowded(new Random(SEED), 1000, 2000, 50);
        var pruned = CohortSolverPropertiesTest.prune(full, PRUNED_TO);
        var leftOut = CohortSolverPropertiesTest.leftOut(full, PRUNED_TO);
        var unpruned = time(CohortAssignment::optimal, full, 3);
        var prunedOnly = time(CohortAssignment::optimal, pruned, 3);
        var checked = time(p -> CohortAssignment.optimal(pruned, CohortRules.BEST_TOTAL, leftOut), full, 3);
        System.out.printf("crowded 1000x2000 (%d pairs, 50 popular mentors with one place): all pairs %.0f ms, total %.3f, %d matched"
                        + " | pruned to %d alone %.0f ms, total %.3f, %d matched | pruned+check %.0f ms, total %.3f, %d matched,"
                        + " %d pairs brought back in %d solves%n", full.edges().size(), unpruned.millis, unpruned.solution.totalScore(),
                unpruned.solution.matched(), PRUNED_TO, prunedOnly.millis, prunedOnly.solution.totalScore(), prunedOnly.solution.matched(),
                checked.millis, checked.solution.totalScore(), checked.solution.matched(), checked.solution.pairsAdded(),
                checked.solution.rounds());
    }

    /** Tiny cohorts, where brute force can confirm the optimum. */
    private static void checkAgainstBruteForce() {
        int worse = 0;
        for (int seed = 0; seed < 20; seed++) {
            var problem = cohort(8, 6, 2, 4, new Random(SEED + seed), 1 + seed % 2);
            double optimal = CohortAssignment.optimal(problem).totalScore();
            double brute = CohortBruteForce.optimal(problem).totalScore();
            if (Math.abs(optimal - brute) > 1e-6) {
                throw new IllegalStateException("8x6 seed " + seed + ": optimal " + optimal + " but brute force " + brute);
            }
            if (CohortAssignment.greedy(problem).totalScore() < optimal - 1e-9) {
                worse++;
            }
        }
        System.out.printf("8x6: 20 cohorts (perRequest 1 and 2) match brute force; greedy below optimum in %d%n", worse);
    }

    private static void run(int requests, int mentors) {
        var problem = cohort(requests, mentors, 20, 50, new Random(SEED), PER_REQUEST);
        int runs = requests >= 5000 ? 3 : 5;
        // before issue 19 (JGraphT) and after, in the same run, on the same cohort
        var before = time(CohortFlowBaseline::optimal, problem, runs);
        var optimal = time(CohortAssignment::optimal, problem, runs);
        var everyone = time(p -> CohortAssignment.optimal(p, new CohortRules(CohortMode.EVERYONE_FIRST, List.of(), java.util.Set.of()),
                CohortAssignment.LeftOutPairs.NONE), problem, runs);
        // each request's best 20 pairs only, then the check over all pairs brings back what the optimum needs
        var pruned = CohortSolverPropertiesTest.prune(problem, PRUNED_TO);
        var leftOut = CohortSolverPropertiesTest.leftOut(problem, PRUNED_TO);
        var checked = time(p -> CohortAssignment.optimal(pruned, CohortRules.BEST_TOTAL, leftOut), problem, runs);
        var greedy = time(CohortAssignment::greedy, problem, runs);
        System.out.printf("%dx%d: %d edges, capacity %d, slots %d (median of %d)%n", requests, mentors, problem.edges().size(),
                problem.mentorCapacity().values().stream().mapToInt(Integer::intValue).sum(), requests * PER_REQUEST, runs);
        for (var row : List.of(List.of("before (JGraphT)", before), List.of("best-total", optimal), List.of("everyone-first", everyone),
                List.of("pruned+check", checked),
                List.of("greedy", greedy))) {
            var timed = (Timed) row.get(1);
            System.out.printf("  %-16s %8.1f ms  total %.3f  pairs %d  requests matched %d%n", row.get(0), timed.millis,
                    timed.solution.totalScore(), timed.solution.assignments().size(), timed.solution.matched());
        }
        System.out.printf("  pruned to %d pairs per request: the check brought back %d pairs in %d solves%n", PRUNED_TO,
                checked.solution.pairsAdded(), checked.solution.rounds());
        if (CohortSolverPropertiesTest.units(before.solution) != CohortSolverPropertiesTest.units(optimal.solution)
                || CohortSolverPropertiesTest.units(checked.solution) != CohortSolverPropertiesTest.units(optimal.solution)) {
            throw new IllegalStateException("the new solver's total (in units of the resolution) differs from the old one's");
        }
    }

    private record Timed(CohortSolution solution, double millis) {
    }

    /** Median wall time after one warm-up run. */
    private static Timed time(Function<CohortProblem, CohortSolution> method, CohortProblem problem, int runs) {
        var solution = method.apply(problem);
        var millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            solution = method.apply(problem);
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return new Timed(solution, millis[runs / 2]);
    }

    /**
     * Each request gets {@code minEdges}-{@code maxEdges} candidate mentors, drawn with a skew towards the
     * well-liked ones (as a scorer that keeps its top candidates would), and scores mix the mentor's general
     * standing with how well they fit the request; mentors can take 1-4 more mentees.
     */
    static CohortProblem cohort(int requests, int mentors, int minEdges, int maxEdges, Random random, int perRequest) {
        var standing = new double[mentors];
        var capacity = new HashMap<Long, Integer>();
        for (int m = 0; m < mentors; m++) {
            standing[m] = 1 - (double) m / mentors;
            capacity.put(1_000_000L + m, 1 + random.nextInt(4));
        }
        var requestIds = new ArrayList<Long>();
        var edges = new ArrayList<CohortEdge>();
        for (int r = 0; r < requests; r++) {
            requestIds.add((long) r + 1);
            int wanted = Math.min(mentors, minEdges + random.nextInt(maxEdges - minEdges + 1));
            var picked = new HashSet<Integer>();
            while (picked.size() < wanted) {
                double u = random.nextDouble();
                int m = (int) (mentors * u * u);
                if (picked.add(m)) {
                    double score = 0.1 + 0.5 * standing[m] + 0.4 * random.nextDouble();
                    edges.add(new CohortEdge(r + 1, 1_000_000L + m, score));
                }
            }
        }
        return new CohortProblem(requestIds, capacity, edges, perRequest);
    }
}
