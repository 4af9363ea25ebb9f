package org.joinedup.recognition;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A published round that selected a leader: its id and name, the year it was published (Europe/London),
 * the leader's place on its list, and whether that place is ranked. {@code listVisibility} is who may
 * see the round's list, and so this line (see {@link #shownTo}); it is never sent.
 */
public record Recognition(long roundId, String round, int year, int position, boolean ranked, @JsonIgnore String listVisibility) {

    /**
     * Whether a caller sees it: a {@code public} list everyone, a {@code signed-in} one anyone signed in,
     * a {@code programme} one programme staff and admins only.
     */
    public boolean shownTo(boolean signedIn, boolean staff) {
        return NominationRound.listShownTo(listVisibility, signedIn, staff);
    }

    /** Counted by search (the {@code recognised} facet, which everyone may use): public lists only. */
    public boolean countsInSearch() {
        return NominationRound.LIST_PUBLIC.equals(listVisibility);
    }
}
