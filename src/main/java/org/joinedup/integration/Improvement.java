package org.joinedup.integration;

import java.util.Comparator;
import java.util.List;

/**
 * How strongly a record's outcomes show that the work made things better, weakest first (search
 * ranking and match scores reward the stronger): none improved (none reported, a figure missing,
 * no change or worse), improved, or improved and naming a source a reader can check.
 */
public enum Improvement {
    NONE, IMPROVED, IMPROVED_WITH_SOURCE;

    public static Improvement of(RecordView.OutcomeView outcome) {
        if (!Boolean.TRUE.equals(outcome.improved())) {
            return NONE;
        }
        return outcome.source() == null || outcome.source().isBlank() ? IMPROVED : IMPROVED_WITH_SOURCE;
    }

    /** The strongest of a record's outcomes. */
    public static Improvement best(List<RecordView.OutcomeView> outcomes) {
        return outcomes.stream().map(Improvement::of).max(Comparator.naturalOrder()).orElse(NONE);
    }
}
