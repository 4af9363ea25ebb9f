package org.joinedup.search.index;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.joinedup.Fixtures.awaitIndexInStep;
import static org.joinedup.Fixtures.createLeader;
import static org.joinedup.Fixtures.createRecord;
import static org.joinedup.Fixtures.leader;
import static org.joinedup.Fixtures.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.joinedup.ElasticsearchProxy;
import org.joinedup.Fixtures;
import org.joinedup.leader.LeaderService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The index follows PostgreSQL: quickly, exactly, through outages and rebuilds. */
@QuarkusTest
class SearchSyncTest {

    @BeforeAll
    static void actAsAdmin() {
        Fixtures.actAs("demo-admin");
    }

    private static final Duration SEARCHABLE_WITHIN = Duration.ofSeconds(2);

    @Inject
    SearchOutbox outbox;

    @Inject
    LeaderService leaders;

    @Inject
    IndexReconciler reconciler;

    @Inject
    ElasticsearchClient client;

    @BeforeEach
    void indexCaughtUp() {
        awaitIndexInStep(Duration.ofSeconds(60));
    }

    /** Polls the search API (as a client would) until the condition holds; fails after {@code within}. */
    private static void awaitSearch(String q, java.util.function.Predicate<List<Long>> condition, Duration within, String what) {
        long deadline = System.nanoTime() + within.toNanos();
        List<Long> ids;
        do {
            ids = given().queryParam("q", q).queryParam("size", 100).when().get("/api/search/leaders")
                    .then().statusCode(200).extract().jsonPath().getList("hits.leader.id", Long.class);
            if (condition.test(ids)) {
                return;
            }
            Fixtures.sleep(50);
        } while (System.nanoTime() < deadline);
        throw new AssertionError(what + " not seen in search within " + within + "; hits for '" + q + "': " + ids);
    }

    @Test
    void createUpdateAndDeleteAreSearchableWithinTwoSeconds() {
        long id = createLeader(leader("Quillon Fastindex"));
        long recordId = createRecord(id, record("Zephyrine neighbourhood teams"));
        awaitSearch("Zephyrine", ids -> ids.contains(id), SEARCHABLE_WITHIN, "new record");

        var edit = record("Xanthorrhoea discharge hub");
        edit.put("version", 0);
        given().contentType(ContentType.JSON).body(edit).when().put("/api/records/" + recordId).then().statusCode(200);
        awaitSearch("Xanthorrhoea", ids -> ids.contains(id), SEARCHABLE_WITHIN, "edited record");
        awaitSearch("Zephyrine", ids -> !ids.contains(id), SEARCHABLE_WITHIN, "old title gone");

        given().when().delete("/api/leaders/" + id).then().statusCode(204);
        awaitSearch("Quillon", ids -> !ids.contains(id), SEARCHABLE_WITHIN, "deleted leader gone");
    }

    @Test
    void replayingTheWholeOutboxChangesNothing() throws Exception {
        var before = reconciler.compare(alias());
        assertTrue(before.inStep());
        long seqBefore = maxSeqNo();
        var everyone = new HashMap<Long, Long>();
        leaders.revisionsAfter(0, 1_000_000).forEach(r -> everyone.put(r.id(), r.revision()));
        outbox.enqueue(everyone);
        awaitOutboxEmpty();
        var after = reconciler.compare(alias());
        assertTrue(after.inStep(), after.toString());
        assertEquals(before.inIndex(), after.inIndex());
        // external versions: every replayed write was refused as not newer, so no document was rewritten
        assertEquals(seqBefore, maxSeqNo());
    }

    private long maxSeqNo() throws Exception {
        return client.search(s -> s.index(alias()).size(1).seqNoPrimaryTerm(true)
                .sort(o -> o.field(f -> f.field("_seq_no").order(co.elastic.clients.elasticsearch._types.SortOrder.Desc))),
                Object.class).hits().hits().get(0).seqNo();
    }

    private void awaitOutboxEmpty() {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (outbox.stats().pending() > 0) {
            assertTrue(System.nanoTime() < deadline, "outbox did not drain: " + outbox.stats());
            Fixtures.sleep(100);
        }
    }

    @Test
    void writesSucceedWhileElasticsearchIsDownAndTheBacklogDrainsWhenItReturns() {
        ElasticsearchProxy.cutElasticsearch();
        long id;
        try {
            id = createLeader(leader("Outage Writer"));
            for (int i = 0; i < 5; i++) {
                createRecord(id, record("Logged during the outage " + i));
            }
            given().queryParam("q", "outage").when().get("/api/search/leaders")
                    .then().statusCode(503).contentType("application/problem+json").header("Retry-After", "10")
                    .body("type", equalTo("https://joinedup.example/problems/search-unavailable"));
            // the copy stays in rotation: it serves writes; search health is reported on its own
            Fixtures.management().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
            Fixtures.management().when().get("/q/health/group/" + SearchHealth.GROUP).then().statusCode(503)
                    .body("checks.find { it.name == 'elasticsearch' }.status", equalTo("DOWN"))
                    .body("checks.find { it.name == 'elasticsearch' }.data.outboxPending", org.hamcrest.Matchers.greaterThan(0));
        } finally {
            ElasticsearchProxy.restoreElasticsearch();
        }
        awaitIndexInStep(Duration.ofSeconds(30));
        awaitSearch("Outage Writer", ids -> ids.contains(id), Duration.ofSeconds(2), "leader written during the outage");
    }

    @Test
    void reindexUnderConcurrentWritesLosesNothingAndSearchNeverFails() throws Exception {
        String before = Fixtures.management().when().get("/q/health/group/" + SearchHealth.GROUP).then().extract().jsonPath()
                .getString("checks.find { it.name == 'elasticsearch' }.data.index");
        var stop = new AtomicBoolean();
        var searchFailures = new ConcurrentLinkedQueue<String>();
        var searches = new AtomicInteger();
        var writes = new AtomicInteger();
        var pool = Executors.newFixedThreadPool(2);
        pool.submit(() -> {
            while (!stop.get()) {
                var response = given().queryParam("q", "integrated").when().get("/api/search/leaders").then().extract();
                searches.incrementAndGet();
                if (response.statusCode() != 200 || response.jsonPath().getInt("total") == 0) {
                    searchFailures.add(response.statusCode() + " " + response.body().asString());
                }
            }
        });
        pool.submit(() -> {
            while (!stop.get()) {
                long id = createLeader(leader("Rebuild Racer " + writes.get()));
                long recordId = createRecord(id, record("Raced the rebuild"));
                if (writes.incrementAndGet() % 3 == 0) {
                    given().when().delete("/api/records/" + recordId).then().statusCode(204);
                }
                if (writes.get() % 4 == 0) {
                    given().when().delete("/api/leaders/" + id).then().statusCode(204);
                }
            }
        });
        int searchesBefore;
        int writesBefore;
        try {
            // both loops under way before the rebuild starts, so they run through it
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while ((searches.get() == 0 || writes.get() == 0) && System.nanoTime() < deadline) {
                Fixtures.sleep(20);
            }
            searchesBefore = searches.get();
            writesBefore = writes.get();
            assertEquals("succeeded", Fixtures.reindex(Duration.ofMinutes(2)).getString("state"));
        } finally {
            stop.set(true);
            pool.shutdown();
            assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        }
        assertEquals(List.of(), List.copyOf(searchFailures), "searches failed during the rebuild");
        assertTrue(searches.get() > searchesBefore && writes.get() > writesBefore,
                (searches.get() - searchesBefore) + " searches, " + (writes.get() - writesBefore) + " writes during the rebuild");
        awaitIndexInStep(Duration.ofSeconds(30));
        String after = Fixtures.management().when().get("/q/health/group/" + SearchHealth.GROUP).then().extract().jsonPath()
                .getString("checks.find { it.name == 'elasticsearch' }.data.index");
        assertNotEquals(before, after);
        var indices = client.indices().get(g -> g.index(alias() + "-v*")).result().keySet();
        assertEquals(List.of(after), List.copyOf(indices), "only the new index is left");
    }

    /** The index alias of this test run (test-leaders unless the run names its own). */
    private static String alias() {
        return org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("joinedup.elasticsearch.index-alias", String.class);
    }
}
