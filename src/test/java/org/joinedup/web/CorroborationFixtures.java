package org.joinedup.web;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.joinedup.Fixtures;

/** A leader with an account and a record whose partners are Sherwood Forest Hospitals (RK5) and an ICB, and accounts to answer. */
final class CorroborationFixtures {

    static final String SHERWOOD = "RK5";
    static final String SHERWOOD_NAME = "Sherwood Forest Hospitals NHS Foundation Trust";
    static final String NOTTINGHAM_ICB = "E54000060";

    final String suffix = letters(System.nanoTime());
    final long leaderId;
    final long recordId;
    final String title;
    final String owner;
    final String partner;

    CorroborationFixtures(String what) {
        title = "Corroborated " + what + " " + suffix;
        leaderId = asAdmin().contentType(ContentType.JSON).body(Fixtures.leader("Corra Owner " + suffix)).when().post("/api/leaders")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        recordId = asAdmin().contentType(ContentType.JSON).body(Fixtures.record(title)).when().post("/api/leaders/" + leaderId + "/records")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        owner = account("corra-owner-" + suffix, Map.of("roles", List.of("leader"), "leaderId", leaderId));
        partner = account("corra-partner-" + suffix, Map.of("roles", List.of("commissioner"), "fullName", "Pat Partner", "jobTitle", "Director",
                "organisation", SHERWOOD));
    }

    /** An account with the demo password (so the page sign-in of the tests works); returns its username. */
    static String account(String username, Map<String, Object> fields) {
        var body = new HashMap<String, Object>(fields);
        body.put("username", username);
        body.put("password", Fixtures.DEMO_PASSWORD);
        asAdmin().contentType(ContentType.JSON).body(body)
                .when().post("/api/admin/accounts").then().statusCode(201);
        return username;
    }

    static RequestSpecification asAdmin() {
        return given().header("Authorization", Fixtures.bearer(Fixtures.token("demo-admin")));
    }

    private static String letters(long n) {
        var out = new StringBuilder();
        for (char c : Long.toString(n, 26).toCharArray()) {
            out.append((char) (Character.isDigit(c) ? 'a' + (c - '0') : c + 10));
        }
        return out.toString();
    }
}
