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
import org.joinedup.platform.ProblemException;
import org.joinedup.recognition.PublicNominations;

/**
 * Where the link mailed to someone who nominated without an account lands (docs/recognition.md,
 * "Nominations"): a page with a button, not a change on GET, so a mail scanner that opens links
 * does not confirm for them; the button confirms.
 */
@Path(PublicNominations.CONFIRM_PAGE)
@PermitAll
@Blocking
public class NominationConfirmPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance confirm(String token, PublicNominations.Unconfirmed nomination);

        static native TemplateInstance outcome(String heading, String text);
    }

    @Inject
    PublicNominations nominations;

    @Inject
    PageContext page;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response show(@QueryParam("token") String token) {
        return nominations.peek(token).map(n -> page.formResponse(Templates.confirm(token, n))).orElseGet(NominationConfirmPages::gone);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response confirm(MultivaluedMap<String, String> form) {
        page.requireCsrf(form);
        try {
            return nominations.confirm(new FormValues(form).get("token"))
                    .map(n -> Pages.html(200, Templates.outcome("Nomination confirmed",
                            "Thank you. Your nomination counts now: the round's judges will read it beside the nominee's records.")))
                    .orElseGet(NominationConfirmPages::gone);
        } catch (ProblemException e) {
            if (e.problem().status() != 409) {
                throw e;
            }
            return Pages.html(409, Templates.outcome("Nominations have closed",
                    "This round no longer takes nominations, so the nomination cannot be confirmed; it will be deleted."));
        }
    }

    /** The one answer for a link that does not work: never why, never whose. */
    private static Response gone() {
        return Pages.html(410, Templates.outcome("This link does not work",
                "It may have been used already, replaced by a newer one, or run out of time; links work once, for a limited time."));
    }
}
