package org.joinedup.shortlist;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The private note on a leader of a shortlist; may be left out (no note). */
public record ShortlistEntryInput(
        @Size(max = ShortlistService.MAX_NOTE)
        @Schema(description = "A private note for the list's readers only: never indexed, never on the profile, never shown to the leader",
                examples = "Led the Wigan frailty pathway; ask about the care home in-reach")
        String note) {
}
