package org.joinedup.job;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A job as the API and the pages show it: read from its row, so every service copy answers the same. */
public record JobView(
        long id,
        @Schema(description = "What the job does", examples = "reindex") String kind,
        @Schema(description = "queued, running, succeeded or failed", enumeration = { "queued", "running", "succeeded", "failed" }) String state,
        @Schema(description = "The step it is on", examples = "loading documents") String phase,
        @Schema(description = "What done and total count", examples = "documents") String unit,
        long done,
        @Schema(description = "How many there are to do, once known") Long total,
        @Schema(description = "done as a percentage of total, once total is known") Integer percent,
        @Schema(description = "Units done a second so far") Double ratePerSecond,
        @Schema(description = "Estimated seconds until done reaches total at the rate so far, while running") Long secondsLeft,
        @Schema(description = "The first errors the job carried on past") List<String> errors,
        @Schema(description = "How many errors it carried on past in all") int errorCount,
        @Schema(description = "Why it failed") String failure,
        @Schema(description = "The account that started it, or system") String startedBy,
        @Schema(description = "The service copy that runs it") String runner,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        @Schema(description = "When the runner last wrote its progress; older than the lease and the job is failed") Instant heartbeatAt,
        @Schema(type = SchemaType.OBJECT, description = "What the job produced, once it succeeded; its shape depends on the kind") JsonNode result) {

    public boolean finished() {
        return !JobState.UNFINISHED.stream().map(JobState::code).toList().contains(state);
    }
}
