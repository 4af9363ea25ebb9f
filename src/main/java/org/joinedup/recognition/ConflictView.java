package org.joinedup.recognition;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A conflict between the calling judge and a nominee: suggested, or confirmed by the judge. */
public record ConflictView(long leaderId, String name,
        @Schema(description = "own-organisation, partner-organisation or declared", examples = "own-organisation") String reason) {
}
