package org.joinedup.places;

import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A place's self-assessment as sent. Scores are taken as JSON values and checked by the service, so a
 * fractional, textual or missing score is a 400 naming its dimension rather than a bare parse error.
 */
@Schema(name = "AssessmentInput", description = "A self-assessment of a council or ICB on SCIROCCO's 12 dimensions")
public record AssessmentInput(
        @Schema(description = "The day the place assessed itself (ISO date): not in the future, at most 10 years ago", examples = "2026-11-20")
        String assessedOn,
        @Schema(description = "A whole number 0 to 5 for every one of the 12 dimensions, by code (GET /api/vocabularies/dimensions)",
                examples = "{\"readiness-to-change\":3,\"structure-and-governance\":2,\"digital-infrastructure\":1,\"process-coordination\":3,"
                        + "\"finance-and-funding\":1,\"removal-of-inhibitors\":2,\"population-approach\":3,\"citizen-empowerment\":2,"
                        + "\"evaluation-methods\":2,\"breadth-of-ambition\":3,\"innovation-management\":2,\"capacity-building\":3}")
        Map<String, Object> scores,
        @Schema(description = "Optional note, at most 2000 characters", maxLength = 2000) String note) {
}
