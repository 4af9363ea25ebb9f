package org.joinedup.search.index;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.transport.TransportException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Indexes one claimed batch of leaders. When the batch fails as a whole (a document that cannot be
 * built, or a bulk request Elasticsearch rejects outright, such as 413 too large), it is split in
 * halves until the leader at fault stands alone: that leader is poisoned, the rest are indexed.
 * Only a failure of the infrastructure itself (Elasticsearch or PostgreSQL not answering) escapes,
 * since splitting cannot help with that.
 */
@ApplicationScoped
class IndexBatch {

    @Inject
    LeaderDocuments documents;

    @Inject
    IndexWriter writer;

    @Inject
    LeaderIndex index;

    /**
     * {@code refused}: leaders Elasticsearch refused item by item (worth a retry); {@code poisoned}:
     * leaders that fail on their own whatever is retried, each with its error.
     */
    public record Result(Map<Long, String> refused, Map<Long, String> poisoned) {

        static Result empty() {
            return new Result(new HashMap<>(), new HashMap<>());
        }

        Result add(Result other) {
            refused.putAll(other.refused);
            poisoned.putAll(other.poisoned);
            return this;
        }
    }

    /** {@code revisions}: leader id to the highest revision queued, used only to delete a leader that is gone. */
    public Result write(List<Long> leaderIds, Map<Long, Long> revisions) throws IOException {
        return write(index.writeTargets(), leaderIds, revisions);
    }

    private Result write(List<String> targets, List<Long> leaderIds, Map<Long, Long> revisions) throws IOException {
        try {
            var refused = writer.write(targets, changes(leaderIds, revisions));
            var result = Result.empty();
            result.refused().putAll(refused);
            return result;
        } catch (IOException | RuntimeException e) {
            if (!batchAtFault(e)) {
                throw e;
            }
            if (leaderIds.size() == 1) {
                var result = Result.empty();
                result.poisoned().put(leaderIds.get(0), describe(e));
                return result;
            }
            int half = leaderIds.size() / 2;
            return write(targets, leaderIds.subList(0, half), revisions)
                    .add(write(targets, leaderIds.subList(half, leaderIds.size()), revisions));
        }
    }

    private List<IndexWriter.Change> changes(List<Long> leaderIds, Map<Long, Long> revisions) {
        var docs = documents.load(leaderIds);
        var changes = new ArrayList<IndexWriter.Change>();
        docs.forEach(doc -> changes.add(new IndexWriter.Put(doc)));
        Set<Long> present = docs.stream().map(LeaderDocument::id).collect(Collectors.toSet());
        leaderIds.stream().filter(id -> !present.contains(id))
                .forEach(id -> changes.add(new IndexWriter.Remove(id, Math.max(1, revisions.getOrDefault(id, 1L)))));
        return changes;
    }

    /**
     * Whether the batch's content, not the infrastructure, made it fail: a 4xx answer to the whole
     * request (but not 408 or 429, which say "later"), or an error building a document that is not
     * the database failing. A connection refused or a 5xx is Elasticsearch down: no split helps.
     */
    static boolean batchAtFault(Throwable e) {
        if (e instanceof ElasticsearchException es) {
            return clientError(es.status());
        }
        if (e instanceof TransportException transport) {
            return clientError(transport.statusCode());
        }
        if (e instanceof IOException) {
            return false;
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException) {
                return false;
            }
        }
        return true;
    }

    private static boolean clientError(int status) {
        return status >= 400 && status < 500 && status != 408 && status != 429;
    }

    private static String describe(Throwable e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
