package org.joinedup.recognition;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How far the judges are (no score values): for staff deciding when to close. */
public record ProgressView(long roundId, String phase, int nominees, List<Judge> judges) {

    /** scored of mayScore: the nominees they scored, of those they are not conflicted with. */
    @Schema(name = "JudgeProgress")
    public record Judge(long accountId, String username, boolean conflictsDeclared, int scored, int mayScore) {
    }
}
