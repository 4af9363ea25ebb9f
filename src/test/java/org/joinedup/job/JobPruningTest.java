package org.joinedup.job;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import org.joinedup.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Finished jobs older than joinedup.jobs.keep go; recent ones and unfinished ones, however old, stay. */
@QuarkusTest
class JobPruningTest {

    @Inject
    EntityManager em;

    @Inject
    JobPruning pruning;

    @BeforeAll
    static void asAdmin() {
        Fixtures.actAs("demo-admin");
    }

    @Test
    void finishedJobsPastTheirKeepAreDeletedAndNoOthers() {
        long old = OtherCopy.startsJob("test-prune-old", "rows");
        OtherCopy.finishes(old, 10);
        long recent = OtherCopy.startsJob("test-prune-recent", "rows");
        OtherCopy.finishes(recent, 10);
        long stillRunning = OtherCopy.startsJob("test-prune-running", "rows");
        try {
            age(old, "finished_at = now() - interval '91 days', created_at = now() - interval '91 days'");
            age(stillRunning, "created_at = now() - interval '200 days'");

            assertTrue(pruning.prune(Instant.now()) >= 1, "the 91-day-old finished job is deleted");

            given().when().get("/api/admin/jobs/" + old).then().statusCode(404);
            given().when().get("/api/admin/jobs/" + recent).then().statusCode(200);
            // its heartbeat is fresh, so it is running, not abandoned, and stays whatever its age
            given().when().get("/api/admin/jobs/" + stillRunning).then().statusCode(200);
        } finally {
            OtherCopy.finishes(stillRunning, 1);
        }
    }

    private void age(long id, String set) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update job set " + set + " where id = :id")
                .setParameter("id", id).executeUpdate());
    }
}
