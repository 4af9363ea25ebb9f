package org.joinedup.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
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
import java.util.ArrayList;
import java.util.List;
import org.joinedup.integration.CoLeadService;
import org.joinedup.integration.CoLeadView;
import org.joinedup.integration.CorroborationService;
import org.joinedup.integration.IntegrationRecordService;
import org.joinedup.integration.RecordView;
import org.joinedup.introduction.IntroductionService;
import org.joinedup.introduction.IntroductionView;
import org.joinedup.leader.LeaderService;
import org.joinedup.leader.LeaderView;
import org.joinedup.matching.LearningRequestService;
import org.joinedup.matching.LearningRequestView;
import org.joinedup.matching.MatchService;
import org.joinedup.matching.MatchingProfileService;
import org.joinedup.matching.MatchingProfileView;
import org.joinedup.matching.MatchView;
import org.joinedup.matching.MentorshipService;
import org.joinedup.matching.MentorshipStatus;
import org.joinedup.matching.MentorshipView;
import org.joinedup.platform.ExpectedVersion;
import org.joinedup.platform.PageRequest;
import org.joinedup.platform.ProblemException;
import org.joinedup.security.CurrentUser;
import org.joinedup.security.Roles;
import org.joinedup.vocabulary.VocabularyItem;
import org.joinedup.vocabulary.VocabularyKind;

/**
 * My work: a leader's records, "doing now" and mentoring offer, learning requests with their
 * matches, and the introductions and mentorship proposals waiting for an answer. Other accounts
 * see the introductions they asked for.
 */
@Path("/my-work")
@Blocking
public class MyWorkPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance myWork(MyWork work);
    }

    /** A learning request with its best suggested mentors. */
    public record RequestMatches(LearningRequestView request, List<MatchView> matches, MatchingProfileView profile) {
    }

    public record MyWork(LeaderView leader, ProfileForm.Shown profile, List<RecordView> records, List<PartnerStates.RecordCorroboration> corroboration,
            List<RequestMatches> requests, List<IntroductionView> introductions, List<MentorshipView> mentorships, List<VocabularyItem> formats,
            List<CoLeadView> coLeads, String flash, FormErrors errors) {
    }

    private static final PageRequest ALL = new PageRequest(0, PageRequest.MAX_SIZE);
    private static final int MATCHES_SHOWN = 3;

    @Inject
    CurrentUser user;

    @Inject
    LeaderService leaders;

    @Inject
    IntegrationRecordService records;

    @Inject
    CorroborationService corroboration;

    @Inject
    LearningRequestService requests;

    @Inject
    MatchService matches;

    @Inject
    MatchingProfileService profiles;

    @Inject
    IntroductionService introductions;

    @Inject
    MentorshipService mentorships;

    @Inject
    CoLeadService coLeads;

    @Inject
    Labels labels;

    @Inject
    PageContext page;

    @GET
    @Authenticated
    @Produces(MediaType.TEXT_HTML)
    public Response myWork(@QueryParam("saved") Long saved, @QueryParam("done") String done) {
        String flash = saved != null ? "Record saved. It shows in search within a few seconds." : Done.message(done);
        return Pages.html(200, Templates.myWork(work(flash, FormErrors.NONE)));
    }

    @POST
    @Path("/profile")
    @RolesAllowed(Roles.LEADER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response updateProfile(MultivaluedMap<String, String> form) {
        page.requireCsrf(form);
        var values = new FormValues(form);
        var id = user.leaderId().orElseThrow();
        var current = leaders.findForCaller(id).orElseThrow(() -> ProblemException.notFound("Leader", id));
        try {
            var input = ProfileForm.input(current, values);
            leaders.update(id, input, ExpectedVersion.fromBody(input.version()));
        } catch (ProblemException e) {
            return Pages.html(400, Templates.myWork(work(null, ProfileForm.errors(e), ProfileForm.shown(current, values))));
        }
        return Pages.seeOther(Done.PROFILE_SAVED.on("/my-work"));
    }

    @POST
    @Path("/introductions/{id}/{answer:accept|decline}")
    @RolesAllowed(Roles.LEADER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response answerIntroduction(@PathParam("id") long id, @PathParam("answer") String answer, MultivaluedMap<String, String> form) {
        page.requireCsrf(form);
        introductions.answer(id, "accept".equals(answer), ExpectedVersion.ANY).orElseThrow(() -> ProblemException.notFound("Introduction", id));
        return Pages.seeOther(("accept".equals(answer) ? Done.INTRODUCTION_ACCEPTED : Done.INTRODUCTION_DECLINED).on("/my-work"));
    }

    @POST
    @Path("/mentorships/{id}/{answer:accept|decline}")
    @RolesAllowed(Roles.LEADER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response answerMentorship(@PathParam("id") long id, @PathParam("answer") String answer, MultivaluedMap<String, String> form) {
        page.requireCsrf(form);
        var to = "accept".equals(answer) ? MentorshipStatus.ACCEPTED : MentorshipStatus.DECLINED;
        mentorships.move(id, to, null, ExpectedVersion.ANY).orElseThrow(() -> ProblemException.notFound("Mentorship", id));
        return Pages.seeOther((to == MentorshipStatus.ACCEPTED ? Done.MENTORSHIP_ACCEPTED : Done.MENTORSHIP_DECLINED).on("/my-work"));
    }

    /** Confirms or declines an invitation to a record led together (declining a confirmed one leaves it). */
    @POST
    @Path("/co-leads/{recordId}/{answer:confirm|decline}")
    @RolesAllowed(Roles.LEADER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response answerCoLead(@PathParam("recordId") long recordId, @PathParam("answer") String answer, MultivaluedMap<String, String> form) {
        page.requireCsrf(form);
        if ("confirm".equals(answer)) {
            coLeads.confirm(recordId).orElseThrow(() -> ProblemException.notFound("Co-lead invitation", recordId));
        } else if (!coLeads.decline(recordId)) {
            throw ProblemException.notFound("Co-lead invitation", recordId);
        }
        return Pages.seeOther(("confirm".equals(answer) ? Done.CO_LEAD_CONFIRMED : Done.CO_LEAD_DECLINED).on("/my-work"));
    }

    /** My work again, with the problems of one of its forms beside their fields (the follow-up answers post elsewhere). */
    Response withErrors(FormErrors problems) {
        return Pages.html(400, Templates.myWork(work(null, problems)));
    }

    private MyWork work(String flash, FormErrors problems) {
        return work(flash, problems, null);
    }

    /** My work; {@code typed}, when a profile change was refused, is what its form shows instead of the profile as read. */
    private MyWork work(String flash, FormErrors problems, ProfileForm.Shown typed) {
        var formats = labels.items(VocabularyKind.MENTORING_FORMATS);
        var asked = introductions.mine(ALL).items();
        var id = user.leaderId();
        if (id.isEmpty()) {
            return new MyWork(null, null, List.of(), List.of(), List.of(), asked, List.of(), formats, List.of(), flash, problems);
        }
        var leader = leaders.findForCaller(id.get()).orElseThrow(() -> ProblemException.notFound("Leader", id.get()));
        // their own records, to edit; records they co-led are their owners' to edit (they show on the profile)
        var mine = records.listOfLeader(id.get(), ALL).orElseThrow().items().stream().filter(r -> r.leaderId() == id.get()).toList();
        var corroborationOfMine = mine.stream()
                .map(r -> PartnerStates.of(r, corroboration.requestsOf(r.id()).orElse(List.of()), labels)).toList();
        var withMatches = new ArrayList<RequestMatches>();
        for (var request : requests.list(id.get(), "open", ALL).items()) {
            var need = requests.needOfOpen(request.id()).orElseThrow();
            // suggested as the API suggests them: under the matching profile of the request's programme, else the default
            var profile = profiles.used(request.programme(), "programme");
            withMatches.add(new RequestMatches(request, matches.matches(need, profile.toProfile(), MATCHES_SHOWN), profile));
        }
        var proposals = mentorships.list(id.get(), null, null, MentorshipStatus.PROPOSED.code, ALL).items();
        return new MyWork(leader, typed != null ? typed : ProfileForm.shown(leader), mine, corroborationOfMine, withMatches, asked, proposals, formats,
                coLeads.mine(ALL).items(), flash, problems);
    }
}
