package org.joinedup.importing;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How many leaders or records an import creates, changes and leaves as they are. */
public record ImportCounts(
        @Schema(description = "New: their external id is not in the registry yet") int create,
        @Schema(description = "In the registry with other values: changed to the file's") int update,
        @Schema(description = "In the registry as the file has them: not written") int unchanged,
        @Schema(description = "In the registry, of a leader who has claimed their profile: theirs to change, so not written"
                + " even where the file differs") int keptByLeader) {
}
