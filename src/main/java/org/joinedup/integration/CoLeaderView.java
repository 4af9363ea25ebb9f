package org.joinedup.integration;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One of a record's other leaders: {@code confirmedAt} is null while the invitation waits. */
public record CoLeaderView(
        long recordId,
        long leaderId,
        String name,
        @Schema(description = "Their role in the work (a code of the roles vocabulary)") String role,
        Instant invitedAt,
        Instant confirmedAt) {
}
