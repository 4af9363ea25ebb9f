package org.joinedup.matching;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How staff steer one cohort run: the mode, pairs that must be in the answer ({@code locks}, scored, and
 * already checked feasible by the caller), pairs that must not ({@code bans}) and, to spread the load, what each
 * further mentee of the same mentor costs ({@code spreadStep}, in units of {@link CohortAssignment#SCORE_RESOLUTION};
 * 0 when off): a mentor's second mentee costs one step, the third two more, so n mentees cost {@code step x n(n-1)/2}.
 */
public record CohortRules(CohortMode mode, List<CohortEdge> locks, Set<CohortPair> bans, long spreadStep) {

    public static final CohortRules BEST_TOTAL = new CohortRules(CohortMode.BEST_TOTAL, List.of(), Set.of());

    /** Points each further mentee of the same mentor costs when staff ask to spread the load. */
    public static final double SPREAD_STEP_POINTS = 3;

    public CohortRules(CohortMode mode, List<CohortEdge> locks, Set<CohortPair> bans) {
        this(mode, locks, bans, 0);
    }

    public CohortRules {
        Objects.requireNonNull(mode, "mode");
        if (spreadStep < 0 || spreadStep > CohortAssignment.units(CohortAssignment.MAX_SCORE)) {
            throw new IllegalArgumentException("spreadStep must be between 0 and the highest score, was " + spreadStep);
        }
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
        return new CohortRules(other, locks, bans, spreadStep);
    }

    CohortRules withOverrides(List<CohortEdge> otherLocks, Set<CohortPair> otherBans) {
        return new CohortRules(mode, otherLocks, otherBans, spreadStep);
    }

    boolean spreadsLoad() {
        return spreadStep > 0;
    }
}
