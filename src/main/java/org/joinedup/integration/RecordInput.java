package org.joinedup.integration;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.joinedup.organisation.OrganisationView;

/**
 * An integration record as clients send it. Codes are checked against the vocabularies by the
 * service. The shape a GET gives is accepted as it is: read-only fields (verification and
 * endorsements among them) are ignored, and an area may carry what a GET shows of it.
 */
@JsonIgnoreProperties({ "id", "leaderId", "revision", "source", "verification", "verificationSince", "wordingEditedAt", "corroboration",
        "endorsements", "createdAt", "updatedAt", "state", "learnedFrom", "ledWith" })
public record RecordInput(
        @NotBlank @Size(max = 300) @Schema(examples = "Local integrated care teams in Mid-Nottinghamshire") String title,
        @Size(max = 5000) String summary,
        @NotNull @Size(min = 1, max = 20, message = "must list between 1 and 20 areas") List<@Valid @NotNull AreaInput> areas,
        @NotNull @Schema(description = "Two or more service codes joined up", examples = "[\"gp\",\"social-care\"]") List<String> services,
        @NotBlank @Schema(examples = "place") String scope,
        @Size(max = 20) List<String> approaches,
        String programme,
        @NotBlank @Schema(examples = "led") String role,
        @Size(max = 30) @JsonDeserialize(contentUsing = OrganisationView.Code.class)
        @Schema(description = "Organisation codes of the partners (GET /api/organisations finds them); the objects a GET shows are accepted too",
                examples = "[\"RK5\", \"E10000024\"]")
        List<@NotBlank String> partnerOrganisations,
        @NotNull LocalDate periodStart,
        LocalDate periodEnd,
        @Size(max = 20) List<@Valid @NotNull OutcomeInput> outcomes,
        @Size(max = 20) List<@Valid @NotNull EvidenceInput> evidence,
        @Schema(description = "The version you read; required on update") Integer version) {

    /**
     * Either {@code code} (an English area; a latitude and longitude with it must be the area's own
     * centre, as a GET shows them) or {@code country}, {@code place}, {@code latitude} and
     * {@code longitude}. The names a GET adds are ignored.
     */
    @JsonIgnoreProperties({ "name", "type", "icb", "region" })
    public record AreaInput(String code, String country, @Size(max = 200) String place, Double latitude, Double longitude) {
    }

    /** change, relativeChange and improved are judged from the figures on read (OutcomeJudgement); a PUT of what was read ignores them. */
    @JsonIgnoreProperties({ "change", "relativeChange", "improved" })
    public record OutcomeInput(
            String metric,
            @Size(max = 1000) String description,
            BigDecimal baseline,
            BigDecimal result,
            @Size(max = 100) String unit,
            @Size(max = 100) String period,
            @Size(max = 1000) String source) {
    }

    public record EvidenceInput(
            @Size(max = 300) String title,
            @NotBlank @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http or https address") String url) {
    }
}
