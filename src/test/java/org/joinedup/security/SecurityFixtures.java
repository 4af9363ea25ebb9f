package org.joinedup.security;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import org.joinedup.Fixtures;

/** Requests as a given account, and leader accounts made for a test. */
public final class SecurityFixtures {

    static final String PASSWORD = "a-test-password-long-enough";

    private SecurityFixtures() {
    }

    static RequestSpecification as(String demoAccount) {
        return given().header("Authorization", Fixtures.bearer(Fixtures.token(demoAccount)));
    }

    static RequestSpecification withToken(String token) {
        return given().header("Authorization", Fixtures.bearer(token));
    }

    /** A throwaway account with these roles, made by an admin; returns its id. */
    static long account(String username, String... roles) {
        return as("demo-admin").contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", PASSWORD, "roles", List.of(roles)))
                .when().post("/api/admin/accounts").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** A leader created by an admin, with the given visibility; returns its id. */
    static long leader(String name, String visibility) {
        var leader = Fixtures.leader(name);
        leader.put("visibility", visibility);
        return as("demo-admin").contentType(ContentType.JSON).body(leader).when().post("/api/leaders")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** A leader account for that leader; returns a token signed in as it. */
    public static String leaderAccount(long leaderId) {
        var username = "leader-" + leaderId + "-" + System.nanoTime();
        as("demo-admin").contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", PASSWORD, "roles", List.of(Roles.LEADER), "leaderId", leaderId))
                .when().post("/api/admin/accounts").then().statusCode(201);
        return Fixtures.token(username, PASSWORD);
    }

    static long record(long leaderId, Map<String, Object> record) {
        return as("demo-admin").contentType(ContentType.JSON).body(record).when().post("/api/leaders/" + leaderId + "/records")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }
}
