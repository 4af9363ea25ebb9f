package org.joinedup.integration;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.joinedup.vocabulary.Direction;

/**
 * What an outcome's figures say, judged by its metric's direction: the change (result minus
 * baseline), the change relative to the baseline, and whether that is an improvement. The one place
 * this is worked out; the record view, the search index and matching all read it from here.
 *
 * <p>{@code improved} is null (unknown) when either figure is missing or the metric has no
 * direction; no change is not an improvement. {@code relativeChange} is a fraction of the
 * baseline's size (-0.25 is a quarter lower), null when the baseline is zero.
 */
public record OutcomeJudgement(BigDecimal change, BigDecimal relativeChange, Boolean improved) {

    private static final OutcomeJudgement UNKNOWN = new OutcomeJudgement(null, null, null);
    private static final int RELATIVE_DECIMALS = 4;

    public static OutcomeJudgement of(BigDecimal baseline, BigDecimal result, Direction direction) {
        if (baseline == null || result == null) {
            return UNKNOWN;
        }
        var change = result.subtract(baseline);
        var relative = baseline.signum() == 0 ? null : plain(change.divide(baseline.abs(), RELATIVE_DECIMALS, RoundingMode.HALF_EVEN));
        return new OutcomeJudgement(plain(change), relative, direction == null ? null : direction.better(change));
    }

    /** Without trailing zeros, and never in exponent form (10, not 1E+1). */
    private static BigDecimal plain(BigDecimal value) {
        var stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
