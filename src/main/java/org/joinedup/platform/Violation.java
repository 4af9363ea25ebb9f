package org.joinedup.platform;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** One thing wrong with a request: which field, where it came from, why, and what would be accepted. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Violation(String field, String in, String message, List<String> allowed) {

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
