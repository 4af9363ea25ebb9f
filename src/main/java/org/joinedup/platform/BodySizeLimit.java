package org.joinedup.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses request bodies over 1 MB with problem+json, and import files over
 * joinedup.import.max-size, when their length is announced. The HTTP layer's own limit
 * (quarkus.http.limits.max-body-size, set higher than both) stays as a backstop, answering without a body.
 */
public class BodySizeLimit {

    public static final long MAX_BYTES = 1_048_576;
    /** Paths whose feature takes larger bodies and counts them against its own limit while reading (the bulk import). */
    static final List<String> OWN_LIMIT = List.of("/api/admin/imports", "/programme/import");

    @Inject
    ObjectMapper json;

    /** The bulk import's own limit, which its paths are held to here when the length is announced. */
    @ConfigProperty(name = "joinedup.import.max-size")
    MemorySize importLimit;

    @ServerRequestFilter(preMatching = true)
    public Response check(ContainerRequestContext request) {
        var length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        var path = request.getUriInfo().getPath();
        boolean ownLimit = OWN_LIMIT.stream().anyMatch(path::startsWith);
        long limit = ownLimit ? importLimit.asLongValue() : MAX_BYTES;
        if (length != null && length.chars().allMatch(Character::isDigit) && length.length() < 19 && Long.parseLong(length) > limit) {
            var detail = ownLimit ? "the file is over " + megabytes(limit) + " (joinedup.import.max-size); split it"
                    : "the request body is over 1 MB";
            var problem = Problem.of("too-large", "Request too large", 413, detail).at(path);
            try {
                return Response.status(413).type(Problem.MEDIA_TYPE).entity(json.writeValueAsString(problem)).build();
            } catch (JsonProcessingException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
        // a body sent without a length is counted while it is read: by the import itself, or the HTTP layer's backstop
        return null;
    }

    private static String megabytes(long bytes) {
        return (bytes / 1_048_576) + " MB";
    }
}
