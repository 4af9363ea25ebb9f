package org.joinedup.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.joinedup.security.SecurityFixtures.as;
import static org.joinedup.security.SecurityFixtures.leader;
import static org.joinedup.security.SecurityFixtures.leaderAccount;
import static org.joinedup.security.SecurityFixtures.record;
import static org.joinedup.security.SecurityFixtures.withToken;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hamcrest.Matchers;
import org.joinedup.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Contact details only by introduction; every change on record; your data yours to take or erase. */
@QuarkusTest
class PrivacyTest {

    @BeforeAll
    static void noDefaultToken() {
        Fixtures.actAnonymously();
    }

    @Test
    void contactDetailsComeOnlyThroughAnAcceptedIntroduction() {
        long id = leader("Introduced Leader", "public");
        var token = leaderAccount(id);
        as("demo-commissioner").when().get("/api/leaders/" + id).then().statusCode(200).body("contact", nullValue());
        long intro = as("demo-commissioner").contentType(ContentType.JSON).body(Map.of("leaderId", id, "message", "Could we talk about your teams?"))
                .when().post("/api/introductions").then().statusCode(201).body("status", equalTo("requested")).body("contact", nullValue())
                .extract().jsonPath().getLong("id");
        as("demo-commissioner").when().post("/api/introductions/" + intro + "/accept").then().statusCode(403);
        as("demo-programme").when().get("/api/introductions/" + intro).then().statusCode(200).body("contact", nullValue());
        withToken(token).when().get("/api/introductions").then().statusCode(200).body("items.id", hasItems((int) intro));
        withToken(token).when().post("/api/introductions/" + intro + "/accept").then().statusCode(200).body("status", equalTo("accepted"));
        withToken(token).when().post("/api/introductions/" + intro + "/accept").then().statusCode(409);
        as("demo-commissioner").when().get("/api/introductions/" + intro).then().statusCode(200)
                .body("contact.email", equalTo("test.leader@example.org"));
        as("demo-leader").when().get("/api/introductions/" + intro).then().statusCode(404);

        List<String> actions = as("demo-admin").queryParam("entityType", "introduction").queryParam("entityId", intro)
                .when().get("/api/admin/audit").then().statusCode(200).extract().jsonPath().getList("items.action");
        assertTrue(actions.containsAll(List.of("introduction-requested", "introduction-accepted", "contact-disclosed")), actions.toString());
    }

    @Test
    void everyChangeIsAuditedWithWhoAndBeforeAndAfter() {
        long id = leader("Audited Leader", "public");
        var edit = Fixtures.leader("Audited Leader Renamed");
        edit.put("version", 0);
        as("demo-admin").contentType(ContentType.JSON).body(edit).when().put("/api/leaders/" + id).then().statusCode(200);
        long recordId = record(id, Fixtures.record("Audited record"));
        as("demo-programme").contentType(ContentType.JSON)
                .body(Map.of("programme", "pioneer-2013", "decision", "confirmed"))
                .when().post("/api/records/" + recordId + "/verifications").then().statusCode(201);
        as("demo-admin").when().delete("/api/records/" + recordId).then().statusCode(204);

        var leaderTrail = as("demo-admin").queryParam("entityType", "leader").queryParam("entityId", id)
                .when().get("/api/admin/audit").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("update", "create"), leaderTrail.getList("items.action"));
        assertEquals("Audited Leader", leaderTrail.getString("items[0].before.name"));
        assertEquals("Audited Leader Renamed", leaderTrail.getString("items[0].after.name"));
        assertEquals("demo-admin", leaderTrail.getString("items[0].actor"));
        List<String> recordActions = as("demo-admin").queryParam("entityType", "record").queryParam("entityId", recordId)
                .when().get("/api/admin/audit").then().extract().jsonPath().getList("items.action");
        assertEquals(List.of("delete", "verify", "create"), recordActions);
        assertEquals("demo-programme", as("demo-admin").queryParam("action", "verify").queryParam("entityId", recordId)
                .when().get("/api/admin/audit").then().extract().jsonPath().getString("items[0].actor"));
    }

    @Test
    void roleChangesAreAudited() {
        var username = "role-changer-" + System.nanoTime();
        long account = as("demo-admin").contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", SecurityFixtures.PASSWORD, "roles", List.of(Roles.COMMISSIONER)))
                .when().post("/api/admin/accounts").then().statusCode(201).extract().jsonPath().getLong("id");
        as("demo-admin").contentType(ContentType.JSON).body(Map.of("roles", List.of(Roles.PROGRAMME)))
                .when().put("/api/admin/accounts/" + account + "/roles").then().statusCode(200).body("roles", equalTo(List.of(Roles.PROGRAMME)));
        as("demo-admin").queryParam("action", "role-change").queryParam("entityId", account).when().get("/api/admin/audit")
                .then().statusCode(200).body("items[0].before.roles", equalTo(List.of(Roles.COMMISSIONER)))
                .body("items[0].after.roles", equalTo(List.of(Roles.PROGRAMME)));
    }

    @Test
    void aLeaderTakesAllTheirDataAwayOrErasesItEverywhere() {
        var name = "Erasable Leader " + System.nanoTime();
        long id = leader(name, "public");
        long recordId = record(id, Fixtures.record("Erasable work"));
        var token = leaderAccount(id);
        var export = withToken(token).when().get("/api/me/export").then().statusCode(200)
                .header("Content-Disposition", Matchers.containsString("attachment")).extract().jsonPath();
        assertEquals(name, export.getString("leader.name"));
        assertEquals("test.leader@example.org", export.getString("contact.email"));
        assertEquals(List.of((int) recordId), export.getList("records.id"));
        assertFalse(export.getList("auditTrail").isEmpty());

        Fixtures.awaitIndexInStep(Duration.ofSeconds(10));
        withToken(token).when().delete("/api/me").then().statusCode(204);
        as("demo-admin").when().get("/api/leaders/" + id).then().statusCode(404);
        as("demo-admin").when().get("/api/records/" + recordId).then().statusCode(404);
        // the erased account is gone, and with it every token it held
        withToken(token).when().get("/api/me").then().statusCode(401);
        Fixtures.awaitIndexInStep(Duration.ofSeconds(10));
        as("demo-admin").queryParam("q", name).when().get("/api/search/leaders").then().statusCode(200)
                .body("hits.leader.id", not(hasItems((int) id)));
        var trail = as("demo-admin").queryParam("entityType", "leader").queryParam("entityId", id).when().get("/api/admin/audit")
                .then().statusCode(200).extract().jsonPath();
        assertTrue(trail.getList("items.action").contains("erase"));
        assertTrue(trail.getList("items.before").stream().allMatch(b -> b == null), "before blanked");
        assertTrue(trail.getList("items.after").stream().allMatch(a -> a == null), "after blanked");
        var body = as("demo-admin").queryParam("size", 100).when().get("/api/admin/audit").then().extract().asString();
        assertFalse(body.contains(name), "the name is gone from the audit trail");
        given().when().get("/api/leaders/" + id).then().statusCode(404);
    }
}
