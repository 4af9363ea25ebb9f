package org.joinedup.matching;

/** A pair the scorer allows: this mentor may take this request, worth {@code score} (higher is better). */
public record CohortEdge(long requestId, long mentorId, double score) {
}
