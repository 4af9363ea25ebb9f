package org.joinedup.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.joinedup.Fixtures.createLeader;
import static org.joinedup.Fixtures.createRecord;
import static org.joinedup.Fixtures.leader;
import static org.joinedup.Fixtures.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.joinedup.Fixtures;
import org.joinedup.Race;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** Optimistic locking in HTTP terms: the ETag a GET gives is the If-Match an update sends. */
@QuarkusTest
class IfMatchTest {

    private static final int RACERS = 8;

    @BeforeAll
    static void actAsAdmin() {
        Fixtures.actAs("demo-admin");
    }

    private static String etag(String path) {
        return given().when().get(path).then().statusCode(200).extract().header("ETag");
    }

    /** An edit of the record without a body version: If-Match alone says what it is based on. */
    private static Map<String, Object> edit(String title) {
        var edit = record(title);
        edit.remove("version");
        return edit;
    }

    @Test
    void getGivesTheVersionAsAStrongETag() {
        long leaderId = createLeader(leader("Tagged Leader"));
        long recordId = createRecord(leaderId, record("Tagged record"));
        given().when().get("/api/records/" + recordId).then().statusCode(200).header("ETag", "\"0\"").body("version", equalTo(0));
        given().when().get("/api/leaders/" + leaderId).then().statusCode(200).header("ETag", "\"0\"");
        // a list is no single resource: no ETag
        given().when().get("/api/leaders/" + leaderId + "/records").then().statusCode(200).header("ETag", nullValue());
    }

    @Test
    void putWithTheETagSucceedsAndTheETagMovesOn() {
        long recordId = createRecord(createLeader(leader("Tag Follower")), record("Before"));
        String before = etag("/api/records/" + recordId);
        var answer = given().contentType(ContentType.JSON).header("If-Match", before).body(edit("After"))
                .when().put("/api/records/" + recordId).then().statusCode(200).body("title", equalTo("After")).extract();
        String after = answer.header("ETag");
        assertNotEquals(before, after);
        assertEquals("\"" + answer.jsonPath().getInt("version") + "\"", after);
        assertEquals(after, etag("/api/records/" + recordId));
    }

    @Test
    void putWithAStaleETagIs412NamingTheHeaderAndChangesNothing() {
        long recordId = createRecord(createLeader(leader("Stale Tagger")), record("First"));
        String stale = etag("/api/records/" + recordId);
        given().contentType(ContentType.JSON).header("If-Match", stale).body(edit("Second")).when().put("/api/records/" + recordId)
                .then().statusCode(200);
        String current = etag("/api/records/" + recordId);

        given().contentType(ContentType.JSON).header("If-Match", stale).body(edit("Overwritten"))
                .when().put("/api/records/" + recordId)
                .then().statusCode(412).contentType("application/problem+json").body("status", equalTo(412))
                .body("violations[0].field", equalTo("If-Match")).body("violations[0].in", equalTo("header"))
                .body("violations[0].message", equalTo("expected " + current));
        given().when().get("/api/records/" + recordId).then().statusCode(200).header("ETag", current).body("title", equalTo("Second"));
    }

    @RepeatedTest(3)
    void ofEightConcurrentPutsWithTheSameETagExactlyOneWins() throws Exception {
        long leaderId = createLeader(leader("Raced Leader"));
        long recordId = createRecord(leaderId, record("Raced record"));
        assertEquals(expectedRace(), race("/api/records/" + recordId, i -> edit("Edit " + i)));
        assertEquals(expectedRace(), race("/api/leaders/" + leaderId, i -> leader("Raced Leader " + i)));
    }

    private static List<Integer> expectedRace() {
        var expected = new ArrayList<>(Collections.nCopies(RACERS - 1, 412));
        expected.add(0, 200);
        return expected;
    }

    /** RACERS different PUTs of the resource, all with the ETag read before, released together; their statuses sorted. */
    private static List<Integer> race(String path, IntFunction<Map<String, Object>> body) throws Exception {
        String tag = etag(path);
        return Race.sortedStatuses(RACERS, i -> {
            var edit = body.apply(i);
            return () -> given().contentType(ContentType.JSON).header("If-Match", tag).body(edit).when().put(path).then().extract().statusCode();
        });
    }

    @Test
    void ifMatchAndABodyVersionThatDisagreeAre400NamingBoth() {
        long recordId = createRecord(createLeader(leader("Two Minds")), record("Unchanged"));
        var edit = record("Changed");
        edit.put("version", 0);
        given().contentType(ContentType.JSON).header("If-Match", "\"7\"").body(edit).when().put("/api/records/" + recordId)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("If-Match", "version")));
        // agreeing, they are one condition
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(edit).when().put("/api/records/" + recordId)
                .then().statusCode(200).header("ETag", "\"1\"");
    }

    @Test
    void aWeakOrForeignTagNeverMatchesAndAMalformedOneIs400() {
        long recordId = createRecord(createLeader(leader("Odd Tags")), record("Kept"));
        for (var tag : List.of("W/\"0\"", "\"zero\"")) {
            given().contentType(ContentType.JSON).header("If-Match", tag).body(edit("Not kept")).when().put("/api/records/" + recordId)
                    .then().statusCode(412);
        }
        given().contentType(ContentType.JSON).header("If-Match", "0").body(edit("Not kept")).when().put("/api/records/" + recordId)
                .then().statusCode(400).body("violations[0].field", equalTo("If-Match"));
        given().when().get("/api/records/" + recordId).then().body("title", equalTo("Kept")).body("version", equalTo(0));
        // one of several tags is enough, and * is any version
        given().contentType(ContentType.JSON).header("If-Match", "\"5\", \"0\"").body(edit("Listed")).when().put("/api/records/" + recordId)
                .then().statusCode(200);
        given().contentType(ContentType.JSON).header("If-Match", "*").body(edit("Any")).when().put("/api/records/" + recordId)
                .then().statusCode(200).body("title", equalTo("Any"));
    }

    @Test
    void withoutEitherTheUpdateIs400AskingForOne() {
        long recordId = createRecord(createLeader(leader("No Version")), record("Versionless"));
        given().contentType(ContentType.JSON).body(edit("Blind")).when().put("/api/records/" + recordId)
                .then().statusCode(400).body("violations[0].field", equalTo("version"));
    }

    @Test
    void aRemovalWithAStaleETagIs412AndKeepsTheRecord() {
        long recordId = createRecord(createLeader(leader("Careful Remover")), record("Keep me"));
        String stale = etag("/api/records/" + recordId);
        given().contentType(ContentType.JSON).header("If-Match", stale).body(edit("Kept me")).when().put("/api/records/" + recordId)
                .then().statusCode(200);
        given().header("If-Match", stale).when().delete("/api/records/" + recordId).then().statusCode(412);
        given().when().get("/api/records/" + recordId).then().statusCode(200);
        given().header("If-Match", etag("/api/records/" + recordId)).when().delete("/api/records/" + recordId).then().statusCode(204);
    }

    @Test
    void learningRequestsAndIntroductionsCarryETagsAndHonourIfMatch() {
        long learner = createLeader(leader("Tagged Learner"));
        var request = Map.<String, Object>of("learnerId", learner, "area", "E10000024", "services", List.of("gp"), "approaches", List.of(),
                "need", "Wants to learn");
        var created = given().contentType(ContentType.JSON).body(request).when().post("/api/learning-requests")
                .then().statusCode(201).header("ETag", "\"0\"").extract().jsonPath();
        String path = "/api/learning-requests/" + created.getLong("id");
        given().header("If-Match", "\"1\"").when().delete(path).then().statusCode(412);
        given().header("If-Match", etag(path)).when().delete(path).then().statusCode(200).body("status", equalTo("withdrawn"));

        long introduction = given().header("Authorization", Fixtures.bearer(Fixtures.token("demo-commissioner"))).contentType(ContentType.JSON)
                .body(Map.of("leaderId", learner, "message", "Could we talk?")).when().post("/api/introductions")
                .then().statusCode(201).header("ETag", "\"0\"").extract().jsonPath().getLong("id");
        given().when().get("/api/introductions/" + introduction).then().statusCode(200).header("ETag", "\"0\"");
    }
}
