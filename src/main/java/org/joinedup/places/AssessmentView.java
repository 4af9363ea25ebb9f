package org.joinedup.places;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One self-assessment as the API shows it: every dimension's score in the dimensions' order, and who recorded it. */
public record AssessmentView(long id, String areaCode, String areaName, LocalDate assessedOn, List<DimensionScore> scores, String note,
        @Schema(description = "Who recorded it (the account's full name, or its username); null once that account is erased") String assessedBy,
        @Schema(description = "true once the account that recorded it has been erased (the assessment stays)") boolean assessorRemoved,
        Instant recordedAt) {

    /** A dimension's score, 0 (nothing in place) to 5 (mature). */
    public record DimensionScore(String code, String label, int score) {
    }
}
