package org.joinedup.matching;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What a cohort run maximises: the total score ({@code best-total}, as before issue 19), or first the
 * number of requests given at least one mentor and then the total among those answers ({@code everyone-first}).
 */
public enum CohortMode {
    BEST_TOTAL("best-total"),
    EVERYONE_FIRST("everyone-first");

    private final String code;

    CohortMode(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<CohortMode> of(String code) {
        return Arrays.stream(values()).filter(m -> m.code.equals(code)).findFirst();
    }

    public static List<String> codes() {
        return Arrays.stream(values()).map(CohortMode::code).toList();
    }
}
