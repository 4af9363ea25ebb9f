package org.joinedup.matching;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How staff steer one cohort run: the mode, pairs that must be in the answer ({@code locks}, scored, and
 * already checked feasible by the caller) and pairs that must not ({@code bans}).
 */
public record CohortRules(CohortMode mode, List<CohortEdge> locks, Set<CohortPair> bans) {

    public static final CohortRules BEST_TOTAL = new CohortRules(CohortMode.BEST_TOTAL, List.of(), Set.of());

    public CohortRules {
        Objects.requireNonNull(mode, "mode");
        locks = List.copyOf(locks);
        bans = Set.copyOf(bans);
        var seen = new HashSet<CohortPair>();
        for (var lock : locks) {
            if (!seen.add(CohortPair.of(lock))) {
                throw new IllegalArgumentException("request " + lock.requestId() + " and mentor " + lock.mentorId() + " are locked twice");
            }
            if (bans.contains(CohortPair.of(lock))) {
                throw new IllegalArgumentException("request " + lock.requestId() + " and mentor " + lock.mentorId() + " are both locked and banned");
            }
        }
    }

    CohortRules withMode(CohortMode other) {
        return new CohortRules(other, locks, bans);
    }
}
