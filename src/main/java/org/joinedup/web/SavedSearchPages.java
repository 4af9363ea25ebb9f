package org.joinedup.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
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
import java.util.LinkedHashMap;
import java.util.List;
import org.joinedup.platform.ExpectedVersion;
import org.joinedup.platform.PageRequest;
import org.joinedup.platform.ProblemException;
import org.joinedup.platform.Violation;
import org.joinedup.savedsearch.SavedSearchInput;
import org.joinedup.savedsearch.SavedSearchService;
import org.joinedup.savedsearch.SavedSearchView;

/**
 * Saved searches for commissioners and programme staff: saving one from Find leaders (the form
 * there posts here), the list with a link that reruns each, its alert choice, and deleting it.
 */
@Path("/saved-searches")
@Blocking
public class SavedSearchPages {

    /** The form fields of the search's own parameters carry this prefix, apart from the name and alerts. */
    static final String QUERY_PREFIX = "query.";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<SavedSearchView> searches, String flash);

        static native TemplateInstance save(String name, String alerts, List<SearchLinks.Param> params, FormErrors errors);
    }

    @Inject
    SavedSearchService searches;

    @Inject
    PageContext page;

    @GET
    @Authenticated
    @Produces(MediaType.TEXT_HTML)
    public Response list(@QueryParam("saved") String saved, @QueryParam("changed") String changed, @QueryParam("deleted") String deleted) {
        var all = searches.list(new PageRequest(0, PageRequest.MAX_SIZE)).items();
        String flash = null;
        if (saved != null) {
            flash = "Your search is saved.";
        } else if (changed != null) {
            flash = "Your alert choice is saved.";
        } else if (deleted != null) {
            flash = "The saved search is deleted.";
        }
        return Pages.html(200, Templates.list(all, flash));
    }

    @POST
    @Authenticated
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response save(MultivaluedMap<String, String> form) {
        page.requireCsrf(form);
        var query = new LinkedHashMap<String, Object>();
        var params = new ArrayList<SearchLinks.Param>();
        form.forEach((field, values) -> {
            if (field.startsWith(QUERY_PREFIX)) {
                query.put(field.substring(QUERY_PREFIX.length()), List.copyOf(values));
                values.forEach(v -> params.add(new SearchLinks.Param(field.substring(QUERY_PREFIX.length()), v)));
            }
        });
        var name = form.getFirst("name");
        var alerts = form.getFirst("alerts");
        try {
            searches.create(new SavedSearchInput(name, query, alerts, null));
            return Pages.seeOther("/saved-searches?saved=1");
        } catch (ProblemException e) {
            var status = e.problem().status();
            List<Violation> violations;
            if (status == 400) {
                violations = e.problem().violations();
            } else if (status == 409) {
                violations = List.of(Violation.body("name", "this account keeps as many saved searches as it may; delete one on Saved searches first"));
            } else {
                throw e;
            }
            return Pages.html(status, Templates.save(name == null ? "" : name, alerts == null ? "weekly" : alerts, params,
                    new FormErrors(violations, SavedSearchPages::formField)));
        }
    }

    @POST
    @Path("/{id}/alerts")
    @Authenticated
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response alerts(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        page.requireCsrf(form);
        var version = form.getFirst("version");
        // the version the page showed: a change made meanwhile (elsewhere, or by the weekly pass) is a 409, not overwritten
        var expected = version == null || !version.matches("\\d{1,9}") ? ExpectedVersion.ANY : ExpectedVersion.fromBody(Integer.valueOf(version));
        searches.changeAlerts(id, form.getFirst("alerts"), expected).orElseThrow(() -> ProblemException.notFound("Saved search", id));
        return Pages.seeOther("/saved-searches?changed=" + id);
    }

    @POST
    @Path("/{id}/delete")
    @Authenticated
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response delete(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        page.requireCsrf(form);
        if (!searches.delete(id, ExpectedVersion.ANY)) {
            throw ProblemException.notFound("Saved search", id);
        }
        return Pages.seeOther("/saved-searches?deleted=1");
    }

    /** Name and alerts stand beside their fields; a problem with the search itself points at the name, the form's first field. */
    private static String formField(String field) {
        return "alerts".equals(field) || "name".equals(field) ? field : "search-summary";
    }
}
