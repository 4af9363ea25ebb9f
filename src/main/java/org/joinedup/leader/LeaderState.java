package org.joinedup.leader;

/** A leader as search indexes them: the profile and the revision that orders their changes. */
public record LeaderState(LeaderView leader, long revision) {
}
