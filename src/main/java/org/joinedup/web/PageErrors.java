package org.joinedup.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.joinedup.platform.Problem;
import org.joinedup.platform.ProblemException;
import org.joinedup.platform.ProblemMappers;
import org.joinedup.security.TokenVerification;

/**
 * How pages answer what the API answers with problem+json: a page needing sign-in sends the
 * browser to the sign-in page (303), anything else refused or wrong is an HTML page saying why.
 * {@link PageFailures} sends the pages' failures here.
 */
@ApplicationScoped
public class PageErrors {

    private static final Logger LOG = Logger.getLogger(PageErrors.class);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance problem(String title, int status, String detail);
    }

    @Inject
    PageContext page;

    Response problem(ProblemException e) {
        var problem = e.problem();
        if (problem.status() == 401) {
            return Pages.seeOther("/account/sign-in");
        }
        return show(problem);
    }

    /** Not signed in, or the session cookie expired or was tampered with: sign in (again), and come back here. */
    Response denied(RuntimeException e, UriInfo uri) {
        if (e instanceof ForbiddenException) {
            return show(Problem.of("forbidden", "Not allowed", 403, "Your account's role does not allow this page."));
        }
        if (e instanceof AuthenticationFailedException) {
            LOG.debugf("Page session refused: %s", e.getMessage());
        }
        var here = uri.getRequestUri();
        var next = here.getRawPath() + (here.getRawQuery() == null ? "" : "?" + here.getRawQuery());
        var redirect = Response.seeOther(URI.create("/account/sign-in?next=" + Pages.encode(next)));
        if (e instanceof AuthenticationFailedException || e instanceof UnauthorizedException) {
            redirect.cookie(Pages.cookie(TokenVerification.SESSION_COOKIE, "", 0, page.secure()));
        }
        return redirect.build();
    }

    /** A bug or a dependency down while showing a page: an HTML page, never the API's JSON, and no stack trace. */
    Response unexpected(Throwable e) {
        if (ProblemMappers.databaseUnreachable(e)) {
            LOG.warnf("Database unavailable while showing a page: %s", e.getMessage());
            var page = show(Problem.of("database-unavailable", "Service unavailable", 503,
                    "The database is not answering for the moment; nothing was saved. Try again in a few seconds."));
            return Response.fromResponse(page).header("Retry-After", Problem.RETRY_AFTER_SECONDS).build();
        }
        if (ProblemMappers.holdsNul(e)) {
            // a form field holding U+0000, which no check before the database looked for: the sender's mistake, not ours
            return show(Problem.of("invalid-request", "Check what you typed", 400,
                    "A field held a character that cannot be kept (U+0000, NUL); nothing was saved. Go back, remove it and send the form again."));
        }
        var incident = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure on a page, incident %s", incident);
        return show(Problem.of("internal-error", "Something went wrong", 500,
                "The page could not be shown. Quote incident " + incident + " when reporting it."));
    }

    private Response show(Problem problem) {
        return Pages.html(problem.status(), Templates.problem(problem.title(), problem.status(), problem.detail()));
    }
}
