package org.joinedup.search.index;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * How fresh a record's work is in the ranking (docs/search.md, "Ranking"): 1 while it is ongoing (no end) or ends today,
 * halving every {@link #HALF_LIFE_DAYS} days between its end and today (Elasticsearch's {@code exp} decay, as the query scores
 * each record). Decay by halving splits into a factor of the end and a factor of today, measured from a fixed day:
 * {@code 0.5^((today - end)/h) = 2^((end - EPOCH)/h) * 2^(-(today - EPOCH)/h)}. So the sum over a leader's ended records is
 * one number written when the leader is indexed ({@link #ofEnd}), and the search multiplies it by one number of the day
 * ({@link #factorOn}): a leader's freshness with no record joined ({@link LeaderDocument.Experience}).
 */
public final class Freshness {

    public static final int HALF_LIFE_DAYS = 1825;
    /** Any fixed day will do; this one keeps the numbers near 1 for the work of this century. */
    private static final LocalDate EPOCH = LocalDate.of(2000, 1, 1);

    /** A record's share of a leader's ended freshness: its freshness on any later day is this times {@link #factorOn} that day. */
    static double ofEnd(LocalDate end) {
        return Math.pow(2, ChronoUnit.DAYS.between(EPOCH, end) / (double) HALF_LIFE_DAYS);
    }

    /** What the ended freshness of a leader is multiplied by on {@code today}. */
    public static double factorOn(LocalDate today) {
        return 1 / ofEnd(today);
    }

    private Freshness() {
    }
}
