package org.joinedup.vocabulary;

import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;

/** Which way an outcome metric should move for the result to count as better, as outcome-metrics.csv states it. */
public enum Direction {
    LOWER_IS_BETTER("lower-is-better"),
    HIGHER_IS_BETTER("higher-is-better");

    @JsonValue
    public final String code;

    Direction(String code) {
        this.code = code;
    }

    public static Optional<Direction> fromCode(String code) {
        return Arrays.stream(values()).filter(d -> d.code.equals(code)).findFirst();
    }

    /** Whether moving by {@code change} (result minus baseline) is a move the right way; no change is not. */
    public boolean better(BigDecimal change) {
        return this == LOWER_IS_BETTER ? change.signum() < 0 : change.signum() > 0;
    }
}
