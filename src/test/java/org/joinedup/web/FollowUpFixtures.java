package org.joinedup.web;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.joinedup.Fixtures;
import org.joinedup.followup.FollowUpService;
import org.joinedup.security.Roles;

/** A mentorship completed three months ago whose learner has been asked the follow-up: the start of the follow-up page tests. */
final class FollowUpFixtures {

    static final String PASSWORD = "a-test-password-long-enough";

    private FollowUpFixtures() {
    }

    /** The mentor's leader id and the learner's account name (password {@link #PASSWORD}). */
    record AskedLearner(long mentor, String learnerAccount) {
    }

    /**
     * Mentor "{prefix} Mentor" (with a record in {place}) and learner "{prefix} Learner", each with
     * an account; a learning request, a mentorship through accept, start and complete, then the
     * follow-ups due three months on asked; as the caller {@code Fixtures.actAs} set, an admin.
     */
    static AskedLearner learnerAskedAfterMentorship(String prefix, String place, FollowUpService followUps) {
        long mentor = leader(prefix + " Mentor", place, true);
        long learner = leader(prefix + " Learner", place, false);
        var mentorBearer = Fixtures.bearer(Fixtures.token(account(mentor), PASSWORD));
        var learnerAccount = account(learner);
        var request = new HashMap<String, Object>(Map.of("learnerId", learner, "area", "E10000024", "services", List.of("gp"),
                "approaches", List.of(), "need", "Wants to learn"));
        long requestId = given().contentType(ContentType.JSON).body(request).when().post("/api/learning-requests").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        Fixtures.awaitIndexInStep(Duration.ofSeconds(30));
        long mentorship = given().contentType(ContentType.JSON).body(Map.of("requestId", requestId, "mentorId", mentor)).when().post("/api/mentorships")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        for (var step : List.of("accept", "start", "complete")) {
            given().header("Authorization", mentorBearer).contentType(ContentType.JSON).body("{}").when()
                    .post("/api/mentorships/" + mentorship + "/" + step).then().statusCode(200);
        }
        followUps.askDue(Instant.now().atOffset(ZoneOffset.UTC).plusMonths(3).plusDays(1).toInstant());
        return new AskedLearner(mentor, learnerAccount);
    }

    private static long leader(String name, String place, boolean mentor) {
        var leader = Fixtures.leader(name);
        leader.put("organisation", Fixtures.organisation(name + " Org"));
        leader.put("mentoring", Map.of("willing", mentor, "capacity", mentor ? 2 : 0, "formats", List.of(), "trained", false));
        long id = Fixtures.createLeader(leader);
        if (mentor) {
            var work = Fixtures.record(name + " work");
            work.put("services", List.of("gp", "social-care"));
            work.put("areas", List.of(Map.of("country", "NZ", "place", place, "latitude", -43.0, "longitude", 172.0)));
            work.put("outcomes", List.of());
            Fixtures.createRecord(id, work);
        }
        return id;
    }

    private static String account(long leaderId) {
        var username = "follow-up-" + leaderId + "-" + System.nanoTime();
        given().contentType(ContentType.JSON).body(Map.of("username", username, "password", PASSWORD, "roles", List.of(Roles.LEADER), "leaderId", leaderId))
                .when().post("/api/admin/accounts").then().statusCode(201);
        return username;
    }
}
