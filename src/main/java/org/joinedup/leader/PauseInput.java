package org.joinedup.leader;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A mentor's pause as clients send it: the day it ends and, optionally, why (for programme staff only). */
public record PauseInput(
        @NotNull @Schema(description = "Not available to matching before this day: after today, at most 2 years ahead", examples = "2027-03-01")
        LocalDate until,
        @Size(max = 500, message = "must be 500 characters or fewer") @Schema(description = "Why, seen only by programme staff, admins and the leader; optional", examples = "On leave")
        String reason) {
}
