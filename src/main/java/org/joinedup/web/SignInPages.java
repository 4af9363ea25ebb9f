package org.joinedup.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Locale;
import org.joinedup.platform.ProblemException;
import org.joinedup.security.AccountView;
import org.joinedup.security.CurrentUser;
import org.joinedup.security.SignIn;
import org.joinedup.security.SignedOutTokens;
import org.joinedup.security.Roles;
import org.joinedup.security.TokenConfig;
import org.joinedup.security.TokenVerification;

/** Sign in with a username and password (the same accounts, checks and limit as POST /api/auth/token), and out. */
@Path("/account")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class SignInPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signIn(String next, String username, String error);
    }

    @Inject
    SignIn signIn;

    @Inject
    TokenConfig config;

    @Inject
    PageContext page;

    @Inject
    CurrentUser user;

    @Inject
    SignedOutTokens signedOut;

    @GET
    @Path("/sign-in")
    @PermitAll
    public Response signInPage(@QueryParam("next") String next) {
        var presession = page.presessionCookie();
        var response = Response.ok(Templates.signIn(Pages.localPath(next, ""), "", null).render(), MediaType.TEXT_HTML_TYPE);
        return (presession == null ? response : response.cookie(presession)).build();
    }

    @POST
    @Path("/sign-in")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(MultivaluedMap<String, String> form) {
        page.requireCsrf(form);
        var next = Pages.localPath(form.getFirst("next"), "");
        var username = value(form, "username").strip().toLowerCase(Locale.ROOT);
        var password = value(form, "password");
        if (username.isEmpty() || password.isEmpty()) {
            return Pages.html(400, Templates.signIn(next, username, "Enter your username and password"));
        }
        if (!config.issue()) {
            return Pages.html(404, Templates.signIn(next, username, "Sign-in happens at your organisation's identity provider here"));
        }
        var outcome = signIn.attempt(username, password, page.request());
        if (outcome instanceof SignIn.Delayed delayed) {
            return Pages.html(429, Templates.signIn(next, username,
                    "Too many sign-in attempts. Try again in " + delayed.seconds() + " seconds"));
        }
        if (!(outcome instanceof SignIn.SignedIn signedIn)) {
            return Pages.html(401, Templates.signIn(next, username, "The username or password is not right"));
        }
        var token = signedIn.token();
        var session = Pages.cookie(TokenVerification.SESSION_COOKIE, token.accessToken(), (int) token.expiresIn(), page.secure());
        var gone = Pages.cookie(PageContext.PRESESSION_COOKIE, "", 0, page.secure());
        return Response.seeOther(URI.create(next.isEmpty() ? home(signedIn.account()) : next)).cookie(session, gone).build();
    }

    @POST
    @Path("/sign-out")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signOut(MultivaluedMap<String, String> form) {
        page.requireCsrf(form);
        // the session's token stops working too, not only the browser's copy of it
        user.token().ifPresent(signedOut::signOut);
        return Response.seeOther(URI.create("/find?signedOut=true"))
                .cookie(Pages.cookie(TokenVerification.SESSION_COOKIE, "", 0, page.secure())).build();
    }

    private static String home(AccountView account) {
        if (account.roles().contains(Roles.LEADER)) {
            return "/my-work";
        }
        return account.roles().contains(Roles.PROGRAMME) ? "/programme" : "/find";
    }

    private static String value(MultivaluedMap<String, String> form, String name) {
        var value = form.getFirst(name);
        return value == null ? "" : value;
    }
}
