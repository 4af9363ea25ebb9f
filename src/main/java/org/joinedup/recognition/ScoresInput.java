package org.joinedup.recognition;

import jakarta.validation.constraints.NotNull;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A judge's scores for one nominee: every criterion of the round, each 1 to 5. */
public record ScoresInput(@NotNull @Schema(description = "Criterion code to score, 1 (low) to 5 (high)",
        examples = "{\"leadership\": 4, \"local-impact\": 5}") Map<String, Integer> scores) {
}
