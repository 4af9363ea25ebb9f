package org.joinedup.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.MultivaluedHashMap;
import java.util.List;
import java.util.Map;
import org.joinedup.matching.CohortMatchInput;
import org.joinedup.matching.CohortMatchInput.Pair;
import org.joinedup.matching.CohortResult;
import org.joinedup.platform.ProblemException;
import org.joinedup.platform.Violation;
import org.junit.jupiter.api.Test;

/** One change to a cohort run as the page's forms send it: the run's other locks, bans and mode are kept. */
class CohortSteeringTest {

    static final CohortMatchInput RUN = new CohortMatchInput(List.of(1L, 2L, 3L), List.of(10L, 11L), 1, "best-total", List.of(), List.of(),
            "vanguard").steered("everyone-first", List.of(new Pair(1L, 10L)), List.of(new Pair(2L, 11L)));

    static CohortSteering.Change change(Map<String, String> fields) {
        var form = new MultivaluedHashMap<String, String>();
        fields.forEach(form::add);
        return CohortSteering.Change.of(new FormValues(form));
    }

    @Test
    void aBanKeepsTheEarlierLocksBansModeAndCohort() {
        var next = change(Map.of("ban", "3:10")).applyTo(RUN);
        assertEquals(List.of(new Pair(1L, 10L)), next.locks());
        assertEquals(List.of(new Pair(2L, 11L), new Pair(3L, 10L)), next.bans());
        assertEquals("everyone-first", next.mode());
        assertEquals(RUN.requests(), next.requests());
        assertEquals(RUN.mentors(), next.mentors());
        assertEquals("vanguard", next.programme(), "the run's matching profile is kept");
    }

    @Test
    void aLockAlreadyThereIsNotAddedTwiceAndRemovalsGoByPosition() {
        assertEquals(RUN.locks(), change(Map.of("lock", "1:10")).applyTo(RUN).locks());
        var next = change(Map.of("removeLock", "0", "removeBan", "0")).applyTo(RUN);
        assertTrue(next.locks().isEmpty());
        assertTrue(next.bans().isEmpty());
        assertEquals(RUN.locks(), change(Map.of("removeLock", "7")).applyTo(RUN).locks(), "a position not in the run removes nothing");
    }

    @Test
    void theModeButtonRunsTheSameCohortTheOtherWay() {
        var next = change(Map.of("mode", "best-total")).applyTo(RUN);
        assertEquals("best-total", next.mode());
        assertEquals(RUN.locks(), next.locks());
    }

    @Test
    void aTypedLockNeedsAMentorIdAndAForgedPairIsRefused() {
        assertTrue(change(Map.of("action", "lock-typed", "lockRequest", "2", "lockMentor", "someone")).typedLockMissing());
        var typed = change(Map.of("action", "lock-typed", "lockRequest", "2", "lockMentor", " 12 ")).applyTo(RUN);
        assertEquals(List.of(new Pair(1L, 10L), new Pair(2L, 12L)), typed.locks());
        var refused = assertThrows(ProblemException.class, () -> change(Map.of("ban", "2:11; drop table leader")));
        assertEquals(400, refused.problem().status());
    }

    @Test
    void aLockThatCannotBeKeptIsToldBesideTheLockFields() {
        var errors = CohortSteering.errors(List.of(Violation.body("locks[1]", "the same pair is also banned"),
                Violation.body("locks[0].mentorId", "there is no leader 99"), Violation.body("requests[0]", "is withdrawn")),
                List.of(new Pair(1L, 10L), new Pair(2L, 11L)));
        assertTrue(errors.of("lockMentor").contains("This lock (learning request 2, mentor 11) cannot be kept: the same pair is also banned"),
                errors.of("lockMentor"));
        assertTrue(errors.of("lockMentor").contains("There is no leader 99"), errors.of("lockMentor"));
        assertTrue(errors.has("overrides"));
    }

    @Test
    void thePriceSaysWhatTheOverrideTakesAway() {
        assertEquals("Costs nothing", CohortSteering.cost(new CohortResult.OverridePrice("ban", 0, 1, 2, 3, 10.0, 3, 10.0)));
        assertEquals("1 learner fewer matched, 12.5 points less in total",
                CohortSteering.cost(new CohortResult.OverridePrice("lock", 0, 1, 2, 2, 80.0, 3, 92.5)));
    }
}
