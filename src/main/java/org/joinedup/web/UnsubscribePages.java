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
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import org.jboss.resteasy.reactive.RestForm;
import org.joinedup.mail.MailKind;
import org.joinedup.mail.MailPreferences;
import org.joinedup.mail.UnsubscribeTokens;
import org.joinedup.platform.ProblemException;
import org.joinedup.platform.Violation;

/**
 * The unsubscribe link of a mail. GET only shows a button (mail scanners follow links; a link alone
 * must change nothing); POST with the body List-Unsubscribe=One-Click (RFC 8058: what a mail client's
 * own unsubscribe button sends, and what the button here sends) turns that kind off. The signed token
 * is the whole authority: no sign-in, no form token, and a forged or altered one changes nothing.
 */
@Path("/mail/unsubscribe")
@Blocking
@PermitAll
public class UnsubscribePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance confirm(String token, String what);

        static native TemplateInstance done(String what);
    }

    @Inject
    UnsubscribeTokens tokens;

    @Inject
    MailPreferences preferences;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response confirm(@QueryParam("token") String token) {
        var unsubscribe = read(token);
        return Pages.html(200, Templates.confirm(token, what(unsubscribe.kind())));
    }

    /** RFC 8058 shows the body as multipart/form-data; mail clients and the page's form also send it urlencoded. */
    @POST
    @Consumes({ MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA })
    @Produces(MediaType.TEXT_HTML)
    public Response unsubscribe(@QueryParam("token") String token, @RestForm("List-Unsubscribe") String oneClick) {
        var unsubscribe = read(token);
        if (!"One-Click".equals(oneClick)) {
            throw ProblemException.invalid(Violation.body("List-Unsubscribe", "must be One-Click (RFC 8058)"));
        }
        preferences.unsubscribe(unsubscribe.accountId(), unsubscribe.kind());
        return Pages.html(200, Templates.done(what(unsubscribe.kind())));
    }

    private UnsubscribeTokens.Unsubscribe read(String token) {
        return tokens.read(token).orElseThrow(() -> ProblemException.invalid(Violation.query("token",
                "this unsubscribe link is not valid: it may have been cut short or altered. Copy the whole link from the mail, "
                        + "or sign in and choose your mails under My work")));
    }

    private static String what(MailKind kind) {
        return kind == MailKind.DIGEST ? "the weekly digest (every kind you chose to get weekly)" : "mail about " + kind.label().toLowerCase(Locale.ROOT);
    }
}
