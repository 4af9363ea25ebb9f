package org.joinedup.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a path or query value holding the NUL character (%00) before any resource sees it, with
 * the parameter named: PostgreSQL cannot store or compare such text, so it was a 500 wherever a
 * value reached a query. Bodies are checked where they are read ({@link StrictJson}).
 */
public class NulInAddress {

    @Inject
    ObjectMapper json;

    @ServerRequestFilter(preMatching = true)
    public Response check(ContainerRequestContext request) {
        var uri = request.getUriInfo();
        var violations = new ArrayList<Violation>();
        if (uri.getPath(true).indexOf('\0') >= 0) {
            violations.add(new Violation("path", "path", "must not contain the NUL character (%00)", List.of()));
        }
        uri.getQueryParameters(true).forEach((name, values) -> {
            if (name.indexOf('\0') >= 0 || values.stream().anyMatch(v -> v.indexOf('\0') >= 0)) {
                violations.add(Violation.query(name.replace("\0", ""), "must not contain the NUL character (%00)"));
            }
        });
        if (violations.isEmpty()) {
            return null;
        }
        var problem = ProblemException.invalid(violations).problem().at(uri.getRequestUri().getRawPath());
        try {
            return Response.status(400).type(Problem.MEDIA_TYPE).entity(json.writeValueAsString(problem)).build();
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
