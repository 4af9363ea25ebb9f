package org.joinedup.job;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import org.hamcrest.Matchers;
import org.joinedup.Fixtures;
import org.joinedup.search.index.ReindexJob;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A job lives in its row, not in the copy that runs it: this copy answers for a job another copy
 * runs, refuses to start its kind meanwhile, and reads it as failed once that copy stops writing.
 */
@QuarkusTest
class JobRowTest {

    @Inject
    EntityManager em;

    @BeforeAll
    static void asAdmin() {
        Fixtures.actAs("demo-admin");
    }

    @Test
    void aJobAnotherCopyRunsIsReadHereWithItsProgress() {
        long id = OtherCopy.startsJob("test-import", "rows");
        try {
            OtherCopy.reports(id, "reading rows", 250, 1000, 50.0, List.of("row 7: no name"));
            given().when().get("/api/admin/jobs/" + id).then().statusCode(200)
                    .body("state", is("running")).body("phase", is("reading rows")).body("done", is(250)).body("total", is(1000))
                    .body("percent", is(25)).body("secondsLeft", is(15)).body("errors", is(List.of("row 7: no name")))
                    .body("runner", is(OtherCopy.NAME)).body("startedBy", is("demo-admin"));
            given().queryParam("kind", "test-import").when().get("/api/admin/jobs").then().statusCode(200)
                    .body("total", is(1)).body("items[0].id", is((int) id));
        } finally {
            OtherCopy.finishes(id, 1000);
        }
    }

    @Test
    void aRebuildWhoseCopyStoppedWritingBlocksOthersUntilItsLeaseRunsOutThenReadsAsFailed() {
        long id = OtherCopy.startsJob(ReindexJob.KIND, "documents");
        given().when().post("/api/admin/reindex").then().statusCode(409).body("detail", containsString("job " + id + ","));

        // that copy died two minutes ago (the lease is a minute)
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update job set heartbeat_at = now() - interval '2 minutes' where id = :id")
                .setParameter("id", id).executeUpdate());
        given().when().get("/api/admin/jobs/" + id).then().statusCode(200)
                .body("state", is("failed")).body("failure", containsString("stopped writing progress")).body("finishedAt", Matchers.notNullValue());

        var next = Fixtures.reindex(Duration.ofMinutes(2));
        assertEquals("succeeded", next.getString("state"), next.prettify());
        Fixtures.awaitIndexInStep(Duration.ofSeconds(30));
    }
}
