package org.joinedup.leader;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.joinedup.organisation.OrganisationView;
import org.joinedup.platform.OneLine;
import org.joinedup.vocabulary.PlaceView;

/**
 * A leader as clients send it. {@code version} is required when updating (optimistic locking). The
 * shape a GET gives is accepted as it is: its read-only fields (recognitions too) are ignored and {@code homeArea} may
 * be the object it showed. Without {@code contact} the stored contact details are kept.
 */
@JsonIgnoreProperties({ "id", "createdAt", "updatedAt", "recognitions" })
public record LeaderInput(
        @NotBlank @Size(max = 200) @Pattern(regexp = OneLine.PATTERN, message = OneLine.MESSAGE) @Schema(examples = "Helen Marsh") String name,
        @Size(max = 200) @Pattern(regexp = OneLine.PATTERN, message = OneLine.MESSAGE) @Schema(examples = "Director of integrated care")
        String currentRole,
        @JsonDeserialize(using = OrganisationView.Code.class)
        @Schema(description = "The leader's own organisation: its code (GET /api/organisations finds it) or the object a GET gives; optional",
                examples = "RK5") String organisation,
        @Size(max = 2000) @Schema(description = "What the leader is doing now") String doingNow,
        @PastOrPresent LocalDate doingNowAsOf,
        @NotBlank @JsonDeserialize(using = PlaceView.Code.class)
        @Schema(description = "Upper-tier local authority or ICB code (or the object a GET gives)", examples = "E10000024") String homeArea,
        @Schema(description = "The sector the leader works in: a code of GET /api/vocabularies/sectors; optional, null for none",
                examples = "local-government") String sector,
        @Valid MentoringInput mentoring,
        @Schema(description = "public, registered or programme; default registered") String visibility,
        @Valid @Schema(description = "E-mail and phone, replaced together; left out, the stored ones are kept") ContactInput contact,
        @Schema(description = "True for made-up demo people") Boolean illustrative,
        @Schema(description = "The version you read; required on update") Integer version) {

    /**
     * {@code active} (mentees held now) is counted by the service, and the pause has its own operation
     * ({@code PUT /api/leaders/{id}/pause}); sent back from a GET they are ignored.
     */
    @JsonIgnoreProperties({ "active", "pausedUntil", "pauseReason" })
    public record MentoringInput(
            boolean willing,
            @Min(0) @Max(value = 20, message = "must be between 0 and 20 active mentees") int capacity,
            @Size(max = 10) List<@NotBlank String> formats,
            boolean trained,
            @Size(max = 20) @Schema(description = "Organisations not to be matched with, as mentor or learner")
            List<@NotBlank @Size(max = 200) String> conflicts) {
    }

    public record ContactInput(
            @Email @Size(max = 254) String email,
            @Size(max = 40) @Pattern(regexp = "[0-9 +()-]*", message = "may hold only digits, spaces and + ( ) -") String phone) {
    }
}
