package org.joinedup.platform;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One thing wrong with a request: which field, where it came from, why, and what would be accepted. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Violation(
        @Schema(required = true, description = "The field, with its path inside the body", examples = "outcomes[0].metric") String field,
        @Schema(required = true, description = "Where the field was sent: body or query", examples = "body") String in,
        @Schema(required = true, description = "Why it was refused", examples = "is not a known outcome metric") String message,
        @Schema(description = "The values accepted, where there is a list") List<String> allowed) {

    public static Violation body(String field, String message) {
        return new Violation(field, "body", message, List.of());
    }

    public static Violation body(String field, String message, List<String> allowed) {
        return new Violation(field, "body", message, allowed);
    }

    public static Violation query(String field, String message) {
        return new Violation(field, "query", message, List.of());
    }

    public static Violation header(String name, String message) {
        return new Violation(name, "header", message, List.of());
    }
}
