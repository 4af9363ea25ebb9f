package org.joinedup.web;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;
import org.joinedup.platform.ProblemException;
import org.joinedup.platform.ProblemMappers;

/**
 * Failures on the pages (the resources of this package) answer as pages, through {@link PageErrors};
 * everywhere else the API's problem+json mappers answer, as if this class were not here. One place
 * instead of two mappers in every page class.
 */
public class PageFailures {

    @Inject
    PageErrors pages;

    @Inject
    ProblemMappers api;

    @ServerExceptionMapper(priority = Priorities.USER - 1)
    Response problem(ProblemException e, SimpleResourceInfo resource) {
        return isPage(resource) ? pages.problem(e) : api.problem(e);
    }

    @ServerExceptionMapper(value = { UnauthorizedException.class, AuthenticationFailedException.class, ForbiddenException.class },
            priority = Priorities.USER - 1)
    Response denied(RuntimeException e, SimpleResourceInfo resource, UriInfo uri) {
        if (isPage(resource)) {
            return pages.denied(e, uri);
        }
        return e instanceof ForbiddenException forbidden ? api.forbidden(forbidden) : api.unauthenticated(e);
    }

    /** Whatever no other mapper expects: the pages' error page, or the API's incident problem. */
    @ServerExceptionMapper(priority = Priorities.USER - 1)
    Response unexpected(Throwable e, SimpleResourceInfo resource) {
        return isPage(resource) ? pages.unexpected(e) : api.unexpected(e);
    }

    private static boolean isPage(SimpleResourceInfo resource) {
        return resource != null && resource.getResourceClass() != null
                && resource.getResourceClass().getPackageName().equals(PageFailures.class.getPackageName());
    }
}
