package org.joinedup.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;
import org.joinedup.platform.Problem;
import org.joinedup.security.TokenVerification;

/**
 * The JSON API also accepts the pages' session cookie, and a browser sends that cookie with any
 * request another site makes it send. So an API call that changes something and authenticates by
 * the cookie must carry this session's form token in {@value #HEADER}, as page forms carry it in a
 * field; calls with a bearer header (and no session cookie) are not affected. Checked on the matched
 * resource, so no spelling of the path slips past, and before any body is read.
 */
public class ApiCsrfCheck {

    public static final String HEADER = "X-CSRF-Token";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @Inject
    CsrfTokens tokens;

    @Inject
    ObjectMapper json;

    @ServerRequestFilter
    public Response check(ContainerRequestContext request, SimpleResourceInfo resource) {
        if (SAFE.contains(request.getMethod()) || !isApi(resource)) {
            return null;
        }
        var session = request.getCookies().get(TokenVerification.SESSION_COOKIE);
        if (session == null || session.getValue().isEmpty() || tokens.matches(session.getValue(), request.getHeaderString(HEADER))) {
            return null;
        }
        var problem = Problem.of("forbidden", "Forbidden", 403, "a call signed in by the session cookie must carry the page's form token in the "
                + HEADER + " header; API clients send Authorization: Bearer instead").at(request.getUriInfo().getPath());
        try {
            return Response.status(403).type(Problem.MEDIA_TYPE).entity(json.writeValueAsString(problem)).build();
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static boolean isApi(SimpleResourceInfo resource) {
        var path = resource == null || resource.getResourceClass() == null ? null : resource.getResourceClass().getAnnotation(Path.class);
        return path != null && path.value().startsWith("/api");
    }
}
