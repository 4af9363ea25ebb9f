package org.joinedup.search.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.joinedup.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * A write aimed at the alias when no index is behind it (deleted by hand, or its creation failed)
 * must not let Elasticsearch create an index of that name with guessed mappings, which would then
 * block the alias for good; it fails as the infrastructure's fault, so the outbox keeps the rows.
 */
@QuarkusTest
class IndexWriterTest {

    @Inject
    IndexWriter writer;

    @Inject
    LeaderIndex index;

    @Inject
    LeaderDocuments documents;

    @Inject
    ElasticsearchClient client;

    @Test
    void aWriteToAnAliasWithNoIndexBehindItCreatesNothingAndWaits() throws IOException {
        Fixtures.actAs("demo-admin");
        long id = Fixtures.createLeader(Fixtures.leader("Alias Writer"));
        var change = new IndexWriter.Put(documents.load(List.of(id)).get(0));
        var alias = index.alias();
        var live = index.indexBehind(alias).orElseThrow();
        client.indices().updateAliases(u -> u.actions(a -> a.remove(r -> r.index(live).alias(alias))));
        try {
            var failure = assertThrows(IOException.class, () -> writer.write(List.of(alias), List.of(change)));
            assertTrue(failure.getMessage().contains("no index behind " + alias), failure.getMessage());
            assertFalse(client.indices().exists(e -> e.index(alias)).value(), "no index named like the alias was created");
        } finally {
            client.indices().updateAliases(u -> u.actions(a -> a.add(add -> add.index(live).alias(alias))));
        }
        assertEquals(live, index.indexBehind(alias).orElseThrow());
        assertEquals(Map.of(), writer.write(List.of(alias), List.of(change)), "written once the alias is back");
    }
}
