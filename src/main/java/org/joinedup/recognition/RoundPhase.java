package org.joinedup.recognition;

import java.util.Locale;

/**
 * Where a round is. Not stored: it follows from the round's dates and from when staff closed and
 * published it ({@link NominationRound#phase}), so no job has to move rounds along.
 */
public enum RoundPhase {
    /** Opened by staff; nominations have not started. Criteria and judges may still change. */
    SCHEDULED,
    /** Between the nomination dates: nominations are taken. */
    NOMINATING,
    /** Nominations have closed and the round has not: judges declare conflicts and score. */
    JUDGING,
    /** Staff closed it: the result is computed and stored; scores are visible to the panel; order may be adjusted. */
    CLOSED,
    /** The list is out, to the round's audience. */
    PUBLISHED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
