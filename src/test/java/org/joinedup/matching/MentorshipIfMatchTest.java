package org.joinedup.matching;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.joinedup.matching.MatchingFixtures.proposedMentorship;

import io.quarkus.test.junit.QuarkusTest;
import org.joinedup.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A mentorship's steps are changes too: they honour If-Match like any update. */
@QuarkusTest
class MentorshipIfMatchTest {

    @BeforeAll
    static void actAsAdmin() {
        Fixtures.actAs("demo-admin");
    }

    @Test
    void aStepTakenOnAStaleETagIs412AndTheMentorshipStaysWhereItWas() {
        long id = proposedMentorship("Tagged").mentorship();
        String proposed = given().when().get("/api/mentorships/" + id).then().statusCode(200).extract().header("ETag");
        given().header("If-Match", proposed).when().post("/api/mentorships/" + id + "/accept").then().statusCode(200);

        // a second client still holding the proposal's ETag
        given().header("If-Match", proposed).when().post("/api/mentorships/" + id + "/start")
                .then().statusCode(412).body("violations[0].field", equalTo("If-Match"));
        String accepted = given().when().get("/api/mentorships/" + id).then().statusCode(200).body("status", equalTo("accepted"))
                .extract().header("ETag");
        given().header("If-Match", accepted).when().post("/api/mentorships/" + id + "/start").then().statusCode(200)
                .body("status", equalTo("active"));
    }
}
