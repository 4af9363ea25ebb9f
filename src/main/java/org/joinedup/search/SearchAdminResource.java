package org.joinedup.search;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.joinedup.job.JobResource;
import org.joinedup.job.JobService;
import org.joinedup.job.JobView;
import org.joinedup.platform.PageRequest;
import org.joinedup.platform.Problem;
import org.joinedup.platform.ProblemException;
import org.joinedup.platform.Violation;
import org.joinedup.search.index.IndexReconciler;
import org.joinedup.search.index.IndexReconciliation;
import org.joinedup.search.index.Indexer;
import org.joinedup.search.index.LeaderIndex;
import org.joinedup.search.index.ReindexJob;
import org.joinedup.search.index.SearchOutbox;
import org.joinedup.security.CurrentUser;
import org.joinedup.security.Roles;

@Path("/api/admin")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Search administration")
public class SearchAdminResource {

    private static final String CHECK_ONLY_READS = "the check only reads; POST /api/admin/search/check/fix queues the differences";

    @Inject
    ReindexJob rebuilds;

    @Inject
    JobService jobs;

    @Inject
    CurrentUser user;

    @Inject
    IndexReconciler reconciler;

    @Inject
    LeaderIndex index;

    @Inject
    SearchOutbox outbox;

    @Inject
    Indexer indexer;

    @Inject
    IndexReconciliation reconciliation;

    @Inject
    SearchService search;

    public record OutboxView(SearchOutbox.Stats stats, String lastError, List<SearchOutbox.ParkedEntry> parked) {
    }

    public record Replayed(int rows) {
    }

    @POST
    @Path("/reindex")
    @Operation(operationId = "rebuildIndex", summary = "Start rebuilding the search index from PostgreSQL, as a job",
            description = "Answers 202 at once with the job and its Location (/api/admin/jobs/{id}), to follow until its state is"
                    + " succeeded or failed. The rebuild loads every leader into a new index beside the live one, checks it against"
                    + " PostgreSQL and swaps it in; search answers from the old index throughout. One rebuild at a time across all"
                    + " service copies: 409 names the one under way.")
    @APIResponse(responseCode = "202", description = "Started: the job, queued; follow its Location",
            headers = @Header(name = "Location", description = "The job: /api/admin/jobs/{id}",
                    schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JobView.class)))
    @APIResponse(responseCode = "409", description = "A rebuild is already under way (in any copy); the detail names its job",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The search index is not set up yet (Elasticsearch has not answered since the start)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response reindex() {
        var job = rebuilds.start(user.name());
        return Response.accepted(job).location(URI.create(JobResource.path(job.id()))).build();
    }

    @GET
    @Path("/reindex")
    @Operation(operationId = "getLastRebuild", summary = "The latest rebuild of the search index, in any service copy, as a job",
            description = "The same as the newest job of GET /api/admin/jobs?kind=reindex: running with its progress, or finished"
                    + " with its result (indices, documents, time, rate and the check). 404 if the index was never rebuilt.")
    public JobView lastReindex() {
        return jobs.list(ReindexJob.KIND, new PageRequest(0, 1)).items().stream().findFirst()
                .orElseThrow(() -> new ProblemException(Problem.of("not-found", "Not found", 404, "the search index has not been rebuilt yet")));
    }

    @GET
    @Path("/search/check")
    @Operation(operationId = "checkIndex", summary = "Compare the search index with PostgreSQL",
            description = "Leaders missing, stale or extra in the live index. Reads only; POST .../check/fix queues them.")
    public IndexReconciler.Report check(@Parameter(deprecated = true, description = "Refused: " + CHECK_ONLY_READS) @QueryParam("fix") String fix) {
        if (fix != null) {
            // the check used to fix on ?fix=true; a GET must not write, so say where fixing went rather than ignore it
            throw ProblemException.invalid(Violation.query("fix", CHECK_ONLY_READS));
        }
        return compare();
    }

    @POST
    @Path("/search/check/fix")
    @Operation(operationId = "fixIndex", summary = "Repair the search index",
            description = "What the nightly reconciliation does, now: compares the live index with PostgreSQL and queues every"
                    + " leader missing, stale or extra for indexing, and writes again the leaders a copy of an older build wrote"
                    + " (during a rolling update) or whose record still to end has ended since they were written.")
    public IndexReconciler.Report fix() {
        return reconciliation.run("admin").orElseThrow(SearchAdminResource::unavailable);
    }

    private IndexReconciler.Report compare() {
        try {
            return reconciler.compare(index.alias());
        } catch (IOException e) {
            throw unavailable();
        }
    }

    @GET
    @Path("/search/query")
    @Operation(operationId = "getSearchRequestBody", summary = "Show a search's Elasticsearch request",
            description = "The Elasticsearch request body a search with these parameters sends, to inspect or replay it directly.")
    public ObjectNode query(@BeanParam SearchParams params) {
        return search.searchBody(params);
    }

    @GET
    @Path("/outbox")
    @Operation(operationId = "getOutbox", summary = "The indexing backlog",
            description = "Pending and parked outbox rows, and the last Elasticsearch error.")
    public OutboxView outbox() {
        return new OutboxView(outbox.stats(), indexer.lastError(), outbox.parked(100));
    }

    @POST
    @Path("/outbox/replay")
    @Operation(operationId = "replayOutbox", summary = "Replay parked outbox rows", description = "Puts every parked outbox row back in the queue.")
    public Replayed replay() {
        int rows = outbox.replayParked();
        indexer.nudge();
        return new Replayed(rows);
    }

    private static ProblemException unavailable() {
        return new ProblemException(Problem.of("search-unavailable", "Search unavailable", 503,
                "Elasticsearch is not answering; retry in " + Problem.RETRY_AFTER_SECONDS + " seconds"));
    }
}
