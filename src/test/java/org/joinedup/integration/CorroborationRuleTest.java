package org.joinedup.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.joinedup.integration.CorroborationRule.Assertion;
import org.junit.jupiter.api.Test;

/** The level rule on plain values: what holds for the current revision, since when, and what the owner is told. */
class CorroborationRuleTest {

    private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant T1 = Instant.parse("2026-02-01T00:00:00Z");
    private static final Instant T2 = Instant.parse("2026-03-01T00:00:00Z");

    private static Assertion endorsement(boolean confirmed, int revision, Instant at) {
        return new Assertion(Endorsement.ENDORSEMENT, confirmed, false, revision, at);
    }

    private static Assertion verification(boolean confirmed, int revision, Instant at) {
        return new Assertion(Endorsement.VERIFICATION, confirmed, false, revision, at);
    }

    @Test
    void nothingGivenIsSelfReportedSinceTheRecordWasCreated() {
        assertEquals(new CorroborationRule.Standing(VerificationLevel.SELF_REPORTED, CREATED), CorroborationRule.standing(List.of(), 1, CREATED));
    }

    @Test
    void aCurrentConfirmedVerificationVerifiesSinceTheEarliestOfThem() {
        var standing = CorroborationRule.standing(List.of(endorsement(true, 2, T1), verification(true, 2, T2), verification(true, 2, T1.plusSeconds(5))), 2, CREATED);
        assertEquals(new CorroborationRule.Standing(VerificationLevel.VERIFIED, T1.plusSeconds(5)), standing);
    }

    @Test
    void aCurrentConfirmedEndorsementEndorsesWhenNoVerificationHolds() {
        var standing = CorroborationRule.standing(List.of(endorsement(true, 2, T2), verification(true, 1, T1)), 2, CREATED);
        assertEquals(new CorroborationRule.Standing(VerificationLevel.ENDORSED, T2), standing);
    }

    @Test
    void rejectionsEarlierRevisionsAndLegacyRowsNeverCount() {
        var standing = CorroborationRule.standing(List.of(endorsement(false, 3, T1), verification(false, 3, T1), endorsement(true, 2, T1),
                new Assertion(Endorsement.VERIFICATION, true, true, 3, T1)), 3, CREATED);
        assertEquals(VerificationLevel.SELF_REPORTED, standing.level());
    }

    @Test
    void statusFollowsTheRevisionAndTheWording() {
        assertEquals("current", CorroborationRule.status(endorsement(true, 2, T1), 2, null));
        assertEquals("current", CorroborationRule.status(endorsement(true, 2, T2), 2, T1));
        assertEquals("wording-edited-since", CorroborationRule.status(endorsement(true, 2, T1), 2, T2));
        assertEquals("earlier-version", CorroborationRule.status(endorsement(true, 1, T1), 2, null));
        assertEquals("legacy", CorroborationRule.status(new Assertion(Endorsement.ENDORSEMENT, true, true, 1, T1), 1, null));
    }

    @Test
    void theOwnerIsToldWhatAChangeCost() {
        assertEquals(Optional.of("changed since it was verified: ask again"),
                CorroborationRule.note(List.of(verification(true, 1, T1), endorsement(true, 2, T2)), 2, null));
        assertEquals(Optional.of("changed since it was endorsed: ask again"),
                CorroborationRule.note(List.of(endorsement(true, 1, T1)), 2, null));
        assertEquals(Optional.of("wording edited since it was verified"),
                CorroborationRule.note(List.of(verification(true, 2, T1)), 2, T2));
        assertEquals(Optional.empty(), CorroborationRule.note(List.of(verification(true, 2, T2)), 2, T1));
        assertEquals(Optional.empty(), CorroborationRule.note(List.of(endorsement(false, 1, T1)), 2, null));
    }
}
