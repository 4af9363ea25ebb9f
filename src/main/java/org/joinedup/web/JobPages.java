package org.joinedup.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateExtension;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.joinedup.job.JobService;
import org.joinedup.job.JobView;
import org.joinedup.platform.Page;
import org.joinedup.platform.PageRequest;
import org.joinedup.platform.ProblemException;
import org.joinedup.search.index.ReindexJob;
import org.joinedup.search.index.Reindexer;
import org.joinedup.security.CurrentUser;
import org.joinedup.security.Roles;

/**
 * Long jobs for admins: the list, with the button that rebuilds the search index, and one job with a
 * progress bar. The job's page follows a running job by itself with a few lines of app.js; without
 * JavaScript its Refresh link does the same (no meta refresh: it would reload the page under a
 * screen reader's user, and WCAG 2.2.1 forbids it).
 */
@Path("/admin/jobs")
@RolesAllowed(Roles.ADMIN)
@Blocking
public class JobPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance jobs(Page<JobView> jobs, String refused, JobView underWay);

        static native TemplateInstance job(JobView job, Reindexer.Report rebuild);
    }

    @Inject
    JobService jobs;

    @Inject
    ReindexJob rebuilds;

    @Inject
    CurrentUser user;

    @Inject
    PageContext page;

    @Inject
    ObjectMapper json;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list(@Valid @BeanParam PageRequest paging) {
        return Templates.jobs(jobs.list(null, paging), null, null);
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance job(@PathParam("id") long id) {
        var job = jobs.find(id).orElseThrow(() -> ProblemException.notFound("Job", id));
        return Templates.job(job, rebuildOf(job));
    }

    @POST
    @Path("/reindex")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reindex(MultivaluedMap<String, String> form) {
        page.requireCsrf(form);
        try {
            return Pages.seeOther("/admin/jobs/" + rebuilds.start(user.name()).id());
        } catch (ProblemException e) {
            if (e.problem().status() != 409) {
                throw e;
            }
            var underWay = jobs.list(ReindexJob.KIND, new PageRequest(0, 1)).items().stream().filter(j -> !j.finished()).findFirst();
            return Pages.html(409, Templates.jobs(jobs.list(null, new PageRequest(0, 20)), e.problem().detail(), underWay.orElse(null)));
        }
    }

    /** A rebuild's result, typed for the page; null for other kinds and unfinished jobs. */
    private Reindexer.Report rebuildOf(JobView job) {
        if (!ReindexJob.KIND.equals(job.kind()) || job.result() == null) {
            return null;
        }
        try {
            // the report's computed fields (inStep) come back too; they are read from the stored figures instead
            return json.readerFor(Reindexer.Report.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(job.result());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a job is, in words. */
    @TemplateExtension
    static String title(JobView job) {
        return ReindexJob.KIND.equals(job.kind()) ? "Search index rebuild" : job.kind();
    }

    /** The NHS tag colour of a job's state. */
    @TemplateExtension
    static String tagColour(JobView job) {
        return switch (job.state()) {
            case "succeeded" -> "green";
            case "failed" -> "red";
            case "running" -> "blue";
            default -> "grey";
        };
    }

    /** For the announcement a screen reader makes when a running job moves on: "Running: loading documents". */
    @TemplateExtension
    static String summary(JobView job) {
        var state = Character.toUpperCase(job.state().charAt(0)) + job.state().substring(1);
        return job.phase() == null || job.finished() ? state : state + ": " + job.phase();
    }
}
