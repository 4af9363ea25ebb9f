package org.joinedup.security;

import static io.restassured.RestAssured.given;
import static org.joinedup.security.SecurityFixtures.as;
import static org.joinedup.security.SecurityFixtures.withToken;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.joinedup.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One rule decides which of a leader's fields each audience sees, wherever the leader shows: every
 * read endpoint is walked as each role, and "doing now", conflicts and contact appear exactly where
 * the rule says (and free text finds "doing now" only for those who see it).
 */
@QuarkusTest
class ProfileAudienceTest {

    /** A role, how to call as it, and what it should see of someone else's (or its own) profile. */
    private record Role(String name, Supplier<RequestSpecification> caller, boolean doingNow, boolean conflicts, boolean contact) {
    }

    @BeforeAll
    static void noDefaultToken() {
        Fixtures.actAnonymously();
    }

    @Test
    void everyReadEndpointShowsEachAudienceWhatTheRuleSays() {
        long nano = System.nanoTime();
        var name = "Audience Walker " + nano;
        var doingNow = "Quaxlefrond" + nano + " discharge pilot";
        var conflict = "Rivalry" + nano + " Trust";
        var email = "audience." + nano + "@example.org";
        var leader = Fixtures.leader(name);
        leader.put("doingNow", doingNow);
        leader.put("contact", Map.of("email", email));
        leader.put("mentoring", Map.of("willing", true, "capacity", 2, "formats", List.of("calls"), "trained", true, "conflicts", List.of(conflict)));
        long id = as("demo-admin").contentType(ContentType.JSON).body(leader).when().post("/api/leaders").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        SecurityFixtures.record(id, Fixtures.record("Audience work " + nano));
        var owner = SecurityFixtures.leaderAccount(id);
        Fixtures.awaitIndexInStep(Duration.ofSeconds(30));

        var roles = List.of(
                new Role("anonymous", () -> given(), false, false, false),
                new Role("commissioner", () -> as("demo-commissioner"), true, false, false),
                new Role("another leader", () -> as("demo-leader"), true, false, false),
                new Role("owner", () -> withToken(owner), true, true, true),
                new Role("programme", () -> as("demo-programme"), true, true, false),
                new Role("admin", () -> as("demo-admin"), true, true, true));
        var wrong = new ArrayList<String>();
        for (var role : roles) {
            var profile = role.caller().get().when().get("/api/leaders/" + id).then().statusCode(200).extract().asString();
            check(wrong, role, "GET /api/leaders/{id}", profile, doingNow, conflict, email);

            var listed = listed(role, id);
            check(wrong, role, "GET /api/leaders", listed, doingNow, conflict, email);

            var hits = role.caller().get().queryParam("q", "Audience Walker " + nano).when().get("/api/search/leaders").then().statusCode(200)
                    .extract().jsonPath();
            var hit = String.valueOf(hits.getMap("hits.find { it.leader.id == " + id + " }.leader"));
            // search hits never carry conflicts or contact, whoever asks
            check(wrong, new Role(role.name(), role.caller(), role.doingNow(), false, false), "GET /api/search/leaders", hit, doingNow, conflict,
                    email);
            int foundByDoingNow = role.caller().get().queryParam("q", "Quaxlefrond" + nano).when().get("/api/search/leaders").then()
                    .statusCode(200).extract().jsonPath().getInt("total");
            if (foundByDoingNow != (role.doingNow() ? 1 : 0)) {
                wrong.add(role.name() + ": free text on doing now found " + foundByDoingNow);
            }

            var csv = role.caller().get().queryParam("q", "Audience Walker " + nano).when().get("/find/export.csv").then().statusCode(200)
                    .extract().asString();
            check(wrong, new Role(role.name(), role.caller(), false, false, false), "/find/export.csv", csv, doingNow, conflict, email);

            var page = role.caller().get().accept(ContentType.HTML).when().get("/leaders/" + id).then().statusCode(200).extract().asString();
            check(wrong, new Role(role.name(), role.caller(), role.doingNow(), false, false), "page /leaders/{id}", page, doingNow, conflict,
                    email);
            var findPage = role.caller().get().accept(ContentType.HTML).queryParam("q", "Quaxlefrond" + nano).when().get("/find").then()
                    .statusCode(200).extract().asString();
            if (findPage.contains("/leaders/" + id + "\"") != role.doingNow()) {
                wrong.add(role.name() + ": the find page's free text on doing now disagrees with the rule");
            }
        }
        // matches show a mentor's public fields only, to the learner and to staff alike
        for (var caller : List.<Supplier<RequestSpecification>>of(() -> as("demo-leader"), () -> as("demo-programme"))) {
            long request = caller.get().contentType(ContentType.JSON)
                    .body(Map.of("learnerId", 1, "area", "E10000024", "services", List.of("gp", "community-health", "social-care")))
                    .when().post("/api/learning-requests").then().statusCode(201).extract().jsonPath().getLong("id");
            var matches = caller.get().queryParam("size", 50).when().get("/api/learning-requests/" + request + "/matches").then().statusCode(200)
                    .extract().asString();
            check(wrong, new Role("matches", caller, false, false, false), "matches", matches, doingNow, conflict, email);
            caller.get().when().delete("/api/learning-requests/" + request).then().statusCode(200);
        }
        // the owner's own export holds everything
        var export = withToken(owner).when().get("/api/me/export").then().statusCode(200).extract().asString();
        check(wrong, new Role("owner", () -> withToken(owner), true, true, true), "/api/me/export", export, doingNow, conflict, email);
        assertEquals(List.of(), wrong);
    }

    private static String listed(Role role, long id) {
        var first = role.caller().get().queryParam("size", 1).when().get("/api/leaders").then().statusCode(200).extract().jsonPath();
        // the newest leader is the last, in id order
        JsonPath last = role.caller().get().queryParam("size", 1).queryParam("page", first.getLong("total") - 1).when().get("/api/leaders")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(id, last.getLong("items[0].id"), role.name() + " lists the new leader last");
        return String.valueOf(last.getMap("items[0]"));
    }

    private static void check(List<String> wrong, Role role, String where, String body, String doingNow, String conflict, String email) {
        expect(wrong, role.name() + " " + where + " doing now", role.doingNow(), body.contains(doingNow));
        expect(wrong, role.name() + " " + where + " conflicts", role.conflicts(), body.contains(conflict));
        expect(wrong, role.name() + " " + where + " contact", role.contact(), body.contains(email));
    }

    private static void expect(List<String> wrong, String what, boolean expected, boolean actual) {
        if (expected != actual) {
            wrong.add(what + (expected ? " missing" : " shown"));
        }
    }
}
