package org.joinedup.matching;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A cohort to match: open learning requests, optionally the mentors to draw on, mentors per request, what
 * to maximise ({@code mode}), the pairs staff lock in or ban, and whether to spread the load over more mentors.
 */
public record CohortMatchInput(
        @NotNull @Size(min = 1, max = CohortMatchInput.MAX_REQUESTS, message = "must list between 1 and " + CohortMatchInput.MAX_REQUESTS + " learning requests")
        List<@NotNull Long> requests,
        @Size(min = 1, max = CohortMatchInput.MAX_MENTORS, message = "must list between 1 and " + CohortMatchInput.MAX_MENTORS + " mentors, or be left out for all available")
        @Schema(description = "Leader ids to draw mentors from; all leaders available to mentor when absent")
        List<@NotNull Long> mentors,
        @Min(value = 1, message = "must be between 1 and 5") @Max(value = 5, message = "must be between 1 and 5")
        @Schema(description = "Mentors per request, default 1") Integer perRequest,
        @Schema(description = "What to maximise: best-total (default) the total score; everyone-first the number of requests given a "
                + "mentor, then the total among those answers", enumeration = { "best-total", "everyone-first" }) String mode,
        @Size(max = CohortMatchInput.MAX_OVERRIDES, message = "must list at most " + CohortMatchInput.MAX_OVERRIDES + " pairs")
        @Schema(description = "Pairs that must be in the answer; an infeasible one is refused with 409 naming it")
        List<@NotNull @Valid Pair> locks,
        @Size(max = CohortMatchInput.MAX_OVERRIDES, message = "must list at most " + CohortMatchInput.MAX_OVERRIDES + " pairs")
        @Schema(description = "Pairs that must not be in the answer")
        List<@NotNull @Valid Pair> bans,
        @Schema(description = "Programme code (programmes vocabulary) whose matching profile (weights and musts) scores the cohort; "
                + "the default profile when absent") String programme,
        @Schema(description = "Spread the load: each further mentee of the same mentor costs 3 points more than the last "
                + "(the second 3, the third 6), so the answer prefers more mentors with fewer mentees each; default false")
        Boolean spreadLoad) {

    public static final int MAX_REQUESTS = 5_000;
    public static final int MAX_MENTORS = 20_000;
    /** Each lock and ban is priced by solving again without it, so their number is kept small. */
    public static final int MAX_OVERRIDES = 20;

    /** A learning request of the cohort and a mentor. */
    @Schema(name = "CohortPairInput")
    public record Pair(@NotNull Long requestId, @NotNull Long mentorId) {
    }

    public CohortMatchInput(List<Long> requests, List<Long> mentors, Integer perRequest) {
        this(requests, mentors, perRequest, null, null, null, null, null);
    }

    /** Under the default profile, without spreading the load. */
    public CohortMatchInput(List<Long> requests, List<Long> mentors, Integer perRequest, String mode, List<Pair> locks, List<Pair> bans) {
        this(requests, mentors, perRequest, mode, locks, bans, null, null);
    }

    /** Under a programme's profile, without spreading the load. */
    public CohortMatchInput(List<Long> requests, List<Long> mentors, Integer perRequest, String mode, List<Pair> locks, List<Pair> bans,
            String programme) {
        this(requests, mentors, perRequest, mode, locks, bans, programme, null);
    }

    /** The same cohort (requests, mentors, mentors per request, profile, spreading) with another mode, locks and bans: how the cohort page steers. */
    public CohortMatchInput steered(String newMode, List<Pair> newLocks, List<Pair> newBans) {
        return new CohortMatchInput(requests, mentors, perRequest, newMode, newLocks, newBans, programme, spreadLoad);
    }

    boolean spreadsLoad() {
        return Boolean.TRUE.equals(spreadLoad);
    }

    int perRequestOrDefault() {
        return perRequest == null ? 1 : perRequest;
    }

    List<Pair> locksOrNone() {
        return locks == null ? List.of() : locks;
    }

    List<Pair> bansOrNone() {
        return bans == null ? List.of() : bans;
    }
}
