package org.joinedup.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
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
import java.util.List;
import org.joinedup.account.AccountRequestService;
import org.joinedup.account.InvitationService;
import org.joinedup.account.LinkPurpose;
import org.joinedup.account.MailAskLimits;
import org.joinedup.account.PasswordResetResource;
import org.joinedup.account.PasswordResetService;
import org.joinedup.platform.ProblemException;
import org.joinedup.platform.Violation;
import org.joinedup.security.AccountService;
import org.joinedup.security.CurrentUser;
import org.joinedup.security.SignIn;
import org.joinedup.security.TokenConfig;
import org.joinedup.security.TokenVerification;

/**
 * The pages of one's own account: claiming an invitation, asking for an account and confirming the
 * address, forgotten and changed passwords. A link that does not work shows one page, whatever
 * the reason, that says what to do next and nothing about any address.
 */
@Path("/account")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class AccountPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance claim(String token, String email, String username, FormErrors errors);

        static native TemplateInstance setPassword(String token, String heading, FormErrors errors);

        static native TemplateInstance message(String heading, List<String> paragraphs, String linkText, String linkHref);

        static native TemplateInstance forgot(String email, FormErrors errors);

        static native TemplateInstance ask(FormValues values, FormErrors errors);

        static native TemplateInstance confirm(String token, String email);

        static native TemplateInstance changePassword(FormErrors errors);
    }

    @Inject
    InvitationService invitations;

    @Inject
    PasswordResetService resets;

    @Inject
    AccountRequestService requests;

    @Inject
    AccountService accounts;

    @Inject
    SignIn signIn;

    @Inject
    CurrentUser user;

    @Inject
    TokenConfig config;

    @Inject
    PageContext page;

    @GET
    @Path("/claim")
    @PermitAll
    public Response claimPage(@QueryParam("token") String token) {
        return invitations.invitedAddress(token).map(email -> form(Templates.claim(token, email, "", FormErrors.NONE)))
                .orElseGet(() -> gone("invitation"));
    }

    @POST
    @Path("/claim")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response claim(MultivaluedMap<String, String> form) {
        page.requireCsrf(form);
        var values = new FormValues(form);
        var token = values.get("token");
        try {
            return invitations.claim(token, values.get("username"), values.get("password"))
                    .map(account -> Pages.html(201, Templates.message("Your profile is yours", List.of("Your account is ready: sign in as "
                            + account.username() + " with the password you chose."), "Sign in", "/account/sign-in?next=/my-work")))
                    .orElseGet(() -> gone("invitation"));
        } catch (ProblemException e) {
            if (e.problem().status() == 409) {
                return Pages.html(409, Templates.message("This profile has an account already", List.of(
                        "Someone has already made an account for this profile. If it is yours, sign in, or reset its password if you have forgotten it."),
                        "Reset a forgotten password", "/account/forgot"));
            }
            var email = invitations.invitedAddress(token).orElse(null);
            if (e.problem().status() != 400 || email == null) {
                throw e;
            }
            return Pages.html(400, Templates.claim(token, email, values.get("username"), errors(e)));
        }
    }

    @GET
    @Path("/forgot")
    @PermitAll
    public Response forgotPage() {
        return form(Templates.forgot("", FormErrors.NONE));
    }

    @POST
    @Path("/forgot")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response forgot(MultivaluedMap<String, String> form) {
        page.requireCsrf(form);
        var email = new FormValues(form).get("email").strip();
        if (email.isEmpty()) {
            return Pages.html(400, Templates.forgot("", new FormErrors(List.of(Violation.body("email",
                    "is needed: the address of your account")), f -> f)));
        }
        resets.request(email, MailAskLimits.clientOf(page.request()));
        // the same page whether or not the address has an account
        return Pages.html(200, Templates.message("Check your mail", List.of(PasswordResetResource.ASKED,
                "Nothing came? Check the address and your junk mail, then ask again. If you never had an account, ask for one."),
                "Ask for an account", "/account/request"));
    }

    @GET
    @Path("/reset")
    @PermitAll
    public Response resetPage(@QueryParam("token") String token) {
        return resets.check(token).map(purpose -> form(Templates.setPassword(token, heading(purpose), FormErrors.NONE)))
                .orElseGet(() -> gone("reset"));
    }

    @POST
    @Path("/reset")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reset(MultivaluedMap<String, String> form) {
        page.requireCsrf(form);
        var values = new FormValues(form);
        var token = values.get("token");
        var purpose = resets.check(token);
        try {
            if (purpose.isEmpty() || !resets.reset(token, values.get("password"))) {
                return gone("reset");
            }
        } catch (ProblemException e) {
            if (e.problem().status() != 400) {
                throw e;
            }
            return Pages.html(400, Templates.setPassword(token, heading(purpose.get()), errors(e)));
        }
        return Response.status(200).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.message("Your password is set", List.of("Sign in with your new password. Every earlier session of your account has ended."),
                        "Sign in", "/account/sign-in").render())
                .cookie(Pages.cookie(TokenVerification.SESSION_COOKIE, "", 0, page.secure())).build();
    }

    @GET
    @Path("/request")
    @PermitAll
    public Response askPage() {
        return form(Templates.ask(FormValues.empty(), FormErrors.NONE));
    }

    @POST
    @Path("/request")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response ask(MultivaluedMap<String, String> form) {
        page.requireCsrf(form);
        var values = new FormValues(form);
        try {
            var asked = requests.ask(values.get("email"), values.get("fullName"), values.get("jobTitle"), values.get("organisation"),
                    MailAskLimits.clientOf(page.request()));
            return Pages.html(202, Templates.message("Check your mail", List.of(asked.next(), asked.domain().explanation()), null, null));
        } catch (ProblemException e) {
            if (e.problem().status() != 400) {
                throw e;
            }
            return Pages.html(400, Templates.ask(values, errors(e)));
        }
    }

    @GET
    @Path("/confirm")
    @PermitAll
    public Response confirmPage(@QueryParam("token") String token) {
        // a page with a button, not a change on GET: mail scanners that open links must not use them up
        return requests.peekConfirmation(token).map(r -> form(Templates.confirm(token, r.email())))
                .orElseGet(() -> gone("confirmation"));
    }

    @POST
    @Path("/confirm")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response confirm(MultivaluedMap<String, String> form) {
        page.requireCsrf(form);
        return requests.confirm(new FormValues(form).get("token"))
                .map(r -> Pages.html(200, Templates.message("Address confirmed", List.of(
                        "Programme staff will look at your request and we will mail you their decision. Until then there is nothing to sign in to.",
                        r.domain().explanation()), null, null)))
                .orElseGet(() -> gone("confirmation"));
    }

    @GET
    @Path("/password")
    @Authenticated
    public Response changePasswordPage() {
        return Pages.html(200, Templates.changePassword(FormErrors.NONE));
    }

    @POST
    @Path("/password")
    @Authenticated
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changePassword(MultivaluedMap<String, String> form) {
        page.requireCsrf(form);
        if (!config.issue()) {
            throw ProblemException.notFound("Page", "/account/password");
        }
        var values = new FormValues(form);
        try {
            var account = accounts.changePassword(user.name(), values.get("currentPassword"), values.get("newPassword"),
                    page.request().remoteAddress() == null ? "unknown" : page.request().remoteAddress().host());
            var token = signIn.reissue(account);
            return Response.seeOther(URI.create(Done.PASSWORD_CHANGED.on("/my-work")))
                    .cookie(Pages.cookie(TokenVerification.SESSION_COOKIE, token.accessToken(), (int) token.expiresIn(), page.secure())).build();
        } catch (ProblemException e) {
            if (e.problem().status() == 429) {
                return Pages.html(429, Templates.changePassword(new FormErrors(List.of(Violation.body("currentPassword",
                        "was wrong too many times: " + e.problem().detail())), f -> f)));
            }
            if (e.problem().status() != 400) {
                throw e;
            }
            return Pages.html(400, Templates.changePassword(errors(e)));
        }
    }

    /** The one page for a link that does not work: never why, never whose. */
    private Response gone(String what) {
        var again = switch (what) {
            case "invitation" -> new String[] { "Ask the programme team to invite you again, or ask for an account yourself.", "Ask for an account",
                    "/account/request" };
            case "confirmation" -> new String[] { "Ask for an account again: we will mail you a new link.", "Ask for an account", "/account/request" };
            default -> new String[] { "Ask for a new link: it works for a short time after you ask.", "Ask for a new link", "/account/forgot" };
        };
        return Pages.html(410, Templates.message("This link does not work", List.of(
                "It may have been used already, replaced by a newer one, or run out of time; links work once, for a limited time.", again[0]),
                again[1], again[2]));
    }

    private static String heading(LinkPurpose purpose) {
        return purpose == LinkPurpose.SET_PASSWORD ? "Set your password" : "Set a new password";
    }

    private static FormErrors errors(ProblemException e) {
        return new FormErrors(e.problem().violations(), f -> f.replaceAll("\\[.*", ""));
    }

    private Response form(TemplateInstance template) {
        return page.formResponse(template);
    }
}
