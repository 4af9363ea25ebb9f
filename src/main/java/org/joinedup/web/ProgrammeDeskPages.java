package org.joinedup.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
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
import java.util.ArrayList;
import java.util.List;
import org.joinedup.integration.CorroborationService;
import org.joinedup.integration.IntegrationRecordService;
import org.joinedup.integration.RecordView;
import org.joinedup.integration.VerificationInput;
import org.joinedup.leader.LeaderService;
import org.joinedup.leader.LeaderView;
import org.joinedup.matching.LearningRequestService;
import org.joinedup.matching.LearningRequestView;
import org.joinedup.matching.MatchService;
import org.joinedup.matching.MatchingProfileService;
import org.joinedup.matching.MatchingProfileView;
import org.joinedup.matching.MatchView;
import org.joinedup.matching.MentorshipInput;
import org.joinedup.matching.MentorshipService;
import org.joinedup.platform.Page;
import org.joinedup.platform.PageRequest;
import org.joinedup.platform.ProblemException;
import org.joinedup.security.CurrentUser;
import org.joinedup.security.Roles;
import org.joinedup.vocabulary.VocabularyItem;
import org.joinedup.vocabulary.VocabularyKind;

/** The programme desk: records waiting for verification, and learning requests with suggested mentors and why. */
@Path("/programme")
@RolesAllowed({ Roles.PROGRAMME, Roles.ADMIN })
@Blocking
public class ProgrammeDeskPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance desk(Page<RecordView> records, List<String> owners, Page<LearningRequestView> requests,
                List<VocabularyItem> programmes, String flash, FormErrors errors, String typedComment);

        static native TemplateInstance request(LearningRequestView request, List<MatchView> matches, MatchingProfileView profile);
    }

    private static final int MATCHES = 10;

    @Inject
    IntegrationRecordService records;

    @Inject
    LeaderService leaders;

    @Inject
    LearningRequestService requests;

    @Inject
    MatchService matches;

    @Inject
    MatchingProfileService profiles;

    @Inject
    MentorshipService mentorships;

    @Inject
    CurrentUser user;

    @Inject
    CorroborationService corroboration;

    @Inject
    PageContext page;

    @Inject
    Labels labels;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance desk(@QueryParam("done") String done, @Valid @BeanParam PageRequest paging) {
        return desk(Done.message(done), FormErrors.NONE, null, null, paging);
    }

    /**
     * A page of the records waiting (20 a page, the same paging as the API's lists); with a refused verification the record
     * it was for comes first, open, whether or not it is on that page, with the comment that was typed for it.
     */
    private TemplateInstance desk(String flash, FormErrors errors, Long refused, String typedComment, PageRequest paging) {
        var waiting = records.awaitingVerification(paging);
        if (refused != null && waiting.items().stream().noneMatch(r -> r.id() == refused)) {
            var items = new ArrayList<RecordView>();
            QuarkusTransaction.requiringNew().call(() -> records.find(refused)).ifPresent(items::add);
            items.addAll(waiting.items());
            waiting = new Page<>(items, waiting.page(), waiting.size(), waiting.total(), waiting.totalPages());
        }
        var owners = waiting.items().stream().map(r -> leaders.findForCaller(r.leaderId()).map(LeaderView::name).orElse("")).toList();
        return Templates.desk(waiting, owners, requests.list(null, "open", new PageRequest(0, PageRequest.MAX_SIZE)),
                labels.items(VocabularyKind.PROGRAMMES), flash, errors, typedComment);
    }

    @POST
    @Path("/records/{id}/verify")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response verify(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        page.requireCsrf(form);
        var values = new FormValues(form);
        // the verifier is the signed-in account, for the programme chosen (the record's own is preselected)
        var programme = values.get("programme").isBlank() ? null : values.get("programme");
        var comment = values.get("comment").isBlank() ? null : values.get("comment");
        try {
            corroboration.verify(id, new VerificationInput(programme, "confirmed", comment)).orElseThrow(() -> ProblemException.notFound("Record", id));
        } catch (ProblemException e) {
            if (e.problem().status() == 404 || e.problem().status() >= 500) {
                throw e;
            }
            return Pages.html(e.problem().status(), desk(null, CorroborationPages.errors(e, "programme-" + id), id, comment,
                    new PageRequest(0, 20)));
        }
        return Pages.seeOther(Done.RECORD_VERIFIED.on("/programme"));
    }

    @GET
    @Path("/requests/{id}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance request(@PathParam("id") long id) {
        var request = requests.find(id).orElseThrow(() -> ProblemException.notFound("Learning request", id));
        var need = requests.needOfOpen(id).orElseThrow();
        // under the matching profile of the request's programme, as the API's matches are
        var profile = profiles.used(request.programme(), "programme");
        return Templates.request(request, matches.matches(need, profile.toProfile(), MATCHES), profile);
    }

    @POST
    @Path("/requests/{id}/propose")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response propose(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        page.requireCsrf(form);
        long mentor = new FormValues(form).number("mentor", -1);
        mentorships.propose(new MentorshipInput(id, mentor), null);
        return Pages.seeOther(Done.MENTOR_PROPOSED.on("/programme"));
    }
}
