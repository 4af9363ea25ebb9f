package org.joinedup.matching;

/** A request and a mentor, scored or not: what a lock or a ban names. */
public record CohortPair(long requestId, long mentorId) {

    static CohortPair of(CohortEdge edge) {
        return new CohortPair(edge.requestId(), edge.mentorId());
    }
}
