package org.joinedup.leader;

import java.util.List;

/**
 * {@link LeaderChanged} for many leaders at once (a batch of the bulk import), fired once inside the
 * transaction of the change, so search queues them all in one statement instead of one each.
 */
public record LeadersChanged(List<LeaderChanged> changes) {
}
