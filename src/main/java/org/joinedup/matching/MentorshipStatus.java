package org.joinedup.matching;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where a mentorship stands, and which steps lead on: proposed, then accepted or declined by the
 * mentor, then active, then completed. Proposed, accepted and active ones hold a place of the
 * mentor's capacity. A proposal nobody answers in time becomes expired; no one moves it there by
 * hand (see {@link ProposalExpiry}), so it is not among the next steps.
 */
public enum MentorshipStatus {
    PROPOSED("proposed"), ACCEPTED("accepted"), DECLINED("declined"), ACTIVE("active"), COMPLETED("completed"),
    EXPIRED("expired");

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
            case DECLINED, COMPLETED, EXPIRED -> Set.of();
        };
    }

    public static Optional<MentorshipStatus> fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }

    public static List<String> codes() {
        return Arrays.stream(values()).map(s -> s.code).toList();
    }
}
