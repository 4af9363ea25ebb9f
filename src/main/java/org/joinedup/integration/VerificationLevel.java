package org.joinedup.integration;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** How far a record is corroborated, weakest first: the order is what "at least endorsed" compares. */
public enum VerificationLevel {
    SELF_REPORTED("self-reported"), ENDORSED("endorsed"), VERIFIED("verified");

    public final String code;

    VerificationLevel(String code) {
        this.code = code;
    }

    public static Optional<VerificationLevel> fromCode(String code) {
        return Arrays.stream(values()).filter(v -> v.code.equals(code)).findFirst();
    }

    public static List<String> codes() {
        return Arrays.stream(values()).map(v -> v.code).toList();
    }

    /** The codes of the minimum levels a record at this level passes ("at least endorsed"): this one and every weaker one. */
    public List<String> minimumsPassed() {
        return Arrays.stream(values()).filter(v -> v.compareTo(this) <= 0).map(v -> v.code).toList();
    }

    public VerificationLevel atLeast(VerificationLevel other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
