package org.joinedup.recognition;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.joinedup.Fixtures;

/** Rounds, judges and nominators for tests, made through the API. */
public final class RecognitionFixtures {

    public static final String PASSWORD = "a-test-password-long-enough";

    private RecognitionFixtures() {
    }

    public static LocalDate today() {
        return LocalDate.now(ZoneId.of("Europe/London"));
    }

    public static RequestSpecification as(String demoAccount) {
        return given().header("Authorization", Fixtures.bearer(Fixtures.token(demoAccount))).contentType(ContentType.JSON);
    }

    public static RequestSpecification withToken(String token) {
        return given().header("Authorization", Fixtures.bearer(token)).contentType(ContentType.JSON);
    }

    /** A new account (made by demo-admin) with one role, optionally a leader's; its id and a token. */
    public record NewAccount(long id, String username, String token) {
    }

    public static NewAccount account(String role, Long leaderId) {
        var username = ("round-" + role + "-" + System.nanoTime()).toLowerCase(Locale.ROOT);
        var body = new HashMap<String, Object>(Map.of("username", username, "password", PASSWORD, "roles", List.of(role), "fullName",
                "Robin " + role));
        if (leaderId != null) {
            body.put("leaderId", leaderId);
        }
        long id = as("demo-admin").body(body).when().post("/api/admin/accounts").then().statusCode(201).extract().jsonPath().getLong("id");
        return new NewAccount(id, username, Fixtures.token(username, PASSWORD));
    }

    /** A round body taking nominations today (opened yesterday, closing in ten days), judged by these accounts. */
    public static Map<String, Object> nominatingRound(String name, List<Long> judges) {
        return round(name, today().minusDays(1), today().plusDays(10), today().plusDays(20), judges);
    }

    public static Map<String, Object> round(String name, LocalDate open, LocalDate close, LocalDate judgingClose, List<Long> judges) {
        var round = new HashMap<String, Object>();
        round.put("name", name);
        round.put("question", "Who is doing most to drive integration?");
        round.put("nominationsOpenOn", open.toString());
        round.put("nominationsCloseOn", close.toString());
        round.put("judgingCloseOn", judgingClose.toString());
        round.put("selectCount", 50);
        round.put("rankCount", 10);
        round.put("judges", judges);
        round.put("nominators", "signed-in");
        round.put("listVisibility", "public");
        return round;
    }

    /** Opens the round as programme staff; its id. */
    public static long open(Map<String, Object> round) {
        return as("demo-programme").body(round).when().post("/api/rounds").then().statusCode(201).extract().jsonPath().getLong("id");
    }
}
