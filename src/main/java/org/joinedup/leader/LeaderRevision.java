package org.joinedup.leader;

/** Which revision of a leader is current; search compares it with the indexed version. */
public record LeaderRevision(long id, long revision) {
}
