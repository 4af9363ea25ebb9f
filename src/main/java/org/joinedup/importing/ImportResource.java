package org.joinedup.importing;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.joinedup.job.JobView;
import org.joinedup.platform.Page;
import org.joinedup.platform.PageRequest;
import org.joinedup.platform.Problem;
import org.joinedup.platform.ProblemException;
import org.joinedup.security.CurrentUser;
import org.joinedup.security.Roles;

/** Bulk import of leaders and their records from CSV (docs/import.md); programme staff and admins. */
@Path(ImportResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.PROGRAMME, Roles.ADMIN })
@Tag(name = "Import")
public class ImportResource {

    static final String PATH = "/api/admin/imports";
    static final String CSV = "text/csv";

    @Inject
    ImportService imports;

    @Inject
    CurrentUser user;

    static String path(long jobId) {
        return PATH + "/" + jobId;
    }

    @POST
    // any content type: the body is read as CSV whatever it says (a client's "application/octet-stream" or none works too),
    // and a refusal by role comes before any refusal by type
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "importLeaders", summary = "Import leaders and their records from a CSV file, or check it (dryRun)",
            description = "The body is the file itself (Content-Type: text/csv, UTF-8, comma-separated, a header row; the template and"
                    + " columns: docs/import.md). With dryRun=true nothing is written: 200 with every problem (row, column, value, message,"
                    + " allowed values) or, for a file without problems, how many leaders and records would be created, updated and left"
                    + " unchanged. Without it the whole file is checked first: any problem is 400 and nothing is imported; otherwise 202 with"
                    + " the import job and its Location (/api/admin/imports/{id}) to follow. Leaders and records are matched by their external"
                    + " ids, so importing the same file twice changes nothing. Files over joinedup.import.max-size (20 MB) are 413.")
    @RequestBody(content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "200", description = "Dry run: what the file holds and what an import would do",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportReport.class)))
    @APIResponse(responseCode = "202", description = "Checked and started: the import job, queued; follow its Location",
            headers = @Header(name = "Location", description = "The job: /api/admin/imports/{id}",
                    schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JobView.class)))
    @APIResponse(responseCode = "409", description = "Another import is under way (in any copy); the detail names its job",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "The file is over joinedup.import.max-size",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response importFile(
            @Parameter(description = "Only check the file and say what an import would do; write nothing") @QueryParam("dryRun") boolean dryRun,
            @Parameter(description = "The file's name, for the audit trail (\"imported from <fileName>\")", example = "pioneers-2026.csv")
            @QueryParam("fileName") String fileName,
            @Parameter(description = "Invite each imported leader by the e-mail of their row (every leader then needs one)")
            @QueryParam("invite") boolean invite,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) String length, InputStream body) {
        if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > imports.maxBytes()) {
            throw LimitedInputStream.tooLarge(imports.maxBytes());
        }
        if (dryRun) {
            return Response.ok(imports.dryRun(fileName, body, invite)).build();
        }
        var job = imports.start(fileName, body, invite, user.name());
        return Response.accepted(job).location(URI.create(path(job.id()))).build();
    }

    @GET
    @Operation(operationId = "listImports", summary = "Import jobs, newest first",
            description = "Every import of every service copy, a page at a time, with its state, progress and, once done, its result.")
    public Page<JobView> list(@Valid @BeanParam PageRequest paging) {
        return imports.jobs(paging);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getImport", summary = "One import job and how it is going",
            description = "State (queued, running, succeeded, failed), rows done of total, rate; once it succeeded, how many leaders and"
                    + " records it created, updated and left unchanged; if it failed, why and what was written (a re-run finishes it).")
    public JobView find(@PathParam("id") long id) {
        return imports.job(id).orElseThrow(() -> ProblemException.notFound("Import", id));
    }
}
