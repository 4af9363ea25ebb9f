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
    @Operation(summary = "Rebuild the search index from PostgreSQL beside the live one and swap it in; search answers throughout")
    public Reindexer.Report reindex() {
        try {
            return reindexer.reindex();
        } catch (IOException e) {
            throw unavailable();
        }
    }

    @GET
    @Path("/reindex")
    @Operation(summary = "The last rebuild this service copy ran: indices, documents, time, rate and the check")
    public Reindexer.Report lastReindex() {
        return reindexer.last().orElseThrow(() -> new ProblemException(Problem.of("not-found", "Not found", 404,
                "this copy has not rebuilt the index since it started")));
    }

    @GET
    @Path("/search/check")
    @Operation(summary = "Compare the live index with PostgreSQL: leaders missing, stale or extra. Reads only; POST .../check/fix queues them")
    public IndexReconciler.Report check(@QueryParam("fix") String fix) {
        if (fix != null) {
            // the check used to fix on ?fix=true; a GET must not write, so say where fixing went rather than ignore it
            throw ProblemException.invalid(Violation.query("fix", "the check only reads; POST /api/admin/search/check/fix queues the differences"));
        }
        return compare();
    }

    @POST
    @Path("/search/check/fix")
    @Operation(summary = "Compare the live index with PostgreSQL and queue every leader missing, stale or extra for indexing")
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
    @Operation(summary = "The Elasticsearch request body a search with these parameters sends, to inspect or replay it directly")
    public com.fasterxml.jackson.databind.node.ObjectNode query(@jakarta.ws.rs.BeanParam SearchParams params) {
        return search.searchBody(parser.parse(params));
    }

    @GET
    @Path("/outbox")
    @Operation(summary = "The indexing backlog: pending and parked rows, and the last Elasticsearch error")
    public OutboxView outbox() {
        return new OutboxView(outbox.stats(), indexer.lastError(), outbox.parked(100));
    }

    @POST
    @Path("/outbox/replay")
    @Operation(summary = "Put every parked outbox row back in the queue")
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
