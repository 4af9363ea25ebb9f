package org.joinedup.matching;

import java.util.Comparator;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;
import org.joinedup.search.MentorCandidate;

/**
 * The order of one request's suggested mentors: by score, except that among near-ties a mentor with less of
 * their capacity in use comes first. Each mentor is ranked by {@code score - penalty x share of capacity in use}
 * (mentorships proposed, accepted or active, over the places they offer), so two mentors swap places only when
 * their scores are less than {@code penalty} apart; the score shown is never changed. Without it the strongest few
 * mentors fill the first places of nearly every request (docs/matching.md, "Fairness"). Pure.
 */
final class SuggestionOrder {

    /** Points at most a full load costs in the order; chosen with bench/fairness (docs/benchmarks.md). */
    static final double LOAD_PENALTY = 3;

    private SuggestionOrder() {
    }

    /** The share of the mentor's places in use, 0 to 1 (0 when it is not known). */
    static double loadShare(MentorCandidate mentor) {
        if (mentor.capacity() <= 0) {
            return 0;
        }
        return Math.max(0, Math.min(1, (mentor.capacity() - mentor.capacityLeft()) / (double) mentor.capacity()));
    }

    /** What the mentor is ordered by. */
    static double rankKey(double score, MentorCandidate mentor, double penalty) {
        return score - penalty * loadShare(mentor);
    }

    /** Highest {@link #rankKey} first, ties by mentor id (as before: a tie-break that does not depend on the input's order). */
    static <T> Comparator<T> order(ToDoubleFunction<T> key, ToLongFunction<T> mentorId) {
        return Comparator.comparingDouble(key).reversed().thenComparingLong(mentorId);
    }
}
