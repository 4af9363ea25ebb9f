package org.joinedup.recognition;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.joinedup.platform.Versioned;

/** A closed round's result: the order (after staff's moves), how each place was computed, and every move with its reason. */
public record ResultView(long roundId, String phase, int selectCount, int rankCount, Instant closedAt, List<Entry> entries,
        List<Adjustment> adjustments,
        @Schema(description = "The round's version: the ETag of the result; a move or citation sent with If-Match is made only at this version")
        int version) implements Versioned {

    /** A place in the order; leaderId and name are null for a person who has left the registry. */
    @Schema(name = "ResultPlace")
    public record Entry(int position, Long leaderId, String name,
            @Schema(description = "The place the method gave, before any move") int computedPosition,
            @Schema(description = "Mean over the judges counted (3 decimals); null when no judge could score them") BigDecimal mean,
            int judgesCounted, boolean unscored, boolean selected, boolean ranked, String citation) {
    }

    @Schema(name = "ResultAdjustment")
    public record Adjustment(Long leaderId, int fromPosition, int toPosition, String reason, Long adjustedByAccountId, Instant adjustedAt) {
    }
}
