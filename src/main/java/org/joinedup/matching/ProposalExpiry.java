package org.joinedup.matching;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;

/**
 * Expires proposals the mentor has not answered within joinedup.matching.limits.proposal-expiry,
 * so an unanswered proposal cannot hold a mentor's place for ever. Every service copy runs it; the
 * expiry is one conditional UPDATE, so each proposal expires (and frees its place) exactly once.
 */
@ApplicationScoped
public class ProposalExpiry {

    @Inject
    MentorshipService mentorships;

    @Inject
    MatchingLimits limits;

    // minutes late on a fortnight's wait is fine; checking more often would only add load
    @Scheduled(every = "5m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        mentorships.expireUnanswered(Instant.now().minus(limits.proposalExpiry()));
    }
}
