package org.joinedup.security;

import jakarta.enterprise.context.RequestScoped;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Per request: the leaders the caller is a delegate of (read once, at first need, so a revocation
 * holds from the next request on), and the leader they act for once a delegation let them change
 * something, which the audit trail names. Reached through methods only: it is a client proxy.
 */
@RequestScoped
class CallerDelegations {

    private Set<Long> leaders;
    private Long actingFor;

    Set<Long> leaders(Supplier<Set<Long>> load) {
        if (leaders == null) {
            leaders = Set.copyOf(load.get());
        }
        return leaders;
    }

    Long actingFor() {
        return actingFor;
    }

    void actFor(long leaderId) {
        actingFor = leaderId;
    }
}
