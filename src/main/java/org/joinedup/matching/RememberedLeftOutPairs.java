package org.joinedup.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongFunction;
import java.util.function.LongToDoubleFunction;
import java.util.stream.Collectors;

/**
 * Left-out pairs for the optimality check that scores a doubtful request's pairs in full the first time it is asked
 * about, and remembers its best few: a later round is answered from those while every other pair of the request
 * scores no higher than the round asks for, and scored in full again only when it does. Where capacity is tight
 * nearly every request stays doubtful for several rounds, and scoring each in full every round took two thirds of
 * the check (55 of 83 s at 5,000 x 4,000, docs/benchmarks.md).
 */
final class RememberedLeftOutPairs implements CohortAssignment.LeftOutPairs {

    private final LongToDoubleFunction bound;
    private final LongFunction<List<CohortEdge>> allPairs;
    private final int remembered;
    private final Map<Long, BestPairs> best = new ConcurrentHashMap<>();
    private final AtomicInteger asked = new AtomicInteger();
    private final AtomicInteger scoredInFull = new AtomicInteger();

    /** {@code bound} as {@link #bound}; {@code allPairs} every eligible pair of a request; {@code remembered} pairs kept per request. */
    RememberedLeftOutPairs(LongToDoubleFunction bound, LongFunction<List<CohortEdge>> allPairs, int remembered) {
        this.bound = bound;
        this.allPairs = allPairs;
        this.remembered = remembered;
    }

    @Override
    public double bound(long requestId) {
        return bound.applyAsDouble(requestId);
    }

    @Override
    public Map<Long, List<CohortEdge>> pairsOf(Map<Long, Double> scoringAbove) {
        return scoringAbove.keySet().parallelStream().collect(Collectors.toMap(id -> id, id -> {
            asked.incrementAndGet();
            double above = scoringAbove.get(id);
            var known = best.get(id);
            if (known != null && known.restAtMost() <= above) {
                return known.above(above);
            }
            scoredInFull.incrementAndGet();
            var all = new ArrayList<>(allPairs.apply(id));
            all.sort(Comparator.comparingDouble(CohortEdge::score).reversed().thenComparing(CohortAssignment.BY_PAIR));
            best.put(id, all.size() <= remembered ? new BestPairs(List.copyOf(all), Double.NEGATIVE_INFINITY)
                    : new BestPairs(List.copyOf(all.subList(0, remembered)), all.get(remembered).score()));
            return new BestPairs(all, Double.NEGATIVE_INFINITY).above(above);
        }));
    }

    /** How many times a request's pairs were asked for, over all rounds. */
    int asked() {
        return asked.get();
    }

    /** How many of those times they were scored in full. */
    int scoredInFull() {
        return scoredInFull.get();
    }

    /** A request's pairs, best first; no other pair of it scores above {@code restAtMost}. */
    private record BestPairs(List<CohortEdge> bestFirst, double restAtMost) {

        List<CohortEdge> above(double score) {
            int end = 0;
            while (end < bestFirst.size() && bestFirst.get(end).score() > score) {
                end++;
            }
            return bestFirst.subList(0, end);
        }
    }
}
