package org.joinedup.recognition;

/**
 * Fired in the transaction that publishes a round's list, so features that show recognition (the
 * search index's "recognised" facet, profiles) can refresh the nominees it names.
 */
public record RoundPublished(long roundId) {
}
