package org.joinedup.search.index;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.joinedup.Fixtures;
import org.joinedup.leader.MentoringOffer;
import org.junit.jupiter.api.Test;

/**
 * What the nightly reconciliation writes again, at the revision the index holds, though the leader has not changed. A leader
 * written while one of its records was still to end carries that end ({@code experience.next_end}) and is scored through
 * its records; once the end has come it is written again, so it is scored on the leader. And during a rolling update a
 * copy of the older build writes its documents to the new index too, without what the new mapping added; its revision is
 * current, so only the build that wrote it tells ({@code mapping_version}). A leader that needs neither is left as it is.
 */
@QuarkusTest
class WrittenAgainTest {

    /** The end of the records {@link Fixtures#record} makes. */
    private static final String FIXTURE_END = "2017-03-31";

    @Inject
    LeaderDocuments documents;

    @Inject
    LeaderIndex index;

    @Inject
    ElasticsearchClient client;

    @Inject
    ObjectMapper json;

    @Inject
    IndexReconciliation reconciliation;

    @Test
    void aLeaderWrittenBeforeItsRecordEndedIsWrittenAgainOnceItHas() throws IOException {
        Fixtures.actAs("demo-admin");
        long ended = Fixtures.createLeader(Fixtures.leader("Ended Since Written"));
        Fixtures.createRecord(ended, Fixtures.record("Teams whose pilot ended"));
        long toCome = Fixtures.createLeader(Fixtures.leader("Still To End"));
        var later = Fixtures.record("Teams whose pilot ends next year");
        later.put("periodEnd", MentoringOffer.today().plusYears(1).toString());
        Fixtures.createRecord(toCome, later);
        Fixtures.awaitIndexInStep(Duration.ofSeconds(30));
        assertEquals(1, indexed().count(toCome, toCome(true)), "a record ending after the day it is written is still to come");

        // the first leader as it was written in 2016, before its record ended
        var leader = documents.load(List.of(ended)).get(0);
        indexed().putAsWritten(leader, written2016 -> ((ObjectNode) written2016.get(DocumentFields.EXPERIENCE))
                .put("to_come", true).put("next_end", FIXTURE_END).put("ended", 0.0));
        assertEquals(1, indexed().count(ended, toCome(true)), "written before the end, the leader has a record to come");
        long toComeWrite = indexed().hit(toCome).seqNo();

        reconciliation.run("test");
        client.indices().refresh(r -> r.index(index.alias()));

        assertEquals(0, indexed().count(ended, toCome(true)), "written again, the record has ended");
        assertEquals(1, indexed().count(ended, Query.of(q -> q.range(r -> r.number(n -> n.field(DocumentFields.EXPERIENCE_ENDED).gt(0.0))))),
                "and counts its freshness on the leader");
        assertEquals(leader.revision(), indexed().hit(ended).version(), "at the same revision");
        assertEquals(toComeWrite, indexed().hit(toCome).seqNo(), "a leader whose record is still to end is not written again");
    }

    @Test
    void aLeaderAnOlderBuildWroteIsWrittenAgainAsThisBuildWritesIt() throws IOException {
        Fixtures.actAs("demo-admin");
        long older = Fixtures.createLeader(Fixtures.leader("Written By Mapping Twenty"));
        Fixtures.createRecord(older, Fixtures.record("Teams joined up before the update"));
        long current = Fixtures.createLeader(Fixtures.leader("Written By This Build"));
        Fixtures.awaitIndexInStep(Duration.ofSeconds(30));
        assertEquals(1, indexed().count(current, ofThisBuild()), "this build stamps what it writes");

        // the leader as a copy of mapping 20 writes it: no stamp, and none of what mapping 21 added
        var leader = documents.load(List.of(older)).get(0);
        indexed().putAsWritten(leader, byMapping20 -> byMapping20.remove(DocumentFields.MAPPING_VERSION));
        assertEquals(0, indexed().count(older, ofThisBuild()));
        long currentWrite = indexed().hit(current).seqNo();

        // the nightly reconciliation, run now by an admin
        given().when().post("/api/admin/search/check/fix").then().statusCode(200).body("inStep", is(true));
        client.indices().refresh(r -> r.index(index.alias()));

        assertEquals(1, indexed().count(older, ofThisBuild()), "written again by this build");
        assertEquals(leader.revision(), indexed().hit(older).version(), "at the same revision");
        assertEquals(currentWrite, indexed().hit(current).seqNo(), "a leader this build wrote is not written again");
    }

    @Test
    void eightRepairsAtOnceAllAnswerAndLeaveTheLeaderAtItsRevision() throws Exception {
        Fixtures.actAs("demo-admin");
        long older = Fixtures.createLeader(Fixtures.leader("Repaired Eight Times"));
        Fixtures.awaitIndexInStep(Duration.ofSeconds(30));
        var leader = documents.load(List.of(older)).get(0);
        indexed().putAsWritten(leader, byMapping20 -> byMapping20.remove(DocumentFields.MAPPING_VERSION));

        var barrier = new CyclicBarrier(8);
        var pool = Executors.newFixedThreadPool(8);
        var statuses = new ArrayList<Future<Integer>>();
        for (int i = 0; i < 8; i++) {
            statuses.add(pool.submit(() -> {
                barrier.await();
                return given().when().post("/api/admin/search/check/fix").then().extract().statusCode();
            }));
        }
        for (var status : statuses) {
            assertEquals(200, status.get());
        }
        pool.shutdown();
        client.indices().refresh(r -> r.index(index.alias()));

        assertEquals(1, indexed().count(older, ofThisBuild()), "written again by this build");
        assertEquals(leader.revision(), indexed().hit(older).version(), "at its revision, however many wrote it");
        Fixtures.awaitIndexInStep(Duration.ofSeconds(30));
    }

    private static Query ofThisBuild() {
        return Query.of(q -> q.term(t -> t.field(DocumentFields.MAPPING_VERSION).value(LeaderIndex.mappingVersion())));
    }

    private static Query toCome(boolean value) {
        return Query.of(q -> q.term(t -> t.field(DocumentFields.EXPERIENCE_TO_COME).value(value)));
    }

    private IndexedLeaders indexed() {
        return new IndexedLeaders(client, index.alias(), json);
    }
}
