package org.joinedup.leader;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Who may see a leader's profile: anyone, any signed-in user, or only programme staff. */
public enum Visibility {
    PUBLIC("public"), REGISTERED("registered"), PROGRAMME("programme");

    public final String code;

    Visibility(String code) {
        this.code = code;
    }

    public static Optional<Visibility> fromCode(String code) {
        return Arrays.stream(values()).filter(v -> v.code.equals(code)).findFirst();
    }

    public static List<String> codes() {
        return Arrays.stream(values()).map(v -> v.code).toList();
    }
}
