package org.joinedup.integration;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The level rule, on plain values so it is tested alone: verified if a current confirmed
 * verification exists, else endorsed if a current confirmed endorsement exists, else
 * self-reported. Current means given for the record's present revision; a wording-only edit
 * keeps it current. Legacy rows (from before accounts gave corroboration) never count.
 */
final class CorroborationRule {

    static final String CURRENT = "current";
    static final String WORDING_EDITED = "wording-edited-since";
    static final String EARLIER_VERSION = "earlier-version";
    static final String LEGACY = "legacy";

    /** One endorsement or verification as the rule sees it; {@code givenAt} is when its decision was (last) given. */
    record Assertion(String kind, boolean confirmed, boolean legacy, int recordRevision, Instant givenAt) {

        static Assertion of(Endorsement e) {
            return new Assertion(e.kind, e.confirmed(), e.legacy, e.recordRevision, e.updatedAt);
        }
    }

    /** The level that holds and since when: the earliest of its holding assertions, or the record's creation when self-reported. */
    record Standing(VerificationLevel level, Instant since) {
    }

    private CorroborationRule() {
    }

    static Standing standing(List<Assertion> assertions, int revision, Instant createdAt) {
        for (var level : List.of(VerificationLevel.VERIFIED, VerificationLevel.ENDORSED)) {
            var holding = holding(assertions, revision, level).toList();
            if (!holding.isEmpty()) {
                return new Standing(level, holding.stream().map(Assertion::givenAt).filter(Objects::nonNull)
                        .min(Comparator.naturalOrder()).orElse(createdAt));
            }
        }
        return new Standing(VerificationLevel.SELF_REPORTED, createdAt);
    }

    static String status(Assertion a, int revision, Instant wordingEditedAt) {
        if (a.legacy()) {
            return LEGACY;
        }
        if (a.recordRevision() < revision) {
            return EARLIER_VERSION;
        }
        return wordingEditedAt != null && a.givenAt() != null && wordingEditedAt.isAfter(a.givenAt()) ? WORDING_EDITED : CURRENT;
    }

    /**
     * What the owner and staff are told when corroboration no longer holds as it did: the level
     * dropped because of a material change, or the wording changed after it was given.
     */
    static Optional<String> note(List<Assertion> assertions, int revision, Instant wordingEditedAt) {
        var level = standing(assertions, revision, null).level();
        for (var lost : List.of(VerificationLevel.VERIFIED, VerificationLevel.ENDORSED)) {
            if (level.compareTo(lost) >= 0) {
                break;
            }
            boolean earlier = assertions.stream().anyMatch(a -> counts(a) && kindOf(lost).equals(a.kind()) && a.recordRevision() < revision);
            if (earlier) {
                return Optional.of("changed since it was " + lost.code + ": ask again");
            }
        }
        if (level != VerificationLevel.SELF_REPORTED
                && holding(assertions, revision, level).anyMatch(a -> WORDING_EDITED.equals(status(a, revision, wordingEditedAt)))) {
            return Optional.of("wording edited since it was " + level.code);
        }
        return Optional.empty();
    }

    private static Stream<Assertion> holding(List<Assertion> assertions, int revision, VerificationLevel level) {
        return assertions.stream().filter(a -> counts(a) && kindOf(level).equals(a.kind()) && a.recordRevision() == revision);
    }

    private static boolean counts(Assertion a) {
        return a.confirmed() && !a.legacy();
    }

    private static String kindOf(VerificationLevel level) {
        return level == VerificationLevel.VERIFIED ? Endorsement.VERIFICATION : Endorsement.ENDORSEMENT;
    }
}
