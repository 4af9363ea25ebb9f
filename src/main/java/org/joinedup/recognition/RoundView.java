package org.joinedup.recognition;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.joinedup.platform.Versioned;

/** A round as the API shows it, with its phase today (Europe/London). */
public record RoundView(
        long id,
        int version,
        String name,
        String question,
        List<CriterionView> criteria,
        LocalDate nominationsOpenOn,
        LocalDate nominationsCloseOn,
        LocalDate judgingCloseOn,
        int selectCount,
        int rankCount,
        @Schema(description = "The judges; shown to programme staff, admins and the round's judges only (empty for everyone else)")
        List<JudgeView> judges,
        String nominators,
        String listVisibility,
        @Schema(description = "scheduled, nominating, judging, closed or published", examples = "nominating") String phase,
        Instant createdAt,
        Instant closedAt,
        Instant publishedAt) implements Versioned {

    @Schema(name = "RoundCriterionView")
    public record CriterionView(String code, String name, String description) {
    }

    @Schema(name = "RoundJudgeView")
    public record JudgeView(long accountId, String name) {
    }
}
