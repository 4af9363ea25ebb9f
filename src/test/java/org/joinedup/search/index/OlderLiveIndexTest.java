package org.joinedup.search.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.indices.CreateIndexRequest;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.joinedup.Fixtures;
import org.joinedup.leader.MentoringOffer;
import org.junit.jupiter.api.Test;

/**
 * A new build starts against a live index of an older mapping, which its documents outgrow (a field added): until the
 * rebuild swaps the new index in, the old one must take them, or every change made meanwhile waits in the outbox and is
 * missing from search. Here the older mapping is this one without {@code experience.next_end} (added by mapping 20),
 * which this build's document of a leader with a record still to end carries, and without {@code mapping_version}.
 */
@QuarkusTest
class OlderLiveIndexTest {

    @Inject
    LeaderIndex index;

    @Inject
    LeaderDocuments documents;

    @Inject
    IndexWriter writer;

    @Inject
    ElasticsearchClient client;

    @Inject
    VocabularySynonyms synonyms;

    @Inject
    ElasticsearchConfig config;

    @Inject
    IndexReconciliation reconciliation;

    @Test
    void theLiveIndexOfAnOlderMappingTakesTheDocumentsOfThisBuild() throws IOException {
        Fixtures.actAs("demo-admin");
        long id = Fixtures.createLeader(Fixtures.leader("Written To An Older Index"));
        var record = Fixtures.record("A pilot that ends next year");
        String nextEnd = MentoringOffer.today().plusYears(1).toString();
        record.put("periodEnd", nextEnd);
        Fixtures.createRecord(id, record);
        Fixtures.awaitIndexInStep(Duration.ofSeconds(30));
        var document = new IndexWriter.Put(documents.load(List.of(id)).get(0));

        var live = index.liveIndex().orElseThrow();
        var older = index.alias() + "-v70";
        createOlder(older);
        try {
            aliasFrom(live, older);
            assertTrue(writer.write(List.of(index.alias()), List.of(document)).get(id).contains("strict_dynamic_mapping_exception"),
                    "the older mapping refuses a field it lacks until it is told otherwise");

            assertEquals(LeaderIndex.mappingVersion() - 1, index.ensure(), "a start finds the live index older");

            assertEquals(Map.of(), writer.write(List.of(index.alias()), List.of(document)), "and it takes this build's documents");
            client.indices().refresh(r -> r.index(older));
            long found = client.count(c -> c.index(older).query(q -> q.bool(b -> b
                    .filter(f -> f.term(t -> t.field(DocumentFields.ID).value(id)))
                    .filter(f -> f.term(t -> t.field(DocumentFields.EXPERIENCE_TO_COME).value(true)))
                    .must(m -> m.match(t -> t.field(DocumentFields.NAME).query("Older Index")))))).count();
            assertEquals(1, found, "searched by the fields it knows");

            long written = client.get(g -> g.index(older).id(String.valueOf(id)), ObjectNode.class).seqNo();
            reconciliation.writeAgain("test");
            assertEquals(written, client.get(g -> g.index(older).id(String.valueOf(id)), ObjectNode.class).seqNo(),
                    "what the older index lacks does not make the nightly reconciliation write its documents again");
        } finally {
            aliasFrom(older, live);
            client.indices().delete(d -> d.index(older));
            index.currentLiveIndex();
        }
    }

    /** The file's mapping less {@code experience.next_end} (mapping 20) and {@code mapping_version} (21), at the version before. */
    private void createOlder(String name) throws IOException {
        var body = LeaderIndex.indexBody(LeaderIndex.mapping(), config, synonyms.rules(), false);
        var mappings = (ObjectNode) body.path("mappings");
        ((ObjectNode) mappings.path("properties").path(DocumentFields.EXPERIENCE).path("properties")).remove("next_end");
        ((ObjectNode) mappings.path("properties")).remove(DocumentFields.MAPPING_VERSION);
        ((ObjectNode) mappings.path("_meta")).put("version", LeaderIndex.mappingVersion() - 1);
        client.indices().create(CreateIndexRequest.of(c -> c.index(name).withJson(new StringReader(body.toString()))));
    }

    private void aliasFrom(String from, String to) throws IOException {
        client.indices().updateAliases(u -> u.actions(a -> a.remove(r -> r.index(from).alias(index.alias())))
                .actions(a -> a.add(add -> add.index(to).alias(index.alias()))));
    }
}
