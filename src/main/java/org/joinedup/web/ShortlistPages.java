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
import java.util.Map;
import org.joinedup.export.LeaderExport;
import org.joinedup.leader.LeaderService;
import org.joinedup.leader.LeaderView;
import org.joinedup.platform.ExpectedVersion;
import org.joinedup.platform.PageRequest;
import org.joinedup.platform.ProblemException;
import org.joinedup.platform.Violation;
import org.joinedup.shortlist.ShortlistInput;
import org.joinedup.shortlist.ShortlistService;
import org.joinedup.shortlist.ShortlistSummary;
import org.joinedup.shortlist.ShortlistView;
import org.joinedup.search.Audience;
import org.joinedup.security.CurrentUser;
import org.joinedup.security.Roles;

/**
 * Shortlists on the pages: the list of them with a form to start one; one list with its leaders,
 * their notes (edit, remove), and for its owner rename and delete; and the "Add to a shortlist" form
 * of a leader's profile. The service decides who may do what, as for the API.
 */
@Path("/shortlists")
@Blocking
@RolesAllowed({ Roles.COMMISSIONER, Roles.PROGRAMME })
public class ShortlistPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance lists(List<ShortlistSummary> lists, long total, String name, FormErrors errors, String flash);

        static native TemplateInstance shortlist(ShortlistView list, String name, Map<String, String> notes, FormErrors errors, String flash);

        static native TemplateInstance add(LeaderView leader, long chosen, String note, FormErrors errors);
    }

    /** The banners after a form worked, by key; any other key shows nothing (a crafted link says nothing of ours). */
    private static final Map<String, String> DONE = Map.of(
            "created", "Shortlist started. Add leaders from their profile pages.",
            "renamed", "Shortlist renamed.",
            "deleted", "Shortlist deleted, with its leaders and notes.",
            "added", "Leader added to the shortlist.",
            "note-saved", "Note saved.",
            "removed", "Leader taken off the shortlist.");

    @Inject
    ShortlistService shortlists;

    @Inject
    LeaderExport export;

    @Inject
    CurrentUser user;

    @Inject
    LeaderService leaders;

    @Inject
    PageContext page;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response lists(@QueryParam("done") String done) {
        return showLists(200, "", FormErrors.NONE, done(done));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response create(MultivaluedMap<String, String> form) {
        page.requireCsrf(form);
        var name = new FormValues(form).get("name");
        try {
            var created = shortlists.create(new ShortlistInput(name, null));
            return Pages.seeOther("/shortlists/" + created.id() + "?done=created");
        } catch (ProblemException e) {
            if (e.problem().status() != 400 && e.problem().status() != 409) {
                throw e;
            }
            return showLists(e.problem().status(), name, errorsOn("name", e), null);
        }
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.TEXT_HTML)
    public Response shortlist(@PathParam("id") long id, @QueryParam("done") String done) {
        var list = find(id);
        return Pages.html(200, Templates.shortlist(list, list.name(), Map.of(), FormErrors.NONE, done(done)));
    }

    /** The list as CSV for the page's download link: the API's export, under the page's session. */
    @GET
    @Path("/{id}/export.csv")
    @Produces("text/csv")
    public Response export(@PathParam("id") long id) {
        return LeaderExport.attachment(export.leaders(shortlists.leaderIds(id), Audience.of(user)));
    }

    @POST
    @Path("/{id}/rename")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response rename(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        page.requireCsrf(form);
        var values = new FormValues(form);
        var name = values.get("name");
        try {
            var expected = ExpectedVersion.fromBody((int) values.number("version", -1));
            shortlists.rename(id, new ShortlistInput(name, null), expected).orElseThrow(() -> ProblemException.notFound("Shortlist", id));
        } catch (ProblemException e) {
            if (e.problem().status() != 400 && e.problem().status() != 409) {
                throw e;
            }
            return Pages.html(e.problem().status(), Templates.shortlist(find(id), name, Map.of(), errorsOn("name", e), null));
        }
        return Pages.seeOther("/shortlists/" + id + "?done=renamed");
    }

    @POST
    @Path("/{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        page.requireCsrf(form);
        var expected = ExpectedVersion.fromBody((int) new FormValues(form).number("version", -1));
        if (!shortlists.delete(id, expected)) {
            throw ProblemException.notFound("Shortlist", id);
        }
        return Pages.seeOther("/shortlists?done=deleted");
    }

    @POST
    @Path("/{id}/leaders/{leaderId}/note")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response saveNote(@PathParam("id") long id, @PathParam("leaderId") long leaderId, MultivaluedMap<String, String> form) {
        page.requireCsrf(form);
        var note = new FormValues(form).get("note");
        var field = "note-" + leaderId;
        try {
            shortlists.putLeader(id, leaderId, note, true);
        } catch (ProblemException e) {
            if (e.problem().status() != 400) {
                throw e;
            }
            var list = find(id);
            return Pages.html(400, Templates.shortlist(list, list.name(), Map.of(field, note), errorsOn(field, e), null));
        }
        return Pages.seeOther("/shortlists/" + id + "?done=note-saved#leader-" + leaderId);
    }

    @POST
    @Path("/{id}/leaders/{leaderId}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response remove(@PathParam("id") long id, @PathParam("leaderId") long leaderId, MultivaluedMap<String, String> form) {
        page.requireCsrf(form);
        shortlists.removeLeader(id, leaderId);
        return Pages.seeOther("/shortlists/" + id + "?done=removed");
    }

    /** The profile page's form, on a page of its own: what a browser gets when the form needs correcting. */
    @GET
    @Path("/add")
    @Produces(MediaType.TEXT_HTML)
    public Response addForm(@QueryParam("leader") long leaderId) {
        return Pages.html(200, Templates.add(visibleLeader(leaderId), 0, "", FormErrors.NONE));
    }

    @POST
    @Path("/add")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response add(MultivaluedMap<String, String> form) {
        page.requireCsrf(form);
        var values = new FormValues(form);
        var leader = visibleLeader(values.number("leader", -1));
        var note = values.get("note");
        long chosen = values.number("shortlist", 0);
        try {
            if (chosen <= 0) {
                throw ProblemException.invalid(Violation.body("shortlist", "must be chosen: pick the list to add " + leader.name() + " to"));
            }
            // a blank note here keeps the note a colleague may have written
            shortlists.putLeader(chosen, leader.id(), note, false);
        } catch (ProblemException e) {
            if (e.problem().status() != 400 && e.problem().status() != 409) {
                throw e;
            }
            var field = e.problem().violations().stream().anyMatch(v -> v.field().equals("shortlist")) ? "shortlist" : "note";
            return Pages.html(e.problem().status(), Templates.add(leader, chosen, note, errorsOn(field, e)));
        }
        return Pages.seeOther("/shortlists/" + chosen + "?done=added#leader-" + leader.id());
    }

    private static String done(String key) {
        return key == null ? null : DONE.get(key);
    }

    private Response showLists(int status, String name, FormErrors errors, String flash) {
        var page = shortlists.list(new PageRequest(0, PageRequest.MAX_SIZE));
        return Pages.html(status, Templates.lists(page.items(), page.total(), name, errors, flash));
    }

    private ShortlistView find(long id) {
        return shortlists.find(id).orElseThrow(() -> ProblemException.notFound("Shortlist", id));
    }

    private LeaderView visibleLeader(long id) {
        return leaders.findForCaller(id).orElseThrow(() -> ProblemException.notFound("Leader", id));
    }

    /** The problem beside one field: a 400's violations, or a 409's detail (a cap reached, or someone renamed the list meanwhile). */
    private static FormErrors errorsOn(String field, ProblemException e) {
        if (e.problem().status() == 409) {
            var stale = e.problem().violations().stream().anyMatch(v -> v.field().equals("version"));
            var message = stale ? "this shortlist was changed by someone else since you opened the page; look at it again and retry" : e.problem().detail();
            return new FormErrors(List.of(Violation.body(field, message)), f -> field);
        }
        return new FormErrors(e.problem().violations(), f -> f.equals("shortlist") ? "shortlist" : field);
    }
}
