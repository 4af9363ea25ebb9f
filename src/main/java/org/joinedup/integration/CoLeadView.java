package org.joinedup.integration;

import java.time.Instant;

/** A record the signed-in leader was invited to have led together with its owner, as they see it. */
public record CoLeadView(
        long recordId,
        String title,
        long ownerId,
        String ownerName,
        String role,
        Instant invitedAt,
        Instant confirmedAt) {
}
