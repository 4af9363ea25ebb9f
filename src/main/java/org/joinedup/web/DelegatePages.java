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
import java.util.List;
import org.joinedup.delegate.DelegateInput;
import org.joinedup.delegate.DelegateService;
import org.joinedup.integration.IntegrationRecordService;
import org.joinedup.integration.RecordView;
import org.joinedup.leader.LeaderService;
import org.joinedup.leader.LeaderView;
import org.joinedup.platform.ExpectedVersion;
import org.joinedup.platform.PageRequest;
import org.joinedup.platform.ProblemException;
import org.joinedup.platform.Violation;
import org.joinedup.security.CurrentUser;
import org.joinedup.security.Roles;
import org.joinedup.vocabulary.VocabularyItem;
import org.joinedup.vocabulary.VocabularyKind;

/**
 * Delegates on the pages: a leader grants and revokes them from My work; a delegate edits the
 * leader's "doing now", mentoring offer and records on a page of that leader's, and may step down.
 * The services decide who may do what, as for the API.
 */
@Path("/my-work")
@Blocking
public class DelegatePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance grant(String username, FormErrors errors);

        static native TemplateInstance leader(LeaderView leader, ProfileForm.Shown profile, List<RecordView> records, List<VocabularyItem> formats,
                String flash, FormErrors errors);
    }

    private static final PageRequest ALL = new PageRequest(0, PageRequest.MAX_SIZE);

    @Inject
    CurrentUser user;

    @Inject
    DelegateService delegates;

    @Inject
    LeaderService leaders;

    @Inject
    IntegrationRecordService records;

    @Inject
    Labels labels;

    @Inject
    PageContext page;

    static String leaderPage(long leaderId) {
        return "/my-work/leaders/" + leaderId;
    }

    @POST
    @Path("/delegates")
    @RolesAllowed(Roles.LEADER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response grant(MultivaluedMap<String, String> form) {
        page.requireCsrf(form);
        var username = new FormValues(form).get("username").strip();
        var leaderId = user.leaderId().orElseThrow();
        try {
            if (username.isEmpty()) {
                throw ProblemException.invalid(Violation.body("username", "enter the username of the account that may edit your profile"));
            }
            delegates.grant(leaderId, new DelegateInput(username)).orElseThrow(() -> ProblemException.notFound("Leader", leaderId));
        } catch (ProblemException e) {
            if (e.problem().status() != 400) {
                throw e;
            }
            return Pages.html(400, Templates.grant(username, new FormErrors(e.problem().violations(), f -> f)));
        }
        return Pages.seeOther(Done.DELEGATE_GRANTED.on("/my-work") + "#delegates");
    }

    @POST
    @Path("/delegates/{username}/revoke")
    @RolesAllowed(Roles.LEADER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke(@PathParam("username") String username, MultivaluedMap<String, String> form) {
        page.requireCsrf(form);
        var leaderId = user.leaderId().orElseThrow();
        if (!delegates.revoke(leaderId, username)) {
            throw ProblemException.notFound("Delegate", username);
        }
        return Pages.seeOther(Done.DELEGATE_REVOKED.on("/my-work") + "#delegates");
    }

    /** The leader's own records, which a delegate edits (those they co-led are their owners' to edit). */
    private List<RecordView> ownRecords(long id) {
        return records.listOfLeader(id, ALL).orElseThrow().items().stream().filter(r -> r.leaderId() == id).toList();
    }

    @GET
    @Path("/leaders/{id}")
    @Authenticated
    @Produces(MediaType.TEXT_HTML)
    public Response leader(@PathParam("id") long id, @QueryParam("saved") Long saved, @QueryParam("done") String done) {
        var leader = delegated(id);
        String flash = saved != null ? "Record saved. It shows in search within a few seconds." : Done.message(done);
        return Pages.html(200, Templates.leader(leader, ProfileForm.shown(leader), ownRecords(id), formats(), flash, FormErrors.NONE));
    }

    @POST
    @Path("/leaders/{id}/profile")
    @Authenticated
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response updateProfile(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        page.requireCsrf(form);
        var current = delegated(id);
        var values = new FormValues(form);
        try {
            var input = ProfileForm.input(current, values);
            leaders.update(id, input, ExpectedVersion.fromBody(input.version()));
        } catch (ProblemException e) {
            var errors = ProfileForm.errors(e);
            return Pages.html(400, Templates.leader(current, ProfileForm.shown(current, values), ownRecords(id), formats(), null, errors));
        }
        return Pages.seeOther(Done.DELEGATE_PROFILE_SAVED.on(leaderPage(id)));
    }

    @POST
    @Path("/leaders/{id}/step-down")
    @Authenticated
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response stepDown(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        page.requireCsrf(form);
        if (!delegates.revoke(id, user.name())) {
            throw ProblemException.notFound("Leader", id);
        }
        return Pages.seeOther(Done.DELEGATION_ENDED.on("/my-work"));
    }

    /** The leader as their delegate sees them; 404 for anyone who is not (the leader themself has My work). */
    private LeaderView delegated(long id) {
        if (!user.isDelegateOf(id)) {
            throw ProblemException.notFound("Leader", id);
        }
        return leaders.findForCaller(id).orElseThrow(() -> ProblemException.notFound("Leader", id));
    }

    private List<VocabularyItem> formats() {
        return labels.items(VocabularyKind.MENTORING_FORMATS);
    }
}
