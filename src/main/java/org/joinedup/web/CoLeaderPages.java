package org.joinedup.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.joinedup.integration.CoLeadService;
import org.joinedup.integration.CoLeaderInput;
import org.joinedup.integration.CoLeaderView;
import org.joinedup.integration.IntegrationRecordService;
import org.joinedup.integration.RecordView;
import org.joinedup.platform.ProblemException;
import org.joinedup.platform.Violation;
import org.joinedup.security.CurrentUser;
import org.joinedup.vocabulary.VocabularyItem;
import org.joinedup.vocabulary.VocabularyKind;

/**
 * Whoever may edit a record names the people who led it with its leader (docs/co-led-records.md): a
 * leader of the registry by id, or a person not in it by name and address, each with a role. The
 * same service as the API decides; this class turns form fields into a {@link CoLeaderInput} and
 * the service's refusals into words beside their fields.
 */
@Path("/my-work/records/{id}/co-leaders")
@Authenticated
@Blocking
public class CoLeaderPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance coLeaders(RecordView record, List<CoLeaderView> coLeaders, List<VocabularyItem> roles, FormValues values,
                FormErrors errors, String done);
    }

    @Inject
    CoLeadService coLeads;

    @Inject
    IntegrationRecordService records;

    @Inject
    CurrentUser user;

    @Inject
    Labels labels;

    @Inject
    PageContext page;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response show(@PathParam("id") long id, @QueryParam("done") String done) {
        return Pages.html(200, render(id, FormValues.empty(), FormErrors.NONE, done));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response invite(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        page.requireCsrf(form);
        var values = new FormValues(form);
        var leaderId = values.get("leaderId").strip();
        if (!leaderId.isEmpty() && !leaderId.matches("\\d{1,15}")) {
            return Pages.html(400, render(id, values, errors(List.of(Violation.body("leaderId",
                    "give the leader's number, as in the address of their profile (/leaders/42 is 42)"))), null));
        }
        var input = new CoLeaderInput(leaderId.isEmpty() ? null : Long.valueOf(leaderId), blankToNull(values.get("name")),
                blankToNull(values.get("email")), null, blankToNull(values.get("role")));
        try {
            var invited = coLeads.invite(id, input).orElseThrow(() -> ProblemException.notFound("Record", id));
            return Pages.seeOther("/my-work/records/" + id + "/co-leaders?done=" + invited.leaderId());
        } catch (ProblemException e) {
            int status = e.problem().status();
            // the leader named is not there (or hidden): the service names the field; a missing record stays a 404 page
            boolean leaderNotFound = status == 404 && e.problem().violations().stream().anyMatch(v -> "leaderId".equals(v.field()));
            if (status != 400 && status != 409 && !leaderNotFound) {
                throw e;
            }
            var problems = e.problem().violations().isEmpty() ? List.of(Violation.body("role", e.problem().detail())) : e.problem().violations();
            return Pages.html(status == 409 ? 409 : 400, render(id, values, errors(problems), null));
        }
    }

    @POST
    @Path("/{leaderId}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response remove(@PathParam("id") long id, @PathParam("leaderId") long leaderId, MultivaluedMap<String, String> form) {
        page.requireCsrf(form);
        if (!coLeads.remove(id, leaderId)) {
            throw ProblemException.notFound("Co-leader", leaderId);
        }
        return Pages.seeOther("/my-work/records/" + id + "/co-leaders");
    }

    /** The page is for whoever may edit the record; anyone else who may see it gets a 403, as the API's invitation does. */
    private TemplateInstance render(long id, FormValues values, FormErrors errors, String done) {
        var record = records.find(id).orElseThrow(() -> ProblemException.notFound("Record", id));
        if (!user.mayEditFor(record.leaderId())) {
            throw ProblemException.forbidden("only whoever may edit record " + id + " names the people who led it with its leader");
        }
        var coLeaders = coLeads.of(id).orElseThrow(() -> ProblemException.notFound("Record", id));
        return Templates.coLeaders(record, coLeaders, labels.items(VocabularyKind.ROLES),
                values, errors, done);
    }

    private static FormErrors errors(List<Violation> problems) {
        return new FormErrors(problems, field -> field);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
