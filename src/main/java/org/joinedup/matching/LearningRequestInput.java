package org.joinedup.matching;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.joinedup.vocabulary.PlaceView;

/**
 * A learning request as clients send it; codes are checked against the vocabularies by the service.
 * The shape a GET gives is accepted as it is: read-only fields ignored, {@code area} as its object.
 */
@JsonIgnoreProperties({ "id", "learnerName", "status", "createdAt", "updatedAt" })
public record LearningRequestInput(
        @NotNull @Schema(description = "The learner's leader id") Long learnerId,
        @NotBlank @JsonDeserialize(using = PlaceView.Code.class) @Schema(description = "Upper-tier local authority or ICB code where the learner works", examples = "E08000012") String area,
        @NotNull @Size(min = 1, max = 10, message = "must list between 1 and 10 services") @Schema(examples = "[\"gp\",\"social-care\"]")
        List<@NotBlank String> services,
        @Size(max = 10) List<@NotBlank String> approaches,
        @Schema(description = "Scope the learner works at: team, organisations, place or system") String scope,
        @Size(max = 4) List<@NotBlank String> formats,
        @Size(max = 2000) @Schema(description = "What the learner needs, in their words") String need,
        @Schema(description = "The version you read; required on update") Integer version,
        @Schema(description = "Programme code (programmes vocabulary) whose matching profile this request's matches use; the default profile when absent")
        String programme) {

    /** A request under no programme. */
    public LearningRequestInput(Long learnerId, String area, List<String> services, List<String> approaches, String scope, List<String> formats,
            String need, Integer version) {
        this(learnerId, area, services, approaches, scope, formats, need, version, null);
    }
}
