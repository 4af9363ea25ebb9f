package org.joinedup.web;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.NewCookie;
import java.security.SecureRandom;
import java.util.Base64;
import org.joinedup.platform.ProblemException;
import org.joinedup.security.CurrentUser;
import org.joinedup.security.Roles;
import org.joinedup.security.TokenVerification;

/**
 * What every page needs to know about the request: who is signed in (for the header and which
 * links show) and the form token. Templates reach it as {@code inject:page}.
 */
@Named("page")
@RequestScoped
public class PageContext {

    static final String PRESESSION_COOKIE = "joinedup-presession";
    static final String CSRF_FIELD = "csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    CurrentUser user;

    @Inject
    CurrentVertxRequest http;

    @Inject
    CsrfTokens tokens;

    private String newPresession;

    public boolean signedIn() {
        return user.signedIn();
    }

    public String username() {
        return user.name();
    }

    public boolean leader() {
        return signedIn() && user.leaderId().isPresent();
    }

    public boolean staff() {
        return signedIn() && user.isStaff();
    }

    public boolean admin() {
        return signedIn() && user.has(Roles.ADMIN);
    }

    public boolean commissioner() {
        return signedIn() && user.has(Roles.COMMISSIONER);
    }

    /** The hidden form field every page form that changes something carries. */
    public String csrf() {
        return tokens.token(binding());
    }

    /** Refuses a form whose token was not made for this browser's session (403). */
    public void requireCsrf(MultivaluedMap<String, String> form) {
        requireCsrf(form.getFirst(CSRF_FIELD));
    }

    /** The same for a form whose fields are read one by one (a multipart upload): {@code given} is its csrf field. */
    public void requireCsrf(String given) {
        if (!tokens.matches(binding(), given)) {
            throw ProblemException.forbidden("this form was not sent from a JoinedUp page in this session; go back, reload the page and try again");
        }
    }

    /** A pre-session cookie for the sign-in form's token, when the browser has none yet; null when it has. */
    /** A form for someone maybe not signed in: the pre-session cookie its CSRF token is made from comes first, then the page. */
    Response formResponse(TemplateInstance template) {
        return formResponse(200, template);
    }

    Response formResponse(int status, TemplateInstance template) {
        var presession = presessionCookie();
        var response = Response.status(status).entity(template.render()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
        return (presession == null ? response : response.cookie(presession)).build();
    }

    NewCookie presessionCookie() {
        if (cookie(PRESESSION_COOKIE) != null || cookie(TokenVerification.SESSION_COOKIE) != null) {
            return null;
        }
        var bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        newPresession = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return Pages.cookie(PRESESSION_COOKIE, newPresession, -1, secure());
    }

    /** Over TLS here, or at a trusted TLS-terminating proxy that forwarded the scheme (quarkus.http.proxy.*). */
    boolean secure() {
        return http.getCurrent() != null && (http.getCurrent().request().isSSL() || "https".equals(http.getCurrent().request().scheme()));
    }

    HttpServerRequest request() {
        return http.getCurrent().request();
    }

    private String binding() {
        var session = cookie(TokenVerification.SESSION_COOKIE);
        if (session != null) {
            return session;
        }
        return newPresession != null ? newPresession : cookie(PRESESSION_COOKIE);
    }

    private String cookie(String name) {
        var current = http.getCurrent();
        var cookie = current == null ? null : current.request().getCookie(name);
        return cookie == null || cookie.getValue().isEmpty() ? null : cookie.getValue();
    }
}
