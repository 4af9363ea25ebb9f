package org.joinedup.search.index;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import org.joinedup.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * What a search hit shows of a leader and of its matched records (DocumentFields.HIT): written with the document as its
 * JSON cut to the hit's fields, stored beside the source and not in it; and a search still shows hits from an index that
 * has no such field (one of an older mapping, live while the new one is built).
 */
@QuarkusTest
class HitCardsTest {

    @Inject
    LeaderDocuments documents;

    @Inject
    LeaderIndex index;

    @Inject
    ElasticsearchClient client;

    @Inject
    ObjectMapper json;

    @Test
    void aCardIsTheDocumentCutToWhatAHitShows() throws IOException {
        Fixtures.actAs("demo-admin");
        long id = Fixtures.createLeader(Fixtures.leader("Hit Card"));
        Fixtures.createRecord(id, Fixtures.record("Neighbourhood teams in Retford"));
        var leader = documents.load(List.of(id)).get(0);
        var written = json.readTree(json.writeValueAsString(leader));

        var card = json.readTree(leader.hit());
        assertEquals(cut(written, "", DocumentFields.HIT_FIELDS), card, "the leader's card is its document cut to the hit's fields");
        assertEquals(List.of("site-visit", "calls"), json.convertValue(card.path("mentoring").path("formats"), List.class));
        assertTrue(card.path("home_area").has("name"), "an object named whole comes whole");
        assertFalse(card.path("mentoring").has("capacity"), "an object named in part comes in part");
        assertFalse(card.has(DocumentFields.RECORDS) || card.has(DocumentFields.FACET_VALUES) || card.has(DocumentFields.HIT),
                "no records, no derived fields, no card in the card");

        var recordCard = json.readTree(leader.records().get(0).hit());
        assertEquals(cut(written.path(DocumentFields.RECORDS).path(0), DocumentFields.RECORDS + ".", DocumentFields.MATCHED_RECORD_FIELDS),
                recordCard, "a record's card is the record cut to a matched record's fields");
        assertEquals("Neighbourhood teams in Retford", recordCard.path("title").asText());
        assertTrue(recordCard.path("locations").path(0).has("lat"), "with its places");
        assertFalse(recordCard.has("summary") || recordCard.has(DocumentFields.HIT), "and nothing else");
    }

    @Test
    void theCardsAreStoredBesideTheSourceAndASearchWithoutThemReadsTheSource() throws IOException {
        Fixtures.actAs("demo-admin");
        long id = Fixtures.createLeader(Fixtures.leader("Hit Card Stored"));
        Fixtures.createRecord(id, Fixtures.record("Wellow discharge to assess"));
        Fixtures.awaitIndexInStep(Duration.ofSeconds(30));

        var stored = client.search(s -> s.index(index.alias()).storedFields(DocumentFields.HIT).source(src -> src.fetch(true))
                .query(q -> q.term(t -> t.field(DocumentFields.ID).value(id))), ObjectNode.class).hits().hits().get(0);
        assertTrue(stored.fields().containsKey(DocumentFields.HIT), "the card is stored");
        assertFalse(stored.source().has(DocumentFields.HIT), "but not in the source");
        assertFalse(stored.source().path(DocumentFields.RECORDS).path(0).has(DocumentFields.HIT), "nor is a record's");
        var withCards = found("Wellow");

        // the same document as an index of an older mapping holds it: no cards
        var leader = documents.load(List.of(id)).get(0);
        try {
            indexed().putAsWritten(leader, old -> {
                old.remove(DocumentFields.HIT);
                old.withArray(DocumentFields.RECORDS).forEach(record -> ((ObjectNode) record).remove(DocumentFields.HIT));
            });
            var withoutCards = client.search(s -> s.index(index.alias()).storedFields(DocumentFields.HIT)
                    .query(q -> q.term(t -> t.field(DocumentFields.ID).value(id))), ObjectNode.class).hits().hits().get(0);
            assertTrue(withoutCards.fields().isEmpty(), "the document has no card now");
            assertEquals(withCards, found("Wellow"), "the search shows the same hit, read from the source");
        } finally {
            indexed().putAsWrittenNow(leader);
        }
    }

    /** The hit for the leader whose record has these words, as the search answers it; its score aside (a rewrite moves the word statistics). */
    private static Object found(String words) {
        var hits = given().queryParam("q", words).when().get("/api/search/leaders").then().statusCode(200).extract().jsonPath();
        assertEquals(1, hits.getInt("total"), "one leader has " + words);
        assertEquals("Wellow discharge to assess", hits.getString("hits[0].matchedRecords[0].title"));
        var hit = new HashMap<>(hits.getMap("hits[0]"));
        assertTrue(hit.remove("score") != null, "a hit has a score");
        return hit;
    }

    /** {@code node} cut to {@code paths} (written from {@code root}), as Elasticsearch's source filtering cuts it. */
    private ObjectNode cut(JsonNode node, String root, List<String> paths) {
        var cut = json.createObjectNode();
        for (var path : paths) {
            var names = path.substring(root.length()).split("\\.");
            JsonNode from = node;
            var to = cut;
            for (int i = 0; i < names.length - 1 && !from.path(names[i]).isMissingNode(); i++) {
                from = from.path(names[i]);
                to = to.withObject("/" + names[i]);
            }
            var last = names[names.length - 1];
            if (from.has(last)) {
                to.set(last, from.get(last));
            }
        }
        return cut;
    }

    private IndexedLeaders indexed() {
        return new IndexedLeaders(client, index.alias(), json);
    }
}
