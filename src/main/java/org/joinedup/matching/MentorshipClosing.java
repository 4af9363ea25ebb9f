package org.joinedup.matching;

import jakarta.validation.constraints.Size;

/** Closing a mentorship: a note from each side and whether the learner would recommend the mentor. */
public record MentorshipClosing(@Size(max = 2000) String mentorNote, @Size(max = 2000) String learnerNote, Boolean learnerWouldRecommend) {
}
