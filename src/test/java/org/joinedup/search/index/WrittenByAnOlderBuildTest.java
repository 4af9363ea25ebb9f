package org.joinedup.search.index;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.joinedup.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * During a rolling update a copy of the older build writes its documents to the new index too, without what the new
 * mapping added; its revision is current, so only the build that wrote it tells. The nightly reconciliation (which an
 * admin runs at once with POST /api/admin/search/check/fix) writes such a leader again, at the same revision, as this
 * build writes it; a leader this build wrote is left as it is.
 */
@QuarkusTest
class WrittenByAnOlderBuildTest {

    @Inject
    LeaderDocuments documents;

    @Inject
    LeaderIndex index;

    @Inject
    ElasticsearchClient client;

    @Inject
    ObjectMapper json;

    @Test
    void aLeaderAnOlderBuildWroteIsWrittenAgainAsThisBuildWritesIt() throws IOException {
        Fixtures.actAs("demo-admin");
        long older = Fixtures.createLeader(Fixtures.leader("Written By Mapping Twenty"));
        Fixtures.createRecord(older, Fixtures.record("Teams joined up before the update"));
        long current = Fixtures.createLeader(Fixtures.leader("Written By This Build"));
        Fixtures.awaitIndexInStep(Duration.ofSeconds(30));
        assertEquals(1, count(current, ofThisBuild()), "this build stamps what it writes");

        // the leader as a copy of mapping 20 writes it: no stamp, and none of what mapping 21 added
        var leader = documents.load(List.of(older)).get(0);
        ObjectNode byMapping20 = json.valueToTree(leader);
        byMapping20.remove(DocumentFields.MAPPING_VERSION);
        HeldRevision.put(client, index.alias(), older, leader.revision(), byMapping20);
        assertEquals(0, count(older, ofThisBuild()));
        long currentWrite = hit(current).seqNo();

        // the nightly reconciliation, run now by an admin
        given().when().post("/api/admin/search/check/fix").then().statusCode(200).body("inStep", is(true));
        client.indices().refresh(r -> r.index(index.alias()));

        assertEquals(1, count(older, ofThisBuild()), "written again by this build");
        assertEquals(leader.revision(), hit(older).version(), "at the same revision");
        assertEquals(currentWrite, hit(current).seqNo(), "a leader this build wrote is not written again");
    }

    private static Query ofThisBuild() {
        return Query.of(q -> q.term(t -> t.field(DocumentFields.MAPPING_VERSION).value(LeaderIndex.mappingVersion())));
    }

    private long count(long id, Query query) throws IOException {
        return client.count(c -> c.index(index.alias()).query(q -> q.bool(b -> b.filter(f -> f.term(t -> t.field(DocumentFields.ID).value(id)))
                .filter(query)))).count();
    }

    private Hit<ObjectNode> hit(long id) throws IOException {
        return client.search(s -> s.index(index.alias()).version(true).seqNoPrimaryTerm(true).source(src -> src.fetch(false))
                .query(q -> q.term(t -> t.field(DocumentFields.ID).value(id))), ObjectNode.class).hits().hits().get(0);
    }
}
