package org.joinedup.search.index;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.joinedup.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * Since mapping 22 the leader facets (mentored, sector, recognised) count in the one facet aggregation, among the facet
 * values, wherever it counts on the leader. A leader written by an older build has no such values there, and while an
 * index of that mapping is live (during a rebuild) the search must still count it: it asks again with the leader facets
 * in aggregations of their own.
 */
@QuarkusTest
class LeaderFacetsOfAnOlderIndexTest {

    @Inject
    LeaderDocuments documents;

    @Inject
    LeaderIndex index;

    @Inject
    ElasticsearchClient client;

    @Inject
    ObjectMapper json;

    @Test
    void aLeaderWithoutItsOwnFacetValuesIsStillCountedInTheLeaderFacets() throws IOException {
        Fixtures.actAs("demo-admin");
        long id = Fixtures.createLeader(Fixtures.leader("Counted Apart Olderbuild"));
        Fixtures.createRecord(id, Fixtures.record("Neighbourhood teams in Mansfield"));
        Fixtures.awaitIndexInStep(Duration.ofSeconds(30));
        var leader = documents.load(List.of(id)).get(0);
        var indexed = new IndexedLeaders(client, index.alias(), json);
        assertEquals(Map.of("no", 1), counts("q=Olderbuild", "mentored"), "this build's document: counted among the facet values");

        indexed.putAsWritten(leader, LeaderFacetsOfAnOlderIndexTest::asMapping21Wrote);
        try {
            for (var search : List.of("q=Olderbuild", "q=Olderbuild&region=E40000011", "q=Olderbuild&service=gp&service=social-care")) {
                assertEquals(Map.of("no", 1), counts(search, "mentored"), search + ": an older build's document, counted apart");
                assertEquals(Map.of("no", 1), counts(search, "recognised"), search);
            }
        } finally {
            indexed.putAsWrittenNow(leader);
        }
    }

    /** The leader's document as a build of mapping 21 wrote it: its own facet values nowhere among the facet values. */
    private static void asMapping21Wrote(ObjectNode written) {
        written.put(DocumentFields.MAPPING_VERSION, LeaderIndex.mappingVersion() - 1);
        var own = Set.of("track_record.mentored:no", "recognised:no");
        withoutOwn((ArrayNode) written.get(DocumentFields.FACET_VALUES), own);
        written.fields().forEachRemaining(field -> {
            if (field.getKey().startsWith(DocumentFields.FACET_VALUES + "_by_")) {
                field.getValue().forEach(values -> withoutOwn((ArrayNode) values, own));
            }
        });
    }

    private static void withoutOwn(ArrayNode values, Set<String> own) {
        for (int i = values.size() - 1; i >= 0; i--) {
            if (own.contains(values.get(i).asText())) {
                values.remove(i);
            }
        }
    }

    /** The counts of one facet for a search, value to leaders. */
    private static Map<String, Integer> counts(String search, String facet) {
        List<Map<String, Object>> counts = given().when().get("/api/search/leaders?" + search).then().statusCode(200)
                .extract().jsonPath().getList("facets." + facet);
        return counts.stream().collect(Collectors.toMap(c -> (String) c.get("code"), c -> (Integer) c.get("leaders")));
    }
}
