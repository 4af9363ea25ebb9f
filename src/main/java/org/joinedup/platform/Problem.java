package org.joinedup.platform;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem document; {@code violations} names the offending fields and {@code requestId}
 * is the request's id (see {@link RequestIds}), to quote when reporting it.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "An RFC 9457 problem document (application/problem+json): the body of every error answer")
public record Problem(
        @Schema(required = true, description = "Names the kind of problem; the same for every problem of its kind",
                examples = "https://joinedup.example/problems/invalid-request") String type,
        @Schema(required = true, description = "The kind of problem in a few words", examples = "Invalid request") String title,
        @Schema(required = true, description = "The HTTP status", examples = "400") int status,
        @Schema(required = true, description = "What was wrong with this request", examples = "scope: is not a known scope") String detail,
        @Schema(description = "The path of the request", examples = "/api/leaders/1/records") String instance,
        @Schema(description = "Each offending field, when the request was invalid") List<Violation> violations,
        @Schema(required = true, description = "The request's id, also sent as the X-Request-Id header: quote it when reporting a problem")
        String requestId) {

    public static final String MEDIA_TYPE = "application/problem+json";
    /** Sent as Retry-After with every 503: a dependency is down and the client should come back. */
    public static final int RETRY_AFTER_SECONDS = 10;
    static final String TYPE_BASE = "https://joinedup.example/problems/";

    public static Problem of(String slug, String title, int status, String detail) {
        return new Problem(TYPE_BASE + slug, title, status, detail, null, List.of(), RequestIds.current());
    }

    public Problem withViolations(List<Violation> list) {
        return new Problem(type, title, status, detail, instance, list, requestId);
    }

    public Problem at(String path) {
        return new Problem(type, title, status, detail, path, violations, requestId);
    }
}
