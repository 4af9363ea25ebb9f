package org.joinedup.matching;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where a mentorship stands, and which steps lead on: proposed, then accepted or declined by the
 * mentor, then active, then completed. Proposed, accepted and active ones hold a place of the
 * mentor's capacity.
 */
public enum MentorshipStatus {
    PROPOSED("proposed"), ACCEPTED("accepted"), DECLINED("declined"), ACTIVE("active"), COMPLETED("completed");

    public final String code;

    MentorshipStatus(String code) {
        this.code = code;
    }

    public boolean holdsCapacity() {
        return this == PROPOSED || this == ACCEPTED || this == ACTIVE;
    }

    public Set<MentorshipStatus> next() {
        return switch (this) {
            case PROPOSED -> Set.of(ACCEPTED, DECLINED);
            case ACCEPTED -> Set.of(ACTIVE, DECLINED);
            case ACTIVE -> Set.of(COMPLETED);
            case DECLINED, COMPLETED -> Set.of();
        };
    }

    public static Optional<MentorshipStatus> fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }

    public static List<String> codes() {
        return Arrays.stream(values()).map(s -> s.code).toList();
    }
}
