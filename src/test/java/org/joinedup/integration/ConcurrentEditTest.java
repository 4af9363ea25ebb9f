package org.joinedup.integration;

import static io.restassured.RestAssured.given;
import static org.joinedup.Fixtures.createLeader;
import static org.joinedup.Fixtures.createRecord;
import static org.joinedup.Fixtures.leader;
import static org.joinedup.Fixtures.record;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.joinedup.Fixtures;

@QuarkusTest
class ConcurrentEditTest {

    @BeforeAll
    static void actAsAdmin() {
        Fixtures.actAs("demo-admin");
    }

    @RepeatedTest(5)
    void twoEditsOfTheSameVersionGiveOne200AndOne409() throws Exception {
        long leaderId = createLeader(leader("Contested Leader"));
        long id = createRecord(leaderId, record("Contested record"));
        var barrier = new CyclicBarrier(2);
        var pool = Executors.newFixedThreadPool(2);
        try {
            var statuses = new ArrayList<Future<Integer>>();
            for (var title : List.of("Edit from A", "Edit from B")) {
                statuses.add(pool.submit(() -> {
                    var edit = record(title);
                    edit.put("version", 0);
                    barrier.await();
                    return given().contentType(ContentType.JSON).body(edit).when().put("/api/records/" + id).then().extract().statusCode();
                }));
            }
            var results = new ArrayList<Integer>();
            for (var status : statuses) {
                results.add(status.get());
            }
            results.sort(Integer::compare);
            assertEquals(List.of(200, 409), results);
        } finally {
            pool.shutdownNow();
        }
    }
}
