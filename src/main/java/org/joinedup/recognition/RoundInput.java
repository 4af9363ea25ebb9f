package org.joinedup.recognition;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.joinedup.platform.IdOrObject;

/** A round as staff send it: what a GET gives PUTs back as it is (its read-only fields ignored, its judges' objects read for their ids). */
@JsonIgnoreProperties({ "id", "phase", "createdAt", "closedAt", "publishedAt" })
@Schema(name = "RoundInput", description = "A nomination round: what is asked, on which criteria, when, how many, judged by whom")
public record RoundInput(
        @Schema(description = "1 to 200 characters", examples = "Integration 50, 2027") String name,
        @Schema(description = "What nominators answer, 1 to 500 characters", examples = "Who is doing most to drive integration?") String question,
        @Schema(description = "The criteria, in order; left out, the CI50's six (seed-data/recognition/criteria.csv)") List<CriterionInput> criteria,
        @Schema(description = "First day nominations are taken", examples = "2027-01-04") LocalDate nominationsOpenOn,
        @Schema(description = "Last day nominations are taken (not before nominationsOpenOn)", examples = "2027-02-26") LocalDate nominationsCloseOn,
        @Schema(description = "Last day of judging (not before nominationsCloseOn)", examples = "2027-03-31") LocalDate judgingCloseOn,
        @Schema(description = "How many are selected, 1 to 500", examples = "50") Integer selectCount,
        @Schema(description = "How many of those are ranked, 0 to selectCount", examples = "10") Integer rankCount,
        @JsonDeserialize(contentUsing = IdOrObject.AccountId.class)
        @Schema(description = "The judges: ids of existing, enabled accounts; the objects a GET shows ({accountId, name}) are accepted too "
                + "(name is ignored)", examples = "[42, 57]") List<Long> judges,
        @Schema(description = "signed-in (any signed-in account) or public (also anyone with a confirmed e-mail address)", examples = "signed-in")
        String nominators,
        @Schema(description = "Who sees the published list: public, signed-in or programme", examples = "public") String listVisibility,
        @Schema(description = "The version you read; required on update (or its ETag as If-Match)") Integer version) {

    /** One criterion: a short lower-case code (what reasons and scores are filed under), a name and a description. */
    @Schema(name = "RoundCriterionInput")
    public record CriterionInput(
            @Schema(examples = "leadership") String code,
            @Schema(examples = "Effective leadership") String name,
            @Schema(examples = "How effective the nominee's leadership of integration has been.") String description) {
    }
}
