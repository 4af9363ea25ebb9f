package org.joinedup.platform;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem document; {@code violations} names the offending fields and {@code requestId}
 * is the request's id (see {@link RequestIds}), to quote when reporting it.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<Violation> violations,
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
