package org.joinedup.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.joinedup.platform.ExpectedVersion;
import org.joinedup.platform.ProblemException;
import org.joinedup.platform.Violation;
import org.joinedup.recognition.RoundService;
import org.joinedup.recognition.RoundView;
import org.joinedup.security.Roles;

/**
 * Changing a round on a page, for programme staff and admins (whom PUT /api/rounds/{id} lets): the
 * round's fields filled in with the version they were read at, saved through the API's update, so a
 * change someone made meanwhile is refused rather than overwritten, and the phase rules hold.
 */
@Path("/rounds")
@Blocking
public class RoundEditPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance edit(RoundView round, RoundForm.Fields form, List<String> visibilities, boolean fixed, FormErrors errors);
    }

    @Inject
    RoundService rounds;

    @Inject
    PageContext page;

    @GET
    @Path("/{id}/edit")
    @RolesAllowed({ Roles.PROGRAMME, Roles.ADMIN })
    @Produces(MediaType.TEXT_HTML)
    public Response form(@PathParam("id") long id) {
        var round = find(id);
        return Pages.html(200, render(round, RoundForm.of(round), FormErrors.NONE));
    }

    @POST
    @Path("/{id}/edit")
    @RolesAllowed({ Roles.PROGRAMME, Roles.ADMIN })
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response save(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        page.requireCsrf(form);
        var typed = RoundForm.read(new FormValues(form));
        try {
            // the version the form was read at, as a body version is for the API: a stale one is a 409, nothing written
            rounds.update(id, typed.input(), ExpectedVersion.fromBody(typed.input().version()))
                    .orElseThrow(() -> ProblemException.notFound("Round", id));
            typed.requireParsed();
            return Pages.seeOther(Done.ROUND_CHANGED.on("/rounds/" + id));
        } catch (ProblemException e) {
            var status = e.problem().status();
            if (status != 400 && status != 409) {
                throw e;
            }
            var errors = status == 400 ? typed.errors(e) : RoundForm.errorsOf(List.of(refusal(e)));
            return Pages.html(status, render(find(id), typed.fields(), errors));
        }
    }

    private RoundView find(long id) {
        return rounds.find(id).orElseThrow(() -> ProblemException.notFound("Round", id));
    }

    private static TemplateInstance render(RoundView round, RoundForm.Fields fields, FormErrors errors) {
        // criteria and judges are the service's to refuse once nominations open; the form shows them without boxes then
        return Templates.edit(round, fields, RoundForm.LIST_VISIBILITIES, !"scheduled".equals(round.phase()), errors);
    }

    /** A 409 in words beside what it concerns: a stale version, or what the round's phase no longer allows. */
    private static Violation refusal(ProblemException e) {
        if (e.problem().violations().stream().anyMatch(v -> v.field().equals("version"))) {
            return Violation.body("name", "this round was changed by someone else since you opened this page, so nothing was saved: "
                    + "open the page again to see their change, then make yours");
        }
        var detail = e.problem().detail();
        var field = detail.contains("criteria") ? "criteria" : detail.contains("judges") ? "judges" : detail.contains("dates") ? "nominationsOpenOn" : "name";
        return Violation.body(field, "this change is refused: " + detail);
    }
}
