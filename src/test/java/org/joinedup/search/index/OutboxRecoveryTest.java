package org.joinedup.search.index;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.joinedup.Fixtures.awaitIndexInStep;
import static org.joinedup.Fixtures.createLeader;
import static org.joinedup.Fixtures.createRecord;
import static org.joinedup.Fixtures.leader;
import static org.joinedup.Fixtures.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.joinedup.Fixtures;
import org.joinedup.platform.ScheduledRuns;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The outbox never stalls on one bad leader, and the index never keeps a leader PostgreSQL has erased. */
@QuarkusTest
class OutboxRecoveryTest {

    @BeforeAll
    static void actAsAdmin() {
        Fixtures.actAs("demo-admin");
    }

    @Inject
    SearchOutbox outbox;

    @Inject
    IndexReconciliation reconciliation;

    @Inject
    ScheduledRuns runs;

    @Inject
    ElasticsearchClient client;

    @Inject
    EntityManager em;

    @ConfigProperty(name = "joinedup.elasticsearch.index-alias")
    String alias;

    @BeforeEach
    void indexCaughtUp() {
        awaitIndexInStep(Duration.ofSeconds(60));
    }

    @Test
    void aLeaderWhoseDocumentCannotBeBuiltIsParkedWhileTheRestOfItsBatchAndARebuildGoOn() throws Exception {
        long poison = createLeader(leader("Poison Pillworthy"));
        long first = createLeader(leader("Batchmate Ambrose"));
        long second = createLeader(leader("Batchmate Belinda"));
        createRecord(second, record("Batchmate record"));
        awaitIndexInStep(Duration.ofSeconds(30));
        // the home area left the vocabulary (the API refuses such a code, the data can still hold it):
        // the document builder cannot describe the leader's home
        sql("update leader set home_area_code = 'E99999999' where id = " + poison);
        sql("update leader set name = name || ' Renamed', revision = revision + 1 where id in (" + first + ", " + second + ")");
        // one transaction, so the three rows are claimed as one batch
        outbox.enqueue(Map.of(first, 0L, poison, 0L, second, 0L));
        try {
            awaitParked(poison);
            var parked = outbox.parked(100).stream().filter(p -> p.leaderId() == poison).findFirst().orElseThrow();
            assertTrue(parked.lastError().contains("NullPointerException"), parked.lastError());
            awaitIndexedName(first, "Batchmate Ambrose Renamed");
            awaitIndexedName(second, "Batchmate Belinda Renamed");
            given().when().get("/api/admin/outbox").then().statusCode(200)
                    .body("parked.find { it.leaderId == " + poison + " }.lastError", containsString("NullPointerException"));
            // nor does it stop a rebuild: the rebuild leaves that one leader out
            var rebuild = Fixtures.reindex(Duration.ofMinutes(2));
            assertEquals("succeeded", rebuild.getString("state"), rebuild.prettify());
            assertTrue(rebuild.getList("result.check.missingSample", Integer.class).contains((int) poison), rebuild.prettify());
            assertEquals(1, rebuild.getInt("errorCount"), "the job names the leader it left out");
            assertTrue(rebuild.getString("errors[0]").contains("leader " + poison + " left out"), rebuild.prettify());
            // the check after the swap queues the leader again, and it is parked again
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (outbox.parked(100).stream().filter(p -> p.leaderId() == poison).count() < 2) {
                assertTrue(System.nanoTime() < deadline, "the check after the rebuild did not queue the leader again");
                Fixtures.sleep(100);
            }
        } finally {
            sql("update leader set home_area_code = 'E10000024' where id = " + poison);
            given().when().post("/api/admin/outbox/replay").then().statusCode(200);
        }
        awaitIndexInStep(Duration.ofSeconds(30));
        assertTrue(outbox.parked(100).stream().noneMatch(p -> p.leaderId() == poison), "replayed once fixed");
    }

    @Test
    void theScheduledReconciliationRemovesAnErasedLeaderAStalledCopyWroteBackOnceAcrossCopies() throws Exception {
        long id = createLeader(leader("Lazarus Resurrected"));
        awaitIndexInStep(Duration.ofSeconds(30));
        var stale = client.get(g -> g.index(alias).id(String.valueOf(id)), ObjectNode.class).source();
        given().when().delete("/api/leaders/" + id).then().statusCode(204);
        awaitIndexInStep(Duration.ofSeconds(30));
        assertFalse(indexed(id));

        // a copy that stalled with the leader's old document sends it after Elasticsearch forgot the delete
        client.index(i -> i.index(alias).id(String.valueOf(id)).document(stale));
        assertTrue(indexed(id), "the erased leader is back in the index");

        var report = reconciliation.scheduled().orElseThrow(() -> new AssertionError("this copy should have claimed the run"));
        assertEquals(1, report.extra(), report.toString());
        assertEquals(java.util.List.of(id), report.extraSample());
        assertTrue(reconciliation.scheduled().isEmpty(), "another copy firing now finds the run done");
        awaitIndexInStep(Duration.ofSeconds(30));
        assertFalse(indexed(id), "the erased leader is gone again");
    }

    @Test
    void aScheduledRunIsClaimedByOneCopyUntilItsSpacingHasPassed() {
        assertTrue(runs.claim("test-job", Duration.ofHours(1), "copy-a"));
        assertFalse(runs.claim("test-job", Duration.ofHours(1), "copy-b"));
        assertTrue(runs.claim("test-job", Duration.ZERO, "copy-b"), "due again once the spacing has passed");
    }

    private boolean indexed(long id) throws Exception {
        client.indices().refresh(r -> r.index(alias));
        return client.exists(e -> e.index(alias).id(String.valueOf(id))).value();
    }

    private void awaitParked(long leaderId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (outbox.parked(100).stream().noneMatch(p -> p.leaderId() == leaderId)) {
            assertTrue(System.nanoTime() < deadline, "leader " + leaderId + " not parked: " + outbox.stats());
            Fixtures.sleep(100);
        }
    }

    private void awaitIndexedName(long id, String name) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String indexed;
        do {
            var doc = client.get(g -> g.index(alias).id(String.valueOf(id)), ObjectNode.class).source();
            indexed = doc == null ? null : doc.path("name").asText();
            if (name.equals(indexed)) {
                return;
            }
            Fixtures.sleep(100);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("leader " + id + " indexed as '" + indexed + "', expected '" + name + "'");
    }

    private void sql(String statement) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(statement).executeUpdate());
    }
}
