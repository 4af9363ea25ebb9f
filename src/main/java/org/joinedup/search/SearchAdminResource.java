package org.joinedup.search;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.joinedup.platform.Problem;
import org.joinedup.platform.ProblemException;
import org.joinedup.platform.Violation;
import org.joinedup.security.Roles;

@Path("/api/admin")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Search administration")
public class SearchAdminResource {

    private static final String CHECK_ONLY_READS = "the check only reads; POST /api/admin/search/check/fix queues the differences";

    @Inject
    Reindexer reindexer;

    @Inject
    IndexReconciler reconciler;

    @Inject
    LeaderIndex index;

    @Inject
    SearchOutbox outbox;

    @Inject
    Indexer indexer;

    @Inject
    SearchService search;

    @Inject
    SearchCriteriaParser parser;

    public record OutboxView(SearchOutbox.Stats stats, String lastError, List<SearchOutbox.ParkedEntry> parked) {
    }

    public record Replayed(int rows) {
    }

    @POST
    @Path("/reindex")
    @Operation(operationId = "rebuildIndex", summary = "Rebuild the search index",
            description = "From PostgreSQL, beside the live one, then swapped in; search answers throughout.")
    public Reindexer.Report reindex() {
        try {
            return reindexer.reindex();
        } catch (IOException e) {
            throw unavailable();
        }
    }

    @GET
    @Path("/reindex")
    @Operation(operationId = "getLastRebuild", summary = "The last index rebuild",
            description = "The last rebuild this service copy ran: indices, documents, time, rate and the check.")
    @APIResponse(responseCode = "200", description = "The last rebuild", content = @Content(schema = @Schema(implementation = Reindexer.Report.class)))
    @APIResponse(responseCode = "404", description = "This copy has not rebuilt the index since it started")
    public Reindexer.Report lastReindex() {
        return reindexer.last().orElseThrow(() -> new ProblemException(Problem.of("not-found", "Not found", 404,
                "this copy has not rebuilt the index since it started")));
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
            description = "Compares the live index with PostgreSQL and queues every leader missing, stale or extra for indexing.")
    public IndexReconciler.Report fix() {
        var report = compare();
        outbox.enqueue(report.revisionsToFix());
        indexer.nudge();
        return report;
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
    public com.fasterxml.jackson.databind.node.ObjectNode query(@jakarta.ws.rs.BeanParam SearchParams params) {
        return search.searchBody(parser.parse(params));
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
