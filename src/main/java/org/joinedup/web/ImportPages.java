package org.joinedup.web;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.joinedup.importing.ImportOutcome;
import org.joinedup.importing.ImportReport;
import org.joinedup.importing.ImportService;
import org.joinedup.job.JobView;
import org.joinedup.platform.ProblemException;
import org.joinedup.security.CurrentUser;
import org.joinedup.security.Roles;

/**
 * Bulk import for programme staff: upload a CSV file, check it (a dry run: every problem in a table,
 * or what it would create and change), then import it as a job whose page follows it. Without
 * JavaScript the file is chosen again for the import: a browser cannot keep a chosen file across pages.
 */
@Path("/programme/import")
@RolesAllowed({ Roles.PROGRAMME, Roles.ADMIN })
@Blocking
public class ImportPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance upload(ImportReport report, String refused, long maxMegabytes);

        static native TemplateInstance job(JobView job, ImportOutcome outcome);
    }

    @Inject
    ImportService imports;

    @Inject
    CurrentUser user;

    @Inject
    PageContext page;

    @Inject
    ObjectMapper json;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance form() {
        return Templates.upload(null, null, megabytes());
    }

    /** "Check the file" runs a dry run; "Import" checks it again and, with no problem, starts the job. */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_HTML)
    public Response upload(@RestForm("file") FileUpload file, @RestForm String csrf, @RestForm String action, @RestForm String invite) {
        page.requireCsrf(csrf);
        if (file == null || file.fileName() == null || file.fileName().isBlank()) {
            return Pages.html(400, Templates.upload(null, "Choose a CSV file to check or import", megabytes()));
        }
        if (file.size() > imports.maxBytes()) {
            return Pages.html(413, Templates.upload(null, "The file is over " + megabytes() + " MB: split it into smaller files", megabytes()));
        }
        boolean inviting = "yes".equals(invite);
        try (InputStream in = Files.newInputStream(file.uploadedFile())) {
            if (!"import".equals(action)) {
                return Response.ok(Templates.upload(imports.dryRun(file.fileName(), in, inviting), null, megabytes())).build();
            }
            var job = imports.start(file.fileName(), in, inviting, user.name());
            return Pages.seeOther("/programme/import/jobs/" + job.id());
        } catch (ProblemException e) {
            if (e.problem().status() == 400) {
                // the file has problems after all (it changed since the check, or was not checked): show them all
                try (InputStream again = Files.newInputStream(file.uploadedFile())) {
                    return Pages.html(400, Templates.upload(imports.dryRun(file.fileName(), again, inviting),
                            "Nothing was imported: the file has problems", megabytes()));
                } catch (IOException io) {
                    throw new UncheckedIOException(io);
                }
            }
            if (e.problem().status() == 409 || e.problem().status() == 413) {
                return Pages.html(e.problem().status(), Templates.upload(null, e.problem().detail(), megabytes()));
            }
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GET
    @Path("/jobs/{id}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance job(@PathParam("id") long id) {
        var job = imports.job(id).orElseThrow(() -> ProblemException.notFound("Import", id));
        ImportOutcome outcome = null;
        if (job.result() != null) {
            try {
                outcome = json.treeToValue(job.result(), ImportOutcome.class);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Templates.job(job, outcome);
    }

    private long megabytes() {
        return imports.maxBytes() / (1024 * 1024);
    }
}
