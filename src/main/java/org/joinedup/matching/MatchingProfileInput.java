package org.joinedup.matching;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A programme's matching profile as staff send it; the shape a GET gives is accepted as it is (read-only fields
 * ignored). Weights are checked by the service, so that a bad one is named: a part left out keeps the default's weight.
 */
@JsonIgnoreProperties({ "programme", "programmeLabel", "builtIn", "updatedAt" })
public record MatchingProfileInput(
        @Size(max = 20) @Schema(description = "Weight 0 to 10 (whole numbers) by part of the score; a part left out takes the default's "
                + "weight (5, or 0 for role, words and place)", examples = "{\"services\": 8, \"distance\": 2, \"role\": 5}") Map<String, Double> weights,
        @Size(max = 10) @Schema(description = "Musts: same-region, trained, verified-record, approach-in-common") List<String> musts,
        @Schema(description = "The version you read (0 for a programme still on the default); or send its ETag as If-Match") Integer version) {
}
