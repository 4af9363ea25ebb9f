package org.joinedup.search.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * Leaders' documents as the index behind {@code alias} holds them, for the tests that write one as an older build or an
 * earlier day wrote it and check how the service writes it again.
 */
record IndexedLeaders(ElasticsearchClient client, String alias, ObjectMapper json) {

    /** {@code leader} as an older build or an earlier day wrote it: this build's document changed by {@code then}, at its revision. */
    void putAsWritten(LeaderDocument leader, Consumer<ObjectNode> then) throws IOException {
        ObjectNode written = json.valueToTree(leader);
        then.accept(written);
        putAtRevision(leader.id(), leader.revision(), written);
    }

    /** {@code leader} as this build writes it, at its revision (to put back what {@link #putAsWritten} changed). */
    void putAsWrittenNow(LeaderDocument leader) throws IOException {
        putAtRevision(leader.id(), leader.revision(), leader);
    }

    /** {@code document} for leader {@code id} at {@code revision} (the same revision replaces), searchable at once. */
    void putAtRevision(long id, long revision, Object document) throws IOException {
        client.index(i -> i.index(alias).id(String.valueOf(id)).document(document).version(revision).versionType(VersionType.ExternalGte));
        client.indices().refresh(r -> r.index(alias));
    }

    /** 1 if leader {@code id}'s document matches {@code query}, else 0. */
    long count(long id, Query query) throws IOException {
        return client.count(c -> c.index(alias).query(q -> q.bool(b -> b.filter(f -> f.term(t -> t.field(DocumentFields.ID).value(id)))
                .filter(query)))).count();
    }

    /** Leader {@code id}'s document with its version (the revision) and sequence number (which every write moves on). */
    Hit<ObjectNode> hit(long id) throws IOException {
        return client.search(s -> s.index(alias).version(true).seqNoPrimaryTerm(true).source(src -> src.fetch(false))
                .query(q -> q.term(t -> t.field(DocumentFields.ID).value(id))), ObjectNode.class).hits().hits().get(0);
    }
}
