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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import org.joinedup.leader.LeaderService;
import org.joinedup.leader.LeaderView;
import org.joinedup.matching.CohortMatchInput;
import org.joinedup.matching.CohortMatchService;
import org.joinedup.matching.CohortResult;
import org.joinedup.matching.LearningRequestService;
import org.joinedup.matching.LearningRequestView;
import org.joinedup.platform.PageRequest;
import org.joinedup.platform.ProblemException;
import org.joinedup.platform.Violation;
import org.joinedup.search.SearchParams;
import org.joinedup.search.SearchResult;
import org.joinedup.search.SearchService;
import org.joinedup.security.Roles;

/**
 * Cohort matching: choose open learning requests and (optionally) mentors, run the exact
 * assignment, see each pairing and why, the total against greedy and who stayed unmatched, and
 * accept all or some of it as mentorship proposals.
 */
@Path("/programme/cohort")
@RolesAllowed({ Roles.PROGRAMME, Roles.ADMIN })
@Blocking
public class CohortPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance choose(List<LearningRequestView> requests, List<SearchResult.Hit> mentors, FormValues values,
                FormErrors errors);

        static native TemplateInstance result(CohortResult result, List<String> learners, List<String> unmatchedLearners, String gain,
                String flash);
    }

    private static final int MENTORS_LISTED = 50;

    @Inject
    LearningRequestService requests;

    @Inject
    CohortMatchService cohorts;

    @Inject
    SearchService search;

    @Inject
    LeaderService leaders;

    @Inject
    PageContext page;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response choose() {
        return Pages.html(200, choosePage(FormValues.empty(), FormErrors.NONE));
    }

    /** One form, two buttons: "find mentors" shows the form again with mentors matching the words; "run" computes the cohort. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response run(MultivaluedMap<String, String> form) {
        page.requireCsrf(form);
        var values = new FormValues(form);
        if (!values.has("action", "run")) {
            return Pages.html(200, choosePage(values, FormErrors.NONE));
        }
        var chosenRequests = values.numbers("requests");
        var chosenMentors = values.numbers("mentors");
        var perRequest = (int) values.number("perRequest", 1);
        try {
            var result = cohorts.run(new CohortMatchInput(chosenRequests, chosenMentors.isEmpty() ? null : chosenMentors, perRequest));
            return Pages.seeOther("/programme/cohort/" + result.id());
        } catch (ProblemException e) {
            if (e.problem().status() != 400) {
                throw e;
            }
            return Pages.html(400, choosePage(values, new FormErrors(e.problem().violations(), f -> f.replaceAll("\\[.*", ""))));
        }
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance result(@PathParam("id") long id, @QueryParam("accepted") Integer accepted) {
        var result = cohorts.find(id).orElseThrow(() -> ProblemException.notFound("Cohort match", id));
        var learners = result.assignments().stream().map(a -> name(a.learnerId())).toList();
        var unmatched = result.unmatched().stream().map(u -> name(u.learnerId())).toList();
        var gain = result.greedyTotalScore() <= 0 ? "" : String.format(Locale.UK, "%.1f%%",
                (result.totalScore() - result.greedyTotalScore()) / result.greedyTotalScore() * 100);
        var flash = accepted == null ? null : accepted + " mentorship" + (accepted == 1 ? "" : "s") + " proposed; each mentor sees theirs in My work.";
        return Templates.result(result, learners, unmatched, gain, flash);
    }

    @POST
    @Path("/{id}/accept")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response accept(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        page.requireCsrf(form);
        var values = new FormValues(form);
        List<Integer> rows = values.has("action", "all") ? null : values.numbers("rows").stream().map(Long::intValue).toList();
        if (rows != null && rows.isEmpty()) {
            throw ProblemException.invalid(Violation.body("rows", "choose at least one pairing to accept"));
        }
        var created = cohorts.accept(id, rows).orElseThrow(() -> ProblemException.notFound("Cohort match", id));
        return Pages.seeOther("/programme/cohort/" + id + "?accepted=" + created.size());
    }

    private TemplateInstance choosePage(FormValues values, FormErrors problems) {
        var open = requests.list(null, "open", new PageRequest(0, PageRequest.MAX_SIZE)).items();
        var params = new SearchParams();
        params.q = values.get("mentorSearch").isBlank() ? null : values.get("mentorSearch");
        params.mentoring = "available";
        params.sort = "relevance";
        params.page = "0";
        params.size = String.valueOf(MENTORS_LISTED);
        var mentors = search.search(params).hits();
        return Templates.choose(open, mentors, values, problems);
    }

    private String name(long leaderId) {
        return leaders.findForCaller(leaderId).map(LeaderView::name).orElse("leader " + leaderId);
    }
}
