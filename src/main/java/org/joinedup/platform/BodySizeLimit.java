package org.joinedup.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses request bodies over 1 MB with problem+json. The HTTP layer's own limit
 * (quarkus.http.limits.max-body-size, set higher) stays as a backstop for bodies sent without a
 * length, but answers without a body.
 */
public class BodySizeLimit {

    public static final long MAX_BYTES = 1_048_576;
    /** Paths whose feature takes larger bodies and counts them against its own limit while reading (the bulk import). */
    static final List<String> OWN_LIMIT = List.of("/api/admin/imports", "/programme/import");

    @Inject
    ObjectMapper json;

    @ServerRequestFilter(preMatching = true)
    public Response check(ContainerRequestContext request) {
        var length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        var path = request.getUriInfo().getPath();
        if (OWN_LIMIT.stream().anyMatch(path::startsWith)) {
            return null;
        }
        if (length != null && length.chars().allMatch(Character::isDigit) && length.length() < 19 && Long.parseLong(length) > MAX_BYTES) {
            var problem = Problem.of("too-large", "Request too large", 413, "the request body is over 1 MB").at(request.getUriInfo().getPath());
            try {
                return Response.status(413).type(Problem.MEDIA_TYPE).entity(json.writeValueAsString(problem)).build();
            } catch (JsonProcessingException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
        return null;
    }
}
