package org.joinedup.recognition;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A judge's conflicts in a round: what the registry suggests and what they confirmed (and when). */
public record ConflictsView(long roundId,
        @Schema(description = "When the judge confirmed their conflicts; null until then, and scoring waits for it") Instant declaredAt,
        List<ConflictView> suggested, List<ConflictView> confirmed) {
}
