package org.joinedup.leader;

/**
 * Fired inside the transaction of every change to a leader or one of their records (including
 * deletion), so that search can queue the leader for reindexing atomically with the change.
 * {@code revision} is the leader's revision after the change; it only ever grows.
 */
public record LeaderChanged(long leaderId, long revision) {
}
