package org.joinedup.matching;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A cohort to match: open learning requests, optionally the mentors to draw on, and mentors per request. */
public record CohortMatchInput(
        @NotNull @Size(min = 1, max = CohortMatchInput.MAX_REQUESTS, message = "must list between 1 and " + CohortMatchInput.MAX_REQUESTS + " learning requests")
        List<@NotNull Long> requests,
        @Size(min = 1, max = CohortMatchInput.MAX_MENTORS, message = "must list between 1 and " + CohortMatchInput.MAX_MENTORS + " mentors, or be left out for all available")
        @Schema(description = "Leader ids to draw mentors from; all leaders available to mentor when absent")
        List<@NotNull Long> mentors,
        @Min(value = 1, message = "must be between 1 and 5") @Max(value = 5, message = "must be between 1 and 5")
        @Schema(description = "Mentors per request, default 1") Integer perRequest) {

    public static final int MAX_REQUESTS = 5_000;
    public static final int MAX_MENTORS = 20_000;

    int perRequestOrDefault() {
        return perRequest == null ? 1 : perRequest;
    }
}
