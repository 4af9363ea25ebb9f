package org.joinedup.followup;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The learner's answer to a follow-up; given once. */
public record FollowUpAnswer(
        @NotBlank @Size(max = 5000) @Schema(description = "What changed in your work since the mentorship",
                examples = "We now run a joint discharge huddle with social care") String whatChanged,
        @NotNull @Schema(description = "Would you recommend your mentor to others?") Boolean wouldRecommend,
        @Schema(description = "Start a draft record of your own work, linked \"learned from\" your mentor; you complete and publish it")
        boolean startRecord) {
}
