package org.joinedup;

import java.util.List;
import java.util.Set;

/**
 * Recall@k and nDCG@k with binary relevance: a leader judged relevant counts 1, any other 0. The
 * ideal ranking puts every relevant leader first, so nDCG is 1 when they fill the top places.
 */
final class RelevanceMetrics {

    static final int K = 10;

    private RelevanceMetrics() {
    }

    /** The share of the relevant leaders found in the first k of the ranking (every list holds at most k). */
    static double recall(List<String> ranking, Set<String> relevant) {
        if (relevant.isEmpty()) {
            throw new IllegalArgumentException("a query needs at least one relevant leader");
        }
        long found = ranking.stream().limit(K).filter(relevant::contains).count();
        return (double) found / Math.min(relevant.size(), K);
    }

    /** Discounted cumulative gain of the first k, over that of the ideal ranking. */
    static double ndcg(List<String> ranking, Set<String> relevant) {
        if (relevant.isEmpty()) {
            throw new IllegalArgumentException("a query needs at least one relevant leader");
        }
        double dcg = 0;
        for (int i = 0; i < Math.min(K, ranking.size()); i++) {
            if (relevant.contains(ranking.get(i))) {
                dcg += gain(i);
            }
        }
        double ideal = 0;
        for (int i = 0; i < Math.min(K, relevant.size()); i++) {
            ideal += gain(i);
        }
        return dcg / ideal;
    }

    /** The discount of the place at index i (rank i + 1): 1 / log2(rank + 1). */
    private static double gain(int i) {
        return 1 / (Math.log(i + 2) / Math.log(2));
    }
}
