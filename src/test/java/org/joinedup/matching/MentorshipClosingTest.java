package org.joinedup.matching;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.joinedup.matching.LearnerLimitsTest.signedInAs;
import static org.joinedup.matching.MatchingFixtures.proposedMentorship;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.joinedup.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each side of a mentorship writes only its own closing words; staff writing for someone say for whom, and the audit shows it. */
@QuarkusTest
class MentorshipClosingTest {

    @BeforeAll
    static void actAsAdmin() {
        Fixtures.actAs("demo-admin");
    }

    @Test
    void eachSideWritesOnlyItsOwnClosingWords() {
        var pair = proposedMentorship("Closing");
        long learner = pair.learner();
        long mentor = pair.mentor();
        long id = pair.mentorship();
        var asMentor = signedInAs(mentor);
        var asLearner = signedInAs(learner);
        given().header("Authorization", asMentor).when().post("/api/mentorships/" + id + "/accept").then().statusCode(200);
        given().header("Authorization", asMentor).when().post("/api/mentorships/" + id + "/start").then().statusCode(200);

        // the learner completing cannot write the mentor's note: refused whole, still active
        given().header("Authorization", asLearner).contentType(ContentType.JSON)
                .body(Map.of("mentorNote", "My mentor was poor", "learnerNote", "Fine", "learnerWouldRecommend", true))
                .when().post("/api/mentorships/" + id + "/complete")
                .then().statusCode(400).body("violations.field", hasItem("mentorNote"));
        given().when().get("/api/mentorships/" + id).then().body("status", equalTo("active")).body("learnerNote", nullValue());

        given().header("Authorization", asLearner).contentType(ContentType.JSON)
                .body(Map.of("learnerNote", "Learned a lot", "learnerWouldRecommend", true))
                .when().post("/api/mentorships/" + id + "/complete")
                .then().statusCode(200).body("status", equalTo("completed")).body("mentorNote", nullValue());

        // the mentor adds their own note afterwards, and cannot touch the learner's recommendation
        given().header("Authorization", asMentor).contentType(ContentType.JSON).body(Map.of("learnerWouldRecommend", false))
                .when().put("/api/mentorships/" + id + "/closing")
                .then().statusCode(400).body("violations[0].field", equalTo("learnerWouldRecommend"));
        given().header("Authorization", asMentor).contentType(ContentType.JSON).body(Map.of("learnerNote", "x", "onBehalfOf", "learner"))
                .when().put("/api/mentorships/" + id + "/closing")
                .then().statusCode(403);
        given().header("Authorization", asMentor).contentType(ContentType.JSON).body(Map.of("mentorNote", "Good visits"))
                .when().put("/api/mentorships/" + id + "/closing")
                .then().statusCode(200).body("mentorNote", equalTo("Good visits")).body("learnerNote", equalTo("Learned a lot"))
                .body("learnerWouldRecommend", equalTo(true));
    }

    @Test
    void staffWritingForSomeoneSayForWhomAndAreAuditedAsSuch() {
        var pair = proposedMentorship("Helped");
        long learner = pair.learner();
        long mentor = pair.mentor();
        long id = pair.mentorship();
        given().when().post("/api/mentorships/" + id + "/accept").then().statusCode(200);
        given().when().post("/api/mentorships/" + id + "/start").then().statusCode(200);

        given().contentType(ContentType.JSON).body(Map.of("learnerNote", "Said on the phone", "learnerWouldRecommend", true))
                .when().post("/api/mentorships/" + id + "/complete")
                .then().statusCode(400).body("violations[0].field", equalTo("onBehalfOf"));
        given().contentType(ContentType.JSON).body(Map.of("learnerNote", "Said on the phone", "learnerWouldRecommend", true, "onBehalfOf", "learner"))
                .when().post("/api/mentorships/" + id + "/complete")
                .then().statusCode(200).body("learnerNote", equalTo("Said on the phone"));

        given().queryParam("entityType", "mentorship").queryParam("entityId", id).queryParam("action", "completed")
                .when().get("/api/admin/audit")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].actor", equalTo("demo-admin"))
                .body("items[0].after.onBehalfOf.side", equalTo("learner")).body("items[0].after.onBehalfOf.leaderId", equalTo((int) learner));
    }
}
