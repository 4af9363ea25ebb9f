package org.joinedup.followup;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A leader's record as a mentor: mentorships completed, follow-up answers and how many of them
 * would recommend the mentor (a count of a count, never a bare percentage: "2 of 3"), and the
 * published records learners started from what they learned.
 */
public record TrackRecord(
        @Schema(description = "Mentorships this leader completed as mentor") long mentorshipsCompleted,
        @Schema(description = "Follow-up answers given by their learners") long followUpsAnswered,
        @Schema(description = "Of those answers, how many would recommend this mentor") long wouldRecommend,
        @Schema(description = "Published records their learners said they learned from them") long recordsLearnedFrom) {

    public static final TrackRecord NONE = new TrackRecord(0, 0, 0, 0);

    @JsonProperty("hasMentored")
    @Schema(description = "True once they have completed a mentorship")
    public boolean hasMentored() {
        return mentorshipsCompleted > 0;
    }

    /** "2 of 3 would recommend", or null with no answers yet. */
    @JsonProperty("recommendation")
    @Schema(description = "In words, e.g. \"2 of 3 would recommend\"; null before any answer")
    public String recommendation() {
        return followUpsAnswered == 0 ? null : wouldRecommend + " of " + followUpsAnswered + " would recommend";
    }
}
