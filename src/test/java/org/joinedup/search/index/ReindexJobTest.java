package org.joinedup.search.index;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.JsonData;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;
import org.joinedup.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** POST /api/admin/reindex starts a job and answers at once; the job says how the rebuild goes and what it did. */
@QuarkusTest
class ReindexJobTest {

    private static final Duration REBUILD = Duration.ofMinutes(2);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    LeaderIndex index;

    @Inject
    ElasticsearchClient client;

    @Inject
    IndexSetup setup;

    @Inject
    RestClient restClient;

    @BeforeAll
    static void asAdmin() {
        Fixtures.actAs("demo-admin");
    }

    @BeforeEach
    void indexCaughtUp() {
        Fixtures.awaitIndexInStep(Duration.ofSeconds(60));
    }

    @Test
    void startsARebuildAsAJobThatEndsHavingLoadedEveryLeader() {
        long leaders = given().queryParam("size", 1).when().get("/api/leaders").then().statusCode(200).extract().jsonPath().getLong("total");
        var started = given().when().post("/api/admin/reindex").then().statusCode(202)
                .header("Location", matchesPattern(".*/api/admin/jobs/\\d+"))
                .extract();
        var location = started.header("Location");
        assertEquals("reindex", started.jsonPath().getString("kind"));
        assertEquals("demo-admin", started.jsonPath().getString("startedBy"));
        assertTrue(List.of("queued", "running").contains(started.jsonPath().getString("state")), started.asString());
        assertTrue(location.endsWith("/api/admin/jobs/" + started.jsonPath().getLong("id")));

        var job = Fixtures.awaitJob(location, REBUILD);
        assertEquals("succeeded", job.getString("state"), job.prettify());
        assertEquals("done", job.getString("phase"));
        assertEquals("documents", job.getString("unit"));
        assertEquals(leaders, job.getLong("done"), job.prettify());
        assertEquals(leaders, job.getLong("total"));
        assertEquals(100, job.getInt("percent"));
        assertTrue(job.getDouble("ratePerSecond") > 0, job.prettify());
        assertNull(job.get("secondsLeft"), "nothing left once it ended");
        assertEquals(0, job.getInt("errorCount"));
        assertNotNull(job.getString("startedAt"));
        assertNotNull(job.getString("finishedAt"));
        assertEquals(leaders, job.getLong("result.documents"));
        assertTrue(job.getBoolean("result.check.inStep"), job.prettify());

        // the latest rebuild and the list of jobs show the same job
        given().when().get("/api/admin/reindex").then().statusCode(200).body("id", org.hamcrest.Matchers.is(job.getInt("id")));
        given().queryParam("kind", "reindex").queryParam("size", 1).when().get("/api/admin/jobs").then().statusCode(200)
                .body("items[0].id", org.hamcrest.Matchers.is(job.getInt("id"))).body("items[0].result.index", org.hamcrest.Matchers.notNullValue());
        Fixtures.awaitIndexInStep(Duration.ofSeconds(30));
    }

    /** One leader's document that Elasticsearch refuses (a year its date fields cannot take) is left out and named; the rebuild goes on. */
    @Test
    void aDocumentElasticsearchRefusesIsLeftOutAndNamedAndTheRebuildSucceeds() {
        long leader = Fixtures.createLeader(Fixtures.leader("Far Future End"));
        long record = Fixtures.createRecord(leader, Fixtures.record("Ends in the year ten thousand"));
        try {
            // the service refuses such a date (RecordRules); a row from before that rule, or written by hand, can still hold one
            QuarkusTransaction.requiringNew().run(() -> Arc.container().instance(EntityManager.class).get()
                    .createNativeQuery("update integration_record set period_end = date '10000-01-01' where id = " + record).executeUpdate());
            var location = given().when().post("/api/admin/reindex").then().statusCode(202).extract().header("Location");
            var job = Fixtures.awaitJob(location, REBUILD);
            assertEquals("succeeded", job.getString("state"), job.prettify());
            assertEquals(1, job.getInt("errorCount"), job.prettify());
            assertTrue(job.getString("errors[0]").startsWith("leader " + leader + " left out: Elasticsearch refused"), job.prettify());
        } finally {
            given().when().delete("/api/leaders/" + leader).then().statusCode(204);
        }
    }

    /**
     * Elasticsearch refuses the rebuild's bulk request as too busy (429), as a node does whose write queue or memory
     * for requests in flight is full: its in-flight requests breaker set low, so that the bulk request of every leader
     * is refused and the small requests around it are not, until the test has seen it refused once.
     */
    @Test
    void aBulkRequestRefusedAsTooBusyIsSentAgainAndTheRebuildSucceeds() throws Exception {
        long leaders = given().queryParam("size", 1).when().get("/api/leaders").then().statusCode(200).extract().jsonPath().getLong("total");
        long tripped = breakerTripped();
        try {
            // the create-index request is about 50 KB, counted twice; the bulk request of every leader is several MB
            breakerLimit("\"256kb\"");
            var location = given().when().post("/api/admin/reindex").then().statusCode(202).extract().header("Location");
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (breakerTripped() == tripped) {
                assertTrue(System.nanoTime() < deadline, "Elasticsearch refused no request of the rebuild in 60 s: "
                        + given().when().get(location).then().extract().asString());
                Thread.sleep(50);
            }
            breakerLimit("null");
            var job = Fixtures.awaitJob(location, REBUILD);
            assertEquals("succeeded", job.getString("state"), job.prettify());
            assertEquals(leaders, job.getLong("result.documents"), job.prettify());
            assertEquals(0, job.getInt("errorCount"), job.prettify());
            assertTrue(job.getBoolean("result.check.inStep"), job.prettify());
        } finally {
            breakerLimit("null");
        }
        Fixtures.awaitIndexInStep(Duration.ofSeconds(30));
    }

    /** {@code limit}: JSON, a size or null for Elasticsearch's default. */
    private void breakerLimit(String limit) throws IOException {
        var request = new Request("PUT", "/_cluster/settings");
        // transient: a run killed before it puts the limit back leaves it only until the node restarts
        request.setJsonEntity("{\"transient\": {\"network.breaker.inflight_requests.limit\": " + limit + "}}");
        restClient.performRequest(request);
    }

    /** How many requests the node's in-flight requests breaker has refused since it started. */
    private long breakerTripped() throws IOException {
        var stats = JSON.readTree(restClient.performRequest(new Request("GET", "/_nodes/stats/breaker")).getEntity().getContent());
        long tripped = 0;
        for (var node : stats.get("nodes")) {
            tripped += node.path("breakers").path("inflight_requests").path("tripped").asLong();
        }
        return tripped;
    }

    @Test
    void aRebuildStartsFromTheIndexLiveNowThoughAnotherCopySwappedItSinceThisOneLooked() throws Exception {
        var seenHere = index.liveIndex().orElseThrow();
        // another copy rebuilt: a new index behind the alias, the one this copy knows of dropped
        var swappedIn = index.alias() + "-v90";
        index.create(swappedIn, false);
        client.indices().updateAliases(u -> u.actions(a -> a.remove(r -> r.index(seenHere).alias(index.alias())))
                .actions(a -> a.add(add -> add.index(swappedIn).alias(index.alias()))));
        client.indices().delete(d -> d.index(seenHere));

        var job = Fixtures.reindex(REBUILD);
        assertEquals("succeeded", job.getString("state"), job.prettify());
        assertEquals(swappedIn, job.getString("result.previousIndex"));
        assertEquals(List.of(job.getString("result.index")), List.copyOf(client.indices().get(g -> g.index(index.alias() + "-v*")).result().keySet()));
        Fixtures.awaitIndexInStep(Duration.ofSeconds(30));
    }

    @Test
    void anIndexThatAnEarlierRebuildReplacedButCouldNotDeleteIsDeletedByTheNextRebuild() throws Exception {
        // a rebuild whose copy stopped after the alias moved but before the old index was deleted leaves it behind
        var leftBehind = index.alias() + "-v80";
        index.create(leftBehind, false);

        var job = Fixtures.reindex(REBUILD);
        assertEquals("succeeded", job.getString("state"), job.prettify());
        assertEquals(List.of(job.getString("result.index")), List.copyOf(client.indices().get(g -> g.index(index.alias() + "-v*")).result().keySet()));
        assertEquals(job.getString("result.index"), index.liveIndex().orElseThrow());
        Fixtures.awaitIndexInStep(Duration.ofSeconds(30));
    }

    @Test
    void aStartThatFindsTheLiveMappingOlderRebuildsAsASystemJob() throws Exception {
        var live = index.liveIndex().orElseThrow();
        client.indices().putMapping(m -> m.index(live).meta("version", JsonData.of(LeaderIndex.mappingVersion() - 1)));
        setup.trySetUp();
        var started = given().when().get("/api/admin/reindex").then().statusCode(200).extract().jsonPath();
        assertEquals("system", started.getString("startedBy"), started.prettify());
        var job = Fixtures.awaitJob("/api/admin/jobs/" + started.getLong("id"), REBUILD);
        assertEquals("succeeded", job.getString("state"), job.prettify());
        assertEquals(live, job.getString("result.previousIndex"));
        Fixtures.awaitIndexInStep(Duration.ofSeconds(30));
    }

    @Test
    void twoStartsAtOnceStartOneRebuildAndThe409NamesIt() throws Exception {
        var barrier = new CyclicBarrier(2);
        var pool = Executors.newFixedThreadPool(2);
        var answers = new ArrayList<Future<ExtractableResponse<Response>>>();
        for (int i = 0; i < 2; i++) {
            answers.add(pool.submit(() -> {
                barrier.await();
                return given().when().post("/api/admin/reindex").then().extract();
            }));
        }
        var statuses = new ArrayList<Integer>();
        ExtractableResponse<Response> accepted = null;
        ExtractableResponse<Response> refused = null;
        for (var answer : answers) {
            var response = answer.get();
            statuses.add(response.statusCode());
            if (response.statusCode() == 202) {
                accepted = response;
            } else {
                refused = response;
            }
        }
        pool.shutdown();
        statuses.sort(null);
        assertEquals(List.of(202, 409), statuses);
        assertEquals("application/problem+json", refused.contentType());
        assertTrue(refused.jsonPath().getString("detail").contains("job " + accepted.jsonPath().getLong("id") + ","), refused.asString());
        assertEquals("succeeded", Fixtures.awaitJob(accepted.header("Location"), REBUILD).getString("state"));
    }

    @Test
    void onlyAdminsStartOrReadJobs() {
        Fixtures.actAnonymously();
        try {
            given().when().post("/api/admin/reindex").then().statusCode(401).contentType("application/problem+json");
            given().when().get("/api/admin/jobs").then().statusCode(401);
            for (var account : List.of("demo-programme", "demo-commissioner")) {
                var bearer = Fixtures.bearer(Fixtures.token(account));
                given().header("Authorization", bearer).when().post("/api/admin/reindex").then().statusCode(403)
                        .contentType("application/problem+json");
                given().header("Authorization", bearer).when().get("/api/admin/jobs").then().statusCode(403);
                given().header("Authorization", bearer).when().get("/api/admin/jobs/1").then().statusCode(403);
            }
        } finally {
            Fixtures.actAs("demo-admin");
        }
        given().when().get("/api/admin/jobs/987654321").then().statusCode(404).body("detail", containsString("Job 987654321"));
    }
}
