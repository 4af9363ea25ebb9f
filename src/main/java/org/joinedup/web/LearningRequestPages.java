package org.joinedup.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.joinedup.leader.LeaderService;
import org.joinedup.matching.LearningRequestInput;
import org.joinedup.matching.LearningRequestService;
import org.joinedup.platform.ExpectedVersion;
import org.joinedup.platform.ProblemException;
import org.joinedup.platform.Violation;
import org.joinedup.security.CurrentUser;
import org.joinedup.security.Roles;
import org.joinedup.vocabulary.Geography;
import org.joinedup.vocabulary.VocabularyItem;
import org.joinedup.vocabulary.VocabularyKind;

/** A leader asks to learn (a learning request, matched on My work) or withdraws a request. */
@Path("/my-work/learning-requests")
@RolesAllowed(Roles.LEADER)
@Blocking
public class LearningRequestPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(FormValues values, FormErrors errors, Choices choices);
    }

    public record Choices(List<VocabularyItem> services, List<VocabularyItem> approaches, List<VocabularyItem> scopes,
            List<VocabularyItem> formats, List<RecordPages.AreaGroup> areaGroups, List<VocabularyItem> programmes) {
    }

    @Inject
    LearningRequestService requests;

    @Inject
    LeaderService leaders;

    @Inject
    CurrentUser user;

    @Inject
    Labels labels;

    @Inject
    Geography geography;

    @Inject
    Validator validator;

    @Inject
    PageContext page;

    @GET
    @Path("/new")
    @Produces(MediaType.TEXT_HTML)
    public Response newRequest() {
        // where the learner works is most often where they live
        var home = leaders.find(learnerId()).map(l -> l.homeArea() == null ? null : l.homeArea().code()).orElse(null);
        return Pages.html(200, Templates.form(FormValues.empty().put("area", home), FormErrors.NONE, choices()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response create(MultivaluedMap<String, String> form) {
        page.requireCsrf(form);
        var values = new FormValues(form);
        var need = values.get("need").strip();
        var input = new LearningRequestInput(learnerId(), values.get("area"), values.all("services"), values.all("approaches"),
                values.get("scope").isBlank() ? null : values.get("scope"), values.all("formats"), need.isEmpty() ? null : need, null,
                values.get("programme").isBlank() ? null : values.get("programme"));
        var problems = new ArrayList<Violation>(RecordForm.violations(validator.validate(input)));
        if (problems.isEmpty()) {
            try {
                requests.create(input);
                return Pages.seeOther(Done.REQUEST_SAVED.on("/my-work"));
            } catch (ProblemException e) {
                if (e.problem().status() != 400) {
                    throw e;
                }
                problems.addAll(e.problem().violations());
            }
        }
        return Pages.html(400, Templates.form(values, new FormErrors(problems, field -> field.replaceAll("\\[.*", "")), choices()));
    }

    @POST
    @Path("/{id}/withdraw")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response withdraw(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        page.requireCsrf(form);
        requests.withdraw(id, ExpectedVersion.ANY).orElseThrow(() -> ProblemException.notFound("Learning request", id));
        return Pages.seeOther(Done.REQUEST_WITHDRAWN.on("/my-work"));
    }

    private long learnerId() {
        return user.leaderId().orElseThrow(() -> ProblemException.forbidden("this account is not a leader's"));
    }

    private Choices choices() {
        return new Choices(labels.items(VocabularyKind.SERVICES), labels.items(VocabularyKind.APPROACHES), labels.items(VocabularyKind.SCOPES),
                labels.items(VocabularyKind.MENTORING_FORMATS), RecordPages.areaGroups(geography), labels.items(VocabularyKind.PROGRAMMES));
    }
}
