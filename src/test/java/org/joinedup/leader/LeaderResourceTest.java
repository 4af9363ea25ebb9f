package org.joinedup.leader;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.joinedup.Fixtures.createLeader;
import static org.joinedup.Fixtures.leader;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.joinedup.Fixtures;

@QuarkusTest
class LeaderResourceTest {

    @BeforeAll
    static void actAsAdmin() {
        Fixtures.actAs("demo-admin");
    }

    @Test
    void createsAndReadsALeaderWithHomeAreaResolvedToCurrentIcbAndRegion() {
        long id = createLeader(leader("Ada Example"));
        given().when().get("/api/leaders/" + id)
                .then().statusCode(200)
                .body("name", equalTo("Ada Example"))
                .body("version", equalTo(0))
                .body("homeArea.code", equalTo("E10000024"))
                .body("homeArea.name", equalTo("Nottinghamshire"))
                .body("homeArea.icb.code", equalTo("E54000060"))
                .body("homeArea.region.name", equalTo("Midlands"))
                .body("mentoring.capacity", equalTo(2))
                .body("visibility", equalTo("public"))
                // an admin sees the contact details (ProfileAudience); others do not (ProfileAudienceTest)
                .body("contact.email", equalTo("test.leader@example.org"))
                .body("$", not(hasKey("contactEmail")));
    }

    @Test
    void createAnswersWithLocationOfTheNewLeader() {
        given().contentType(ContentType.JSON).body(leader("Located Leader"))
                .when().post("/api/leaders")
                .then().statusCode(201).header("Location", containsString("/api/leaders/"));
    }

    @Test
    void aNameOrRoleWithLineBreaksIsRefusedNamingTheField() {
        // names go into mail bodies ("Hello " + name), so one may not carry lines (or a header-like "Bcc:") of its own
        var leader = leader("Ada\r\nBcc: someone@example.org");
        given().contentType(ContentType.JSON).body(leader).when().post("/api/leaders").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem("name"));
        var role = leader("Ada Oneline");
        role.put("currentRole", "Head\tof care");
        given().contentType(ContentType.JSON).body(role).when().post("/api/leaders").then().statusCode(400)
                .body("violations.field", hasItem("currentRole"));
        long id = createLeader(leader("Ada Later"));
        var update = leader("Ada\nLater");
        update.put("version", 0);
        given().contentType(ContentType.JSON).body(update).when().put("/api/leaders/" + id).then().statusCode(400)
                .body("violations.field", hasItem("name"));
        given().when().get("/api/leaders/" + id).then().statusCode(200).body("name", equalTo("Ada Later"));
    }

    @Test
    void listsLeadersInPagesWithTotals() {
        createLeader(leader("Paged Leader"));
        given().queryParam("page", 1).queryParam("size", 5)
                .when().get("/api/leaders")
                .then().statusCode(200)
                .body("page", equalTo(1))
                .body("size", equalTo(5))
                .body("items.size()", equalTo(5))
                .body("total", notNullValue());
    }

    @Test
    void rejectsPageSizeOverTheLimitNamingTheParameter() {
        given().queryParam("size", 1000)
                .when().get("/api/leaders")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("size"))
                .body("violations[0].in", equalTo("query"));
    }

    @Test
    void updatesWithTheCurrentVersionAndRefusesAStaleOne() {
        long id = createLeader(leader("Versioned Leader"));
        var changed = leader("Versioned Leader Renamed");
        changed.put("version", 0);
        given().contentType(ContentType.JSON).body(changed)
                .when().put("/api/leaders/" + id)
                .then().statusCode(200).body("name", equalTo("Versioned Leader Renamed")).body("version", equalTo(1));
        given().contentType(ContentType.JSON).body(changed)
                .when().put("/api/leaders/" + id)
                .then().statusCode(409).contentType("application/problem+json")
                .body("violations[0].field", equalTo("version"));
    }

    @Test
    void aLeaderNeitherMarksTheirProfileIllustrativeNorClearsIt() {
        var made = leader("Made Up Leader");
        made.put("illustrative", true);
        long id = createLeader(made);
        var username = "illustrative-" + id + "-" + System.nanoTime();
        given().contentType(ContentType.JSON).body(Map.of("username", username, "password", "a-test-password-long-enough", "roles",
                List.of("leader"), "leaderId", id)).when().post("/api/admin/accounts").then().statusCode(201);
        var own = given().header("Authorization", Fixtures.bearer(Fixtures.token(username, "a-test-password-long-enough")));
        var edit = leader("Made Up Leader");
        edit.remove("contact");
        edit.put("version", 0);
        edit.put("illustrative", false);
        own.contentType(ContentType.JSON).body(edit).when().put("/api/leaders/" + id)
                .then().statusCode(403).body("violations[0].field", equalTo("illustrative"));
        // left out, it stays as it is
        edit.remove("illustrative");
        given().header("Authorization", Fixtures.bearer(Fixtures.token(username, "a-test-password-long-enough"))).contentType(ContentType.JSON)
                .body(edit).when().put("/api/leaders/" + id).then().statusCode(200).body("illustrative", equalTo(true));
    }

    @Test
    void updateWithoutVersionIsRejected() {
        long id = createLeader(leader("No Version"));
        given().contentType(ContentType.JSON).body(leader("No Version"))
                .when().put("/api/leaders/" + id)
                .then().statusCode(400).body("violations[0].field", equalTo("version"));
    }

    @Test
    void deletesALeaderAndThenAnswers404() {
        long id = createLeader(leader("Deleted Leader"));
        given().when().delete("/api/leaders/" + id).then().statusCode(204);
        given().when().get("/api/leaders/" + id)
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
        given().when().delete("/api/leaders/" + id).then().statusCode(404);
    }

    @Test
    void missingLeaderIs404ProblemJson() {
        given().when().get("/api/leaders/999999999")
                .then().statusCode(404).contentType("application/problem+json")
                .body("title", equalTo("Not found"))
                .body("detail", containsString("999999999"));
    }

    @Test
    void rejectsUnknownHomeArea() {
        var bad = leader("Nowhere Leader");
        bad.put("homeArea", "E99999999");
        given().contentType(ContentType.JSON).body(bad)
                .when().post("/api/leaders")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("homeArea"));
    }

    @Test
    void rejectsBlankNameAndUnknownVisibilityTogetherNamingBoth() {
        var bad = leader(" ");
        bad.put("visibility", "everyone");
        given().contentType(ContentType.JSON).body(bad)
                .when().post("/api/leaders")
                .then().statusCode(400)
                .body("violations.field", hasItem("name"));
        var badVisibility = leader("Visible Leader");
        badVisibility.put("visibility", "everyone");
        given().contentType(ContentType.JSON).body(badVisibility)
                .when().post("/api/leaders")
                .then().statusCode(400)
                .body("violations[0].field", equalTo("visibility"))
                .body("violations[0].allowed", equalTo(List.of("public", "registered", "programme")));
    }

    @Test
    void rejectsWillingMentorWithoutCapacityAndUnknownFormat() {
        var bad = leader("Mentor Leader");
        bad.put("mentoring", Map.of("willing", true, "capacity", 0, "formats", List.of("telepathy")));
        given().contentType(ContentType.JSON).body(bad)
                .when().post("/api/leaders")
                .then().statusCode(400)
                .body("violations.field", hasItem("mentoring.capacity"))
                .body("violations.field", hasItem("mentoring.formats[0]"))
                .body("violations.find { it.field == 'mentoring.formats[0]' }.allowed", hasItem("site-visit"));
    }

    @Test
    void rejectsUnknownFieldsAndMalformedJson() {
        var typo = leader("Typo Leader");
        typo.put("nmae", "x");
        given().contentType(ContentType.JSON).body(typo)
                .when().post("/api/leaders")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("nmae"));
        given().contentType(ContentType.JSON).body("{\"name\": ")
                .when().post("/api/leaders")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("body"));
        given().contentType(ContentType.JSON).body("{\"name\": \"x\", \"homeArea\": \"E10000024\", \"doingNowAsOf\": \"yesterday\"}")
                .when().post("/api/leaders")
                .then().statusCode(400).body("violations[0].field", equalTo("doingNowAsOf"));
    }

    @Test
    void rejectedCreateLeavesNothingBehind() {
        long before = given().when().get("/api/leaders").then().extract().jsonPath().getLong("total");
        var bad = leader("Half Written");
        bad.put("homeArea", "nowhere");
        given().contentType(ContentType.JSON).body(bad).when().post("/api/leaders").then().statusCode(400);
        given().when().get("/api/leaders").then().body("total", equalTo((int) before));
    }
}
