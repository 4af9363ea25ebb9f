package org.joinedup.followup;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.joinedup.matching.MentorshipView;

/** A follow-up as its learner sees it. */
public record FollowUpView(
        long id,
        long mentorshipId,
        @Schema(description = "3 or 6: months after the mentorship completed") int months,
        MentorshipView.Person mentor,
        Instant dueAt,
        Instant askedAt,
        Instant answeredAt,
        String whatChanged,
        Boolean wouldRecommend,
        @Schema(description = "The draft record the answer started (GET /api/records/{id}), if any") Long recordId) {
}
