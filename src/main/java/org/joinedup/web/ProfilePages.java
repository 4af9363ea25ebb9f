package org.joinedup.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
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
import org.joinedup.integration.IntegrationRecordService;
import org.joinedup.followup.FollowUpService;
import org.joinedup.followup.TrackRecord;
import org.joinedup.integration.RecordView;
import org.joinedup.introduction.IntroductionInput;
import org.joinedup.introduction.IntroductionService;
import org.joinedup.leader.LeaderService;
import org.joinedup.leader.LeaderView;
import org.joinedup.leader.PauseInput;
import org.joinedup.platform.ExpectedVersion;
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
                String message, TrackRecord track, List<RecordView> learnedFrom, PauseForm pause);
    }

    /**
     * The pause form beside the mentoring offer: offered to the leader, their delegates, programme staff and admins (the
     * callers {@link LeaderService#pause} allows), with what was typed and its errors when it comes back.
     */
    public record PauseForm(boolean offered, String day, String month, String year, String reason, FormErrors errors) {

        static PauseForm blank(boolean offered) {
            return new PauseForm(offered, "", "", "", "", FormErrors.NONE);
        }
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

    @Inject
    Validator validator;

    @GET
    @Path("/{id}")
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    public Response profile(@PathParam("id") long id, @QueryParam("asked") boolean asked) {
        return show(id, asked, FormErrors.NONE, "", 200, null);
    }

    /** Pauses the leader as a mentor until the day typed, replacing any pause; the page says it in words, errors beside their fields. */
    @POST
    @Path("/{id}/pause")
    @RolesAllowed({ Roles.LEADER, Roles.COMMISSIONER, Roles.PROGRAMME, Roles.ADMIN })
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response pause(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        page.requireCsrf(form);
        var values = new FormValues(form);
        var typed = new PauseForm(true, values.get("until-day").strip(), values.get("until-month").strip(), values.get("until-year").strip(),
                values.get("reason").strip(), FormErrors.NONE);
        var problems = new ArrayList<Violation>(PauseDate.problems(typed.day(), typed.month(), typed.year()));
        var reason = typed.reason().isEmpty() ? null : typed.reason();
        problems.addAll(RecordForm.violations(validator.validateValue(PauseInput.class, "reason", reason)));
        if (problems.isEmpty()) {
            try {
                // the whole pause is replaced and the page shows the latest, so no version is asked for (as for ending one)
                leaders.pause(id, new PauseInput(PauseDate.parse(typed.day(), typed.month(), typed.year()).orElseThrow(), reason), ExpectedVersion.ANY)
                        .orElseThrow(() -> ProblemException.notFound("Leader", id));
            } catch (ProblemException e) {
                if (e.problem().status() != 400) {
                    throw e;
                }
                problems.addAll(e.problem().violations());
            }
        }
        if (!problems.isEmpty()) {
            var errors = new FormErrors(problems, f -> f.equals("reason") ? "reason" : "until");
            return show(id, false, FormErrors.NONE, "", 400, new PauseForm(true, typed.day(), typed.month(), typed.year(), typed.reason(), errors));
        }
        return Pages.seeOther("/leaders/" + id + "#pause");
    }

    /** Ends the leader's pause now; harmless when none runs. */
    @POST
    @Path("/{id}/pause/end")
    @RolesAllowed({ Roles.LEADER, Roles.COMMISSIONER, Roles.PROGRAMME, Roles.ADMIN })
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response endPause(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        page.requireCsrf(form);
        leaders.endPause(id, ExpectedVersion.ANY).orElseThrow(() -> ProblemException.notFound("Leader", id));
        return Pages.seeOther("/leaders/" + id + "#pause");
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
            return show(id, false, problems, message, e.problem().status(), null);
        }
        return Pages.seeOther("/leaders/" + id + "?asked=true#introduction");
    }

    private Response show(long id, boolean asked, FormErrors problems, String message, int status, PauseForm pause) {
        var leader = leaders.findForCaller(id).orElseThrow(() -> ProblemException.notFound("Leader", id));
        // the profile shows what others see: a draft is on the leader's own /my-work only, even for them
        var list = records.listOfLeader(id, new PageRequest(0, PageRequest.MAX_SIZE)).orElseThrow().items().stream()
                .filter(r -> !r.draft()).toList();
        boolean mayAsk = user.signedIn() && !user.isLeader(id);
        var track = followUps.trackRecordForCaller(id).orElse(TrackRecord.NONE);
        // who may pause is the service's rule; the form is offered to those it lets through (a delegate as the leader)
        boolean mayPause = user.signedIn() && (user.isStaff() || user.mayActFor(id) || user.isDelegateOf(id));
        return Pages.html(status, Templates.profile(leader, list, mayAsk, asked, problems, message, track, records.learnedFrom(id),
                pause == null ? PauseForm.blank(mayPause) : pause));
    }
}
