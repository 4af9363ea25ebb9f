package org.joinedup.importing;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an import job did, its result once it succeeded. */
public record ImportOutcome(
        @Schema(description = "The file name given") String fileName,
        int rows,
        ImportCounts leaders,
        ImportCounts records,
        @Schema(description = "Leaders the import was asked to invite (the invite option)") int invitationsAsked,
        @Schema(description = "Invitations queued") int invitationsQueued,
        long millis,
        @Schema(description = "Data rows written a second") double rowsPerSecond) {
}
