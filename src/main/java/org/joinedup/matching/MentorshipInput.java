package org.joinedup.matching;

import jakarta.validation.constraints.NotNull;

/** Propose a mentorship from a match: the learning request and the mentor suggested for it. */
public record MentorshipInput(@NotNull Long requestId, @NotNull Long mentorId) {
}
