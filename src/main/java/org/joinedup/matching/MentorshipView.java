package org.joinedup.matching;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.joinedup.leader.Contact;
import org.joinedup.platform.Versioned;

public record MentorshipView(long id, int version, long requestId, Person mentor, Person learner, double score, List<String> reasons,
        String status, Instant proposedAt, Instant respondedAt, Instant startedAt, Instant completedAt, String mentorNote,
        String learnerNote, Boolean learnerWouldRecommend, Long cohortMatchId,
        @Schema(description = "The other side's contact details, once the mentor accepted; only for the mentor and the learner")
        Contact contact) implements Versioned {

    public record Person(long id, String name) {
    }
}
