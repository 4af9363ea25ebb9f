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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.joinedup.leader.LeaderService;
import org.joinedup.leader.LeaderView;
import org.joinedup.matching.CohortMatchInput;
import org.joinedup.matching.CohortMatchService;
import org.joinedup.matching.CohortResult;
import org.joinedup.matching.LearningRequestService;
import org.joinedup.matching.LearningRequestView;
import org.joinedup.matching.MatchProfile;
import org.joinedup.matching.MatchService;
import org.joinedup.matching.MatchView;
import org.joinedup.platform.PageRequest;
import org.joinedup.platform.ProblemException;
import org.joinedup.platform.Violation;
import org.joinedup.search.SearchParams;
import org.joinedup.search.SearchResult;
import org.joinedup.search.SearchService;
import org.joinedup.security.Roles;
import org.joinedup.vocabulary.VocabularyItem;
import org.joinedup.vocabulary.VocabularyKind;

/**
 * Cohort matching: choose open learning requests and (optionally) mentors and the mode, run the exact
 * assignment, see each pairing and why, both modes' figures, the total against greedy and who stayed
 * unmatched and why; steer it with locks and bans (each run again, with its price shown), and accept all or
 * some of it as mentorship proposals.
 */
@Path("/programme/cohort")
@RolesAllowed({ Roles.PROGRAMME, Roles.ADMIN })
@Blocking
public class CohortPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance choose(List<LearningRequestView> requests, long openTotal, List<SearchResult.Hit> mentors,
                List<VocabularyItem> programmes, FormValues values, FormErrors errors);

        static native TemplateInstance result(CohortResult result, List<String> learners, List<String> unmatchedLearners, String gain,
                String flash, CohortSteering steering, FormValues values, FormErrors errors);
    }

    private static final int MENTORS_LISTED = 50;
    private static final int SUGGESTIONS = 3;
    private static final int POOL_SCORED_IN_FULL = 1_000;

    @Inject
    LearningRequestService requests;

    @Inject
    CohortMatchService cohorts;

    @Inject
    SearchService search;

    @Inject
    LeaderService leaders;

    @Inject
    MatchService matches;

    @Inject
    PageContext page;

    @Inject
    Labels labels;

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
        var mode = values.get("mode").isBlank() ? null : values.get("mode");
        // the programme whose matching profile weighs the scores; none, the default profile
        var programme = values.get("programme").isBlank() ? null : values.get("programme");
        try {
            var input = new CohortMatchInput(chosenRequests, chosenMentors.isEmpty() ? null : chosenMentors, perRequest, mode, List.of(), List.of(),
                    programme, values.has("spreadLoad", "true"));
            var result = cohorts.run(input);
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
        var flash = accepted == null ? null : accepted + " mentorship" + (accepted == 1 ? "" : "s") + " proposed; each mentor sees theirs in My work.";
        return resultPage(id, flash, FormValues.empty(), FormErrors.NONE);
    }

    /**
     * Runs the same cohort again with one change: a lock or ban added (a row's buttons, a suggested mentor, or a
     * pair typed in), one removed, or the other mode. The earlier locks and bans come from the run itself, so they
     * are kept. A change that cannot be made (an infeasible lock, a withdrawn request) shows this run's page again
     * with the reason beside the lock fields, never an error page.
     */
    @POST
    @Path("/{id}/steer")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response steer(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        page.requireCsrf(form);
        var values = new FormValues(form);
        var result = cohorts.find(id).orElseThrow(() -> ProblemException.notFound("Cohort match", id));
        if (result.input() == null) {
            throw ProblemException.conflict("cohort " + id + " was run before it could be steered; run it again from the start");
        }
        var change = CohortSteering.Change.of(values);
        if (change.typedLockMissing()) {
            return Pages.html(400, resultPage(id, null, values, new FormErrors(List.of(Violation.body("lockMentor",
                    "give the leader id of the mentor to lock in, a whole number")), f -> f)));
        }
        var input = change.applyTo(result.input());
        try {
            var next = cohorts.run(input);
            return Pages.seeOther("/programme/cohort/" + next.id());
        } catch (ProblemException e) {
            if (e.problem().status() != 400 && e.problem().status() != 409) {
                throw e;
            }
            var shown = change.lock() == null ? values : values.put("lockRequest", change.lock().requestId()).put("lockMentor", change.lock().mentorId());
            return Pages.html(e.problem().status(), resultPage(id, null, shown, CohortSteering.errors(e.problem().violations(), input.locks())));
        }
    }

    @POST
    @Path("/{id}/accept")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response accept(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        page.requireCsrf(form);
        var values = new FormValues(form);
        List<Integer> rows = values.has("action", "all") ? null : values.numbers("rows").stream().map(Long::intValue).toList();
        if (rows != null && rows.isEmpty()) {
            // said on the cohort's own page, at the top and linked to the first pairing, not on an error page
            return Pages.html(400, resultPage(id, null, values, new FormErrors(List.of(Violation.body("rows",
                    "there is no pairing ticked: tick at least one to accept, or accept all")), f -> "row-1")));
        }
        var created = cohorts.accept(id, rows).orElseThrow(() -> ProblemException.notFound("Cohort match", id));
        return Pages.seeOther("/programme/cohort/" + id + "?accepted=" + created.size());
    }

    private TemplateInstance choosePage(FormValues values, FormErrors problems) {
        // newest first: with more open requests than a page holds, the ones just made are the ones staff look for
        var open = requests.list(null, "open", new PageRequest(0, PageRequest.MAX_SIZE), true);
        var params = new SearchParams();
        params.q = values.get("mentorSearch").isBlank() ? null : values.get("mentorSearch");
        params.mentoring = "available";
        params.sort = "relevance";
        params.page = "0";
        params.size = String.valueOf(MENTORS_LISTED);
        var mentors = search.search(params).hits();
        return Templates.choose(open.items(), open.total(), mentors, labels.items(VocabularyKind.PROGRAMMES), values, problems);
    }

    private TemplateInstance resultPage(long id, String flash, FormValues values, FormErrors errors) {
        var result = cohorts.find(id).orElseThrow(() -> ProblemException.notFound("Cohort match", id));
        var names = new HashMap<Long, String>();
        Function<Long, String> name = leaderId -> names.computeIfAbsent(leaderId, this::name);
        var learners = result.assignments().stream().map(a -> name.apply(a.learnerId())).toList();
        var unmatched = result.unmatched().stream().map(u -> name.apply(u.learnerId())).toList();
        var gain = result.greedyTotalScore() <= 0 ? "" : String.format(Locale.UK, "%.1f%%",
                (result.totalScore() - result.greedyTotalScore()) / result.greedyTotalScore() * 100);
        // suggestions are scored under the run's own profile (results saved before profiles: the default)
        var profile = result.profile() == null ? MatchProfile.DEFAULT : result.profile().toProfile();
        var steering = CohortSteering.of(result, name, (requestId, pool) -> suggestions(profile, requestId, pool));
        return Templates.result(result, learners, unmatched, gain, flash, steering, values, errors);
    }

    /** A few mentors to lock in for an unmatched learner: the single-match suggestions, within the cohort's mentors when it chose some. */
    private List<MatchView> suggestions(MatchProfile profile, long requestId, List<Long> pool) {
        try {
            var need = requests.needOfOpen(requestId);
            if (need.isEmpty()) {
                return List.of();
            }
            if (pool == null) {
                return matches.matches(need.get(), profile, SUGGESTIONS);
            }
            // a large chosen pool is searched like everyone, then kept to the cohort's mentors
            return pool.size() <= POOL_SCORED_IN_FULL ? matches.matchesAmong(need.get(), profile, pool, SUGGESTIONS)
                    : matches.matches(need.get(), profile, MENTORS_LISTED).stream().filter(m -> pool.contains(m.mentor().id())).limit(SUGGESTIONS).toList();
        } catch (ProblemException e) {
            // withdrawn since the run: nothing to suggest; the page still shows the run as it was
            return List.of();
        }
    }

    private String name(long leaderId) {
        return leaders.findForCaller(leaderId).map(LeaderView::name).orElse("leader " + leaderId);
    }
}
