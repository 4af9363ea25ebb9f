package org.joinedup.matching;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Closing words on a mentorship. Each side writes only its own: the mentor the mentor's note, the
 * learner the learner's note and whether they would recommend the mentor. Programme staff and
 * admins writing for someone name whom in {@code onBehalfOf}, and the audit trail records it.
 */
public record MentorshipClosing(
        @Size(max = 2000) @Schema(description = "Written by the mentor") String mentorNote,
        @Size(max = 2000) @Schema(description = "Written by the learner") String learnerNote,
        @Schema(description = "Written by the learner") Boolean learnerWouldRecommend,
        @Pattern(regexp = "mentor|learner", message = "must be mentor or learner")
        @Schema(description = "Staff only: the side you write for, mentor or learner") String onBehalfOf) {

    static final String MENTOR = "mentor";
    static final String LEARNER = "learner";

    boolean writesNothing() {
        return mentorNote == null && learnerNote == null && learnerWouldRecommend == null;
    }
}
