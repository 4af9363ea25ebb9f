package org.joinedup.search.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.VersionType;
import java.io.IOException;

/** Writes a document as the index would hold it at a revision it already has (as a rebuild, or an older build, wrote it). */
final class HeldRevision {

    private HeldRevision() {
    }

    /** {@code document} for leader {@code id} at {@code revision} (the same revision replaces), searchable at once. */
    static void put(ElasticsearchClient client, String alias, long id, long revision, Object document) throws IOException {
        client.index(i -> i.index(alias).id(String.valueOf(id)).document(document).version(revision).versionType(VersionType.ExternalGte));
        client.indices().refresh(r -> r.index(alias));
    }
}
