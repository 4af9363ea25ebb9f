package org.joinedup.delegate;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A leader whose profile and records the signed-in account may edit, as their delegate. */
public record DelegationView(
        @Schema(description = "The leader's id: PUT /api/leaders/{id}, POST /api/leaders/{id}/records") long leaderId,
        @Schema(examples = "Priya Raman") String leaderName,
        Instant grantedAt) {
}
