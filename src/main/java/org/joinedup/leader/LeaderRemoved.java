package org.joinedup.leader;

/** Fired in the transaction that deletes a leader, before the rows go, so other features can tidy up. */
public record LeaderRemoved(long leaderId) {
}
