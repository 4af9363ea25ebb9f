package org.joinedup.recognition;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Scores in a round: before it closes only the caller's own; after, the whole panel's. */
public record ScoresView(long roundId, @Schema(description = "Whether these are every judge's scores (the round has closed)") boolean all,
        List<SheetView> sheets) {
}
