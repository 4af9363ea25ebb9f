package org.joinedup.web;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import org.joinedup.followup.FollowUpAnswer;
import org.joinedup.followup.FollowUpService;
import org.joinedup.integration.IntegrationRecordService;
import org.joinedup.integration.RecordView;
import org.joinedup.platform.ExpectedVersion;
import org.joinedup.platform.ProblemException;
import org.joinedup.platform.Violation;
import org.joinedup.security.Roles;

/** The forms of /my-work for follow-ups: a learner answers one, a leader publishes a draft record. */
@Path("/my-work/follow-ups")
@Blocking
public class FollowUpPages {

    @Inject
    FollowUpService followUps;

    @Inject
    IntegrationRecordService records;

    @Inject
    PageContext page;

    @Inject
    MyWorkPages myWork;

    @Inject
    RecordPages recordPages;

    @Inject
    FollowUpWork followUpWork;

    @POST
    @Path("/{id}")
    @RolesAllowed(Roles.LEADER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response answer(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        page.requireCsrf(form);
        var values = new FormValues(form);
        var whatChanged = values.get("whatChanged").strip();
        var recommend = values.get("wouldRecommend");
        var problems = new ArrayList<Violation>();
        if (whatChanged.isEmpty()) {
            problems.add(Violation.body("whatChanged", "is needed: say what changed in your work since the mentorship"));
        }
        if (!recommend.equals("yes") && !recommend.equals("no")) {
            problems.add(Violation.body("wouldRecommend", "give yes or no: would you recommend your mentor?"));
        }
        if (!problems.isEmpty()) {
            // My work again, the answer as typed and each problem beside its field of this follow-up's form
            followUpWork.keep(id, whatChanged, recommend, values.has("startRecord", "yes"));
            return myWork.withErrors(new FormErrors(problems, field -> field + "-" + id));
        }
        var answered = followUps.answer(id, new FollowUpAnswer(whatChanged, recommend.equals("yes"), values.has("startRecord", "yes")))
                .orElseThrow(() -> ProblemException.notFound("Follow-up", id));
        // a started draft opens for completing; otherwise back to the page
        return Pages.seeOther(answered.recordId() != null ? "/my-work/records/" + answered.recordId() + "/edit" : "/my-work");
    }

    @POST
    @Path("/drafts/{id}/publish")
    @RolesAllowed({ Roles.LEADER, Roles.ADMIN })
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response publish(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        page.requireCsrf(form);
        RecordView published;
        try {
            published = records.publish(id, ExpectedVersion.ANY).orElseThrow(() -> ProblemException.notFound("Record", id));
        } catch (ProblemException e) {
            if (e.problem().status() != 400) {
                throw e;
            }
            return recordPages.notPublishable(id, e);
        }
        return Pages.seeOther("/leaders/" + published.leaderId() + "#record-" + id);
    }
}
