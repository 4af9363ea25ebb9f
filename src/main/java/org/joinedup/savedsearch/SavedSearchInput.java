package org.joinedup.savedsearch;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A search to keep: its name, its parameters and whether to be told weekly of what changes in its results. What GET gave can be sent back. */
@JsonIgnoreProperties({ "id", "summary", "findLink", "createdAt", "updatedAt", "lastAlertedAt" })
public record SavedSearchInput(
        @NotBlank @Size(max = 100) @Schema(description = "Your name for it, unique among your saved searches", examples = "Discharge in the North East")
        String name,
        @NotNull @Schema(description = "The search parameters under the names GET /api/search/leaders takes (q, region, icb, area, service, approach, "
                + "scope, programme, outcome, improved, verification, mentored, sector, recognised, mentoring, near, nearArea, within, likeArea, like, sort), each a text "
                + "or, for a repeatable one, a list of texts; checked as the search checks them (400 naming query.<parameter>). No page or size.",
                examples = "{\"q\": \"discharge\", \"region\": [\"E40000012\"], \"service\": [\"acute\", \"social-care\"]}")
        Map<String, Object> query,
        @Schema(description = "weekly: a mail once a week naming leaders newly matching it or whose matching records changed; never: no mail. "
                + "Default weekly", enumeration = { "weekly", "never" })
        String alerts,
        @Schema(description = "On a change: the version you read (or send its ETag as If-Match)")
        Integer version) {
}
