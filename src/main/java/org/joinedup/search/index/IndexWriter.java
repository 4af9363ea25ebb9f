package org.joinedup.search.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes leader documents with the bulk API, versioned externally by the leader's revision: an
 * older revision never replaces a newer one, whichever service copy or replay sends it. Every
 * item's result is checked, since a bulk call succeeds even when some items fail.
 */
@ApplicationScoped
class IndexWriter {

    private static final String NO_INDEX = "index_not_found_exception";

    @Inject
    ElasticsearchClient client;

    @Inject
    LeaderIndex index;

    /** What to do for one leader: index its current document, or delete it at a revision. */
    public sealed interface Change permits Put, Remove {
        long leaderId();
    }

    public record Put(LeaderDocument document) implements Change {
        public long leaderId() {
            return document.id();
        }
    }

    public record Remove(long leaderId, long revision) implements Change {
    }

    /** Per leader: null when every target acknowledged it (or already holds a newer revision), else the error. */
    public Map<Long, String> write(List<String> targets, List<? extends Change> changes) throws IOException {
        return write(targets, changes, VersionType.External);
    }

    /**
     * Writes documents again at the revision the index holds, for what they derive from the day they are written
     * ({@link LeaderDocument#experience}): the same revision replaces the document, a newer one is left in place.
     */
    public Map<Long, String> rewrite(List<String> targets, List<Put> documents) throws IOException {
        return write(targets, documents, VersionType.ExternalGte);
    }

    private Map<Long, String> write(List<String> targets, List<? extends Change> changes, VersionType versionType) throws IOException {
        var failures = new HashMap<Long, String>();
        if (changes.isEmpty()) {
            return failures;
        }
        var bulk = new BulkRequest.Builder();
        for (var target : targets) {
            // written to the alias, a document must never create an index of that name (with dynamic mappings)
            // when the alias points nowhere: the index was deleted, or creating it failed
            Boolean requireAlias = target.equals(index.alias()) ? Boolean.TRUE : null;
            for (var change : changes) {
                var id = String.valueOf(change.leaderId());
                if (change instanceof Put put) {
                    bulk.operations(op -> op.index(i -> i.index(target).id(id).document(put.document()).requireAlias(requireAlias)
                            .version(put.document().revision()).versionType(versionType)));
                } else if (change instanceof Remove remove) {
                    bulk.operations(op -> op.delete(d -> d.index(target).id(id)
                            .version(remove.revision()).versionType(versionType)));
                }
            }
        }
        var response = client.bulk(bulk.build());
        if (response.errors()) {
            for (BulkResponseItem item : response.items()) {
                if (item.error() != null && NO_INDEX.equals(item.error().type())) {
                    // no index to write to is the infrastructure's fault, not the documents': the outbox waits
                    throw new NoIndexException("no index behind " + item.index() + ": " + item.error().reason());
                }
                if (failed(item)) {
                    failures.merge(Long.valueOf(item.id()), item.error().type() + ": " + item.error().reason(), (a, b) -> a);
                }
            }
        }
        return failures;
    }

    /** The index written to is gone: writing the same again cannot succeed until it is made again. */
    static final class NoIndexException extends IOException {
        NoIndexException(String message) {
            super(message);
        }
    }

    /** A version conflict means a newer revision is already there, and a missing document on delete is already gone. */
    private static boolean failed(BulkResponseItem item) {
        return item.error() != null && item.status() != 409 && item.status() != 404;
    }
}
