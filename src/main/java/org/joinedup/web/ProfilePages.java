package org.joinedup.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.PermitAll;
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
import org.joinedup.integration.IntegrationRecordService;
import org.joinedup.followup.FollowUpService;
import org.joinedup.followup.TrackRecord;
import org.joinedup.integration.RecordView;
import org.joinedup.introduction.IntroductionInput;
import org.joinedup.introduction.IntroductionService;
import org.joinedup.leader.LeaderService;
import org.joinedup.leader.LeaderView;
import org.joinedup.platform.PageRequest;
import org.joinedup.platform.ProblemException;
import org.joinedup.platform.Violation;
import org.joinedup.security.CurrentUser;
import org.joinedup.security.Roles;

/** A leader's profile: role and "doing now", records with outcomes and evidence, corroboration, mentoring; ask for an introduction. */
@Path("/leaders")
@Blocking
public class ProfilePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance profile(LeaderView leader, List<RecordView> records, boolean mayAsk, boolean asked, FormErrors errors,
                String message, TrackRecord track, List<RecordView> learnedFrom);
    }

    @Inject
    LeaderService leaders;

    @Inject
    IntegrationRecordService records;

    @Inject
    IntroductionService introductions;

    @Inject
    FollowUpService followUps;

    @Inject
    CurrentUser user;

    @Inject
    PageContext page;

    @GET
    @Path("/{id}")
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    public Response profile(@PathParam("id") long id, @QueryParam("asked") boolean asked) {
        return show(id, asked, FormErrors.NONE, "", 200);
    }

    @POST
    @Path("/{id}/introduction")
    @RolesAllowed({ Roles.LEADER, Roles.COMMISSIONER, Roles.PROGRAMME, Roles.ADMIN })
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response askForIntroduction(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        page.requireCsrf(form);
        var message = form.getFirst("message") == null ? "" : form.getFirst("message").strip();
        try {
            introductions.ask(new IntroductionInput(id, message.isEmpty() ? null : message));
        } catch (ProblemException e) {
            if (e.problem().status() != 400 && e.problem().status() != 409) {
                throw e;
            }
            var problems = e.problem().violations().isEmpty()
                    ? new FormErrors(List.of(Violation.body("message", e.problem().detail())), f -> "message")
                    : new FormErrors(e.problem().violations(), f -> "message");
            return show(id, false, problems, message, e.problem().status());
        }
        return Pages.seeOther("/leaders/" + id + "?asked=true#introduction");
    }

    private Response show(long id, boolean asked, FormErrors problems, String message, int status) {
        var leader = leaders.findForCaller(id).orElseThrow(() -> ProblemException.notFound("Leader", id));
        // the profile shows what others see: a draft is on the leader's own /my-work only, even for them
        var list = records.listOfLeader(id, new PageRequest(0, PageRequest.MAX_SIZE)).orElseThrow().items().stream()
                .filter(r -> !r.draft()).toList();
        boolean mayAsk = user.signedIn() && !user.isLeader(id);
        var track = followUps.trackRecordForCaller(id).orElse(TrackRecord.NONE);
        return Pages.html(status, Templates.profile(leader, list, mayAsk, asked, problems, message, track, records.learnedFrom(id)));
    }
}
