package org.joinedup.recognition;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A nomination as its nominator sees it (the answer to POST, and GET /api/me/nominations). */
public record NominationView(
        long id,
        long roundId,
        String roundName,
        @Schema(description = "Null for someone new you nominated while they are seen by programme staff only")
        Long nomineeLeaderId,
        @Schema(description = "For someone new seen by programme staff only, the name you gave")
        String nomineeName,
        List<Reason> reasons,
        List<Long> recordIds,
        @Schema(description = "False for a public nomination whose e-mail address is not yet confirmed (it does not count until then)")
        boolean confirmed,
        Instant createdAt) {

    /** A reason, under the round's criterion. */
    @Schema(name = "NominationReason")
    public record Reason(String criterion, String criterionName, String reason) {
    }
}
