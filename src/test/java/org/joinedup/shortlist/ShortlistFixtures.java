package org.joinedup.shortlist;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hamcrest.Matchers;
import org.joinedup.Fixtures;

/** Accounts, leaders and shortlists made for one test, through the API. */
final class ShortlistFixtures {

    static final String PASSWORD = "a-test-password-long-enough";
    /** Two organisations for colleagues and strangers: an NHS trust and an ICB. */
    static final String ORG_A = "RK5";
    static final String ORG_B = "E54000060";

    private ShortlistFixtures() {
    }

    static RequestSpecification as(String token) {
        return given().header("Authorization", Fixtures.bearer(token)).contentType(ContentType.JSON);
    }

    static String admin() {
        return Fixtures.token("demo-admin");
    }

    /** A new account with this role and organisation (null: none); returns a token signed in as it. */
    static String account(String prefix, String role, String organisation) {
        return Fixtures.token(accountName(prefix, role, organisation), PASSWORD);
    }

    /** As {@link #account}, returning the username. */
    static String accountName(String prefix, String role, String organisation) {
        var username = (prefix + "-" + System.nanoTime()).toLowerCase(Locale.ROOT);
        var body = new HashMap<String, Object>(Map.of("username", username, "password", PASSWORD, "roles", List.of(role),
                "fullName", "Kim " + prefix));
        if (organisation != null) {
            body.put("organisation", organisation);
        }
        as(admin()).body(body).when().post("/api/admin/accounts").then().statusCode(201);
        return username;
    }

    /** An account of the leader; returns a token signed in as it. */
    static String leaderAccount(long leaderId) {
        var username = "sl-leader-" + System.nanoTime();
        as(admin()).body(Map.of("username", username, "password", PASSWORD, "roles", List.of("leader"), "leaderId", leaderId))
                .when().post("/api/admin/accounts").then().statusCode(201);
        return Fixtures.token(username, PASSWORD);
    }

    /** A leader made by an admin with this visibility; its id. */
    static long leader(String name, String visibility) {
        var leader = Fixtures.leader(name);
        leader.put("visibility", visibility);
        return as(admin()).body(leader).when().post("/api/leaders").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** Changes a leader's visibility, as an admin. */
    static void setVisibility(long leaderId, String name, String visibility) {
        int version = as(admin()).when().get("/api/leaders/" + leaderId).then().statusCode(200).extract().jsonPath().getInt("version");
        var body = Fixtures.leader(name);
        body.put("visibility", visibility);
        body.put("version", version);
        as(admin()).body(body).when().put("/api/leaders/" + leaderId).then().statusCode(200);
    }

    /** A new shortlist of the account; its id. */
    static long shortlist(String token, String name) {
        return as(token).body(Map.of("name", name)).when().post("/api/shortlists").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static void put(String token, long shortlist, long leader, String note) {
        as(token).body(note == null ? Map.of() : Map.of("note", note)).when().put("/api/shortlists/" + shortlist + "/leaders/" + leader)
                .then().statusCode(Matchers.oneOf(200, 201));
    }
}
