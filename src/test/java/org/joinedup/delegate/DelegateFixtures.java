package org.joinedup.delegate;

import static io.restassured.RestAssured.given;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.joinedup.Fixtures;
import org.joinedup.security.Account;

/** Leaders, accounts and tokens made for one test, through the API (an account's mail address has no API yet). */
final class DelegateFixtures {

    static final String PASSWORD = "a-test-password-long-enough";

    private DelegateFixtures() {
    }

    static RequestSpecification as(String token) {
        return given().header("Authorization", Fixtures.bearer(token)).contentType(ContentType.JSON);
    }

    static String admin() {
        return Fixtures.token("demo-admin");
    }

    /** A leader made by an admin with this visibility; its id. */
    static long leader(String name, String visibility) {
        var leader = Fixtures.leader(name);
        leader.put("visibility", visibility);
        return as(admin()).body(leader).when().post("/api/leaders").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** A new account (username made unique), with a mail address when {@code email} is true; returns its username. */
    static String account(String prefix, String role, Long leaderId, boolean email) {
        var username = (prefix + "-" + System.nanoTime()).toLowerCase(Locale.ROOT);
        var body = new HashMap<String, Object>(Map.of("username", username, "password", PASSWORD, "roles", List.of(role),
                "fullName", "Sam " + prefix));
        if (leaderId != null) {
            body.put("leaderId", leaderId);
        }
        as(admin()).body(body).when().post("/api/admin/accounts").then().statusCode(201);
        if (email) {
            QuarkusTransaction.requiringNew().run(() -> Account.byUsername(username).orElseThrow().email = address(username));
        }
        return username;
    }

    static String address(String username) {
        return username + "@example.org";
    }

    static String token(String username) {
        return Fixtures.token(username, PASSWORD);
    }

    static long accountId(String username) {
        return QuarkusTransaction.requiringNew().call(() -> Account.byUsername(username).orElseThrow().id);
    }

    /** The PUT body of a leader made by {@link #leader}, as a delegate sends it: no contact (they are not shown it). */
    static Map<String, Object> profile(String name, String visibility, int version) {
        var body = Fixtures.leader(name);
        body.remove("contact");
        body.put("visibility", visibility);
        body.put("version", version);
        return body;
    }
}
