package org.joinedup.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.joinedup.Fixtures;
import org.joinedup.security.Roles;
import org.junit.jupiter.api.Test;

/**
 * The owner names who led a record with them on a page (/my-work/records/{id}/co-leaders): the
 * invitation the API makes, its refusals beside their fields, removal, and nobody else's way in.
 */
@QuarkusTest
class CoLeaderPagesTest {

    private static final String PASSWORD = "a-co-leader-page-password";

    @Test
    void theOwnerNamesACoLeaderSeesTheRefusalsAndRemovesThem() {
        long nano = System.nanoTime();
        long owner = leader("Olu Owner " + nano);
        long partner = leader("Pat Partner " + nano);
        long record = admin().contentType(ContentType.JSON).body(Fixtures.record("Shared discharge hub " + nano))
                .when().post("/api/leaders/" + owner + "/records").then().statusCode(201).extract().jsonPath().getLong("id");
        var session = session(account("olu-" + nano, Roles.LEADER, owner));

        var myWork = page(session, "/my-work");
        assertEquals(true, myWork.contains("/my-work/records/" + record + "/co-leaders"), "My work links each own record's co-leaders page");
        var csrf = PagesTest.csrfOf(page(session, "/my-work/records/" + record + "/co-leaders"));

        // refusals beside their fields: not a number, the owner themself, nobody named
        form(session, csrf).formParam("leaderId", "forty-two").formParam("role", "co-led").when().post(path(record)).then().statusCode(400)
                .body(containsString("id=\"leaderId-error\""));
        form(session, csrf).formParam("leaderId", String.valueOf(owner)).formParam("role", "co-led").when().post(path(record)).then()
                .statusCode(400).body(containsString("nhsuk-error-message"));
        form(session, csrf).formParam("leaderId", "").formParam("role", "co-led").when().post(path(record)).then().statusCode(400)
                .body(containsString("nhsuk-error-message"));
        // a leader who is not there (or hidden from the owner) is said beside the field, not as a missing page
        form(session, csrf).formParam("leaderId", "999999999").formParam("role", "co-led").when().post(path(record)).then().statusCode(400)
                .body(containsString("id=\"leaderId-error\""), containsString("Leader 999999999 does not exist"));
        assertEquals(0, coLeaders(record).size(), "nothing is written by a refused form");

        // named: listed as waiting, and the API holds the invitation with its role
        form(session, csrf).formParam("leaderId", String.valueOf(partner)).formParam("role", "contributed").when().post(path(record)).then()
                .statusCode(303).header("Location", containsString(path(record) + "?done=" + partner));
        given().cookie("joinedup-session", session).when().get(path(record)).then().statusCode(200)
                .body(containsString("id=\"co-leader-" + partner + "\"")).body(containsString("Waiting for them"));
        assertEquals(List.of(Map.of("leaderId", (int) partner, "role", "contributed")), coLeaders(record).stream()
                .map(c -> Map.of("leaderId", c.get("leaderId"), "role", c.get("role"))).toList());
        // twice is a 409 beside the form, not a second row
        form(session, csrf).formParam("leaderId", String.valueOf(partner)).formParam("role", "co-led").when().post(path(record)).then()
                .statusCode(409).body(containsString("nhsuk-error-message"));

        // another leader may neither see the page nor remove anyone
        var stranger = session(account("sam-" + nano, Roles.LEADER, leader("Sam Stranger " + nano)));
        given().cookie("joinedup-session", stranger).when().get(path(record)).then().statusCode(403);
        form(stranger, PagesTest.csrfOf(page(stranger, "/my-work"))).when().post(path(record) + "/" + partner + "/remove").then().statusCode(403);
        // a form without its token changes nothing
        given().redirects().follow(false).cookie("joinedup-session", session).formParam("leaderId", String.valueOf(partner))
                .when().post(path(record) + "/" + partner + "/remove").then().statusCode(403);
        assertEquals(1, coLeaders(record).size());

        form(session, csrf).when().post(path(record) + "/" + partner + "/remove").then().statusCode(303);
        given().cookie("joinedup-session", session).when().get(path(record)).then().statusCode(200)
                .body(not(containsString("id=\"co-leader-" + partner + "\""))).body(containsString("id=\"no-co-leaders\""));
        assertEquals(0, coLeaders(record).size());
    }

    private static String path(long record) {
        return "/my-work/records/" + record + "/co-leaders";
    }

    private static RequestSpecification admin() {
        return given().header("Authorization", Fixtures.bearer(Fixtures.token("demo-admin")));
    }

    private static long leader(String name) {
        return admin().contentType(ContentType.JSON).body(Fixtures.leader(name)).when().post("/api/leaders").then().statusCode(201).extract()
                .jsonPath().getLong("id");
    }

    private static String account(String prefix, String role, Long leaderId) {
        var username = (prefix).toLowerCase(Locale.ROOT);
        var body = new HashMap<String, Object>(Map.of("username", username, "password", PASSWORD, "roles", List.of(role), "fullName", "Robin " + prefix));
        if (leaderId != null) {
            body.put("leaderId", leaderId);
        }
        admin().contentType(ContentType.JSON).body(body).when().post("/api/admin/accounts").then().statusCode(201);
        return username;
    }

    /** Signs in through the page and returns the session cookie. */
    private static String session(String username) {
        return PagesTest.signIn(username, PASSWORD);
    }

    private static String page(String session, String path) {
        return given().cookie("joinedup-session", session).when().get(path).then().statusCode(200).extract().asString();
    }

    private static RequestSpecification form(String session, String csrf) {
        return given().redirects().follow(false).cookie("joinedup-session", session).formParam("csrf", csrf);
    }

    private static List<Map<String, Object>> coLeaders(long record) {
        return admin().when().get("/api/records/" + record + "/co-leaders").then().statusCode(200).extract().jsonPath().getList("$");
    }
}
