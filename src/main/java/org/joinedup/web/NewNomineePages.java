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
import org.joinedup.platform.ProblemException;
import org.joinedup.platform.Violation;
import org.joinedup.recognition.NominationInput;
import org.joinedup.recognition.NominationService;
import org.joinedup.recognition.RoundService;
import org.joinedup.recognition.RoundView;
import org.joinedup.security.Roles;
import org.joinedup.vocabulary.Geography;

/**
 * Nominating someone not in the registry from a round's page: their name, mail address, home area and
 * role with the reasons. The API's nomination call does the work (adds them for programme staff to see
 * and invites them), so its rules hold here; this class turns fields into the input and violations into
 * words beside their fields. Signed in only: the API takes a new person from an account, never from the public.
 */
@Path("/rounds")
@Blocking
public class NewNomineePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(RoundView round, FormValues values, List<RecordPages.AreaGroup> areaGroups, FormErrors errors);
    }

    @Inject
    RoundService rounds;

    @Inject
    NominationService nominations;

    @Inject
    Geography geography;

    @Inject
    PageContext page;

    @GET
    @Path("/{id}/nominate-someone-new")
    @RolesAllowed({ Roles.LEADER, Roles.COMMISSIONER, Roles.PROGRAMME, Roles.ADMIN })
    @Produces(MediaType.TEXT_HTML)
    public Response form(@PathParam("id") long id) {
        var round = nominating(id);
        return Pages.html(200, Templates.form(round, FormValues.empty(), RecordPages.areaGroups(geography), FormErrors.NONE));
    }

    @POST
    @Path("/{id}/nominate-someone-new")
    @RolesAllowed({ Roles.LEADER, Roles.COMMISSIONER, Roles.PROGRAMME, Roles.ADMIN })
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response nominate(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        page.requireCsrf(form);
        // the round as the caller may see it; its phase is the service's to check, as for the API
        var round = find(id);
        var values = new FormValues(form);
        // sent as typed, empty included: the service then names each missing field, not the nominee as a whole
        var nominee = new NominationInput.Nominee(null, values.get("nominee-name").strip(), values.get("nominee-email").strip(),
                values.get("nominee-homeArea").strip(), values.get("nominee-currentRole").strip());
        try {
            nominations.nominate(id, new NominationInput(nominee, RoundPages.reasons(round, values), null, null))
                    .orElseThrow(() -> ProblemException.notFound("Round", id));
            return Pages.seeOther(Done.NOMINATED_SOMEONE_NEW.on("/rounds/" + id) + "#mine");
        } catch (ProblemException e) {
            var status = e.problem().status();
            if (status != 400 && status != 409) {
                throw e;
            }
            var problems = status == 400 ? e.problem().violations() : List.of(conflict(e.problem().detail()));
            var errors = new FormErrors(problems, f -> fieldOf(f, round));
            return Pages.html(400, Templates.form(round, values, RecordPages.areaGroups(geography), errors));
        }
    }

    /** The round, if the caller may see it and it takes nominations today (else 404 or 409, as the API says). */
    private RoundView nominating(long id) {
        var round = find(id);
        if (!"nominating".equals(round.phase())) {
            throw ProblemException.conflict("round " + id + " is " + round.phase() + ": nominations are taken from " + round.nominationsOpenOn()
                    + " to " + round.nominationsCloseOn());
        }
        return round;
    }

    private RoundView find(long id) {
        return rounds.find(id).orElseThrow(() -> ProblemException.notFound("Round", id));
    }

    /** A 409 beside the mail address when an account has it already (the invitation cannot go there), else beside the name. */
    private static Violation conflict(String detail) {
        var field = detail != null && detail.contains("mail address") ? "nominee.email" : "nominee.name";
        return Violation.body(field, "this nomination is refused: " + detail);
    }

    /** "nominee.email" belongs to the box "nominee-email"; "nominee" (neither leader nor person) to the name; reasons to their boxes. */
    private static String fieldOf(String field, RoundView round) {
        var reason = RoundPages.reasonFieldOf(field, round);
        if (reason != null) {
            return reason;
        }
        return field.startsWith("nominee.") ? field.replace('.', '-') : "nominee-name";
    }
}
