package org.joinedup.matching;

import java.time.Instant;

/** Fired in the transaction that completes a mentorship (follow-ups are scheduled from it). */
public record MentorshipCompleted(long mentorshipId, long mentorId, long learnerId, Instant completedAt) {
}
