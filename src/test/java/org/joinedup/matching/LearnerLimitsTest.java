package org.joinedup.matching;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.joinedup.Fixtures.awaitIndexInStep;
import static org.joinedup.matching.MatchingFixtures.createRequest;
import static org.joinedup.matching.MatchingFixtures.learner;
import static org.joinedup.matching.MatchingFixtures.mentor;
import static org.joinedup.matching.MatchingFixtures.request;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.joinedup.Fixtures;
import org.joinedup.security.Roles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A learner cannot hold mentors' places without limit: open requests and their own unanswered
 * proposals are capped (defaults 5 and 3), and a proposal nobody answers expires, freeing the place.
 */
@QuarkusTest
class LearnerLimitsTest {

    @Inject
    ProposalExpiry expiry;

    @Inject
    EntityManager em;

    @BeforeAll
    static void actAsAdmin() {
        Fixtures.actAs("demo-admin");
    }

    /** A leader account for the leader, signed in; returns its bearer header. */
    static String signedInAs(long leaderId) {
        var username = "limits-" + leaderId + "-" + System.nanoTime();
        given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", "a-test-password-long-enough", "roles", List.of(Roles.LEADER), "leaderId", leaderId))
                .when().post("/api/admin/accounts").then().statusCode(201);
        return Fixtures.bearer(Fixtures.token(username, "a-test-password-long-enough"));
    }

    static int proposeAs(String bearer, long requestId, long mentorId) {
        return given().header("Authorization", bearer).contentType(ContentType.JSON).body(Map.of("requestId", requestId, "mentorId", mentorId))
                .when().post("/api/mentorships").then().extract().statusCode();
    }

    @Test
    void aLearnerHasAtMostFiveOpenRequests() {
        long learner = learner("Many Requests Learner", "Many Requests Org", List.of());
        var me = signedInAs(learner);
        var ids = new ArrayList<Long>();
        for (int i = 0; i < 5; i++) {
            ids.add(given().header("Authorization", me).contentType(ContentType.JSON).body(request(learner, List.of("gp")))
                    .when().post("/api/learning-requests").then().statusCode(201).extract().jsonPath().getLong("id"));
        }
        given().header("Authorization", me).contentType(ContentType.JSON).body(request(learner, List.of("gp")))
                .when().post("/api/learning-requests").then().statusCode(409).contentType("application/problem+json");
        // staff asking for the learner count against the same cap
        given().contentType(ContentType.JSON).body(request(learner, List.of("gp")))
                .when().post("/api/learning-requests").then().statusCode(409);
        given().header("Authorization", me).when().delete("/api/learning-requests/" + ids.get(0)).then().statusCode(200);
        given().header("Authorization", me).contentType(ContentType.JSON).body(request(learner, List.of("gp")))
                .when().post("/api/learning-requests").then().statusCode(201);
    }

    @Test
    void aLearnerHasAtMostThreeUnansweredProposalsOfTheirOwn() {
        long learner = learner("Proposing Learner", "Proposing Learner Org", List.of());
        var mentors = new ArrayList<Long>();
        for (int i = 0; i < 5; i++) {
            mentors.add(mentor("Sought Mentor " + i, "Sought Mentor Org " + i, 1, List.of("gp", "social-care")));
        }
        long request = createRequest(request(learner, List.of("gp")));
        awaitIndexInStep(Duration.ofSeconds(30));
        var me = signedInAs(learner);
        for (int i = 0; i < 3; i++) {
            assertEquals(201, proposeAs(me, request, mentors.get(i)), "learner's proposal " + (i + 1));
        }
        assertEquals(409, proposeAs(me, request, mentors.get(3)), "a fourth unanswered proposal of the learner's own");
        // programme staff are not held to the learner's cap
        assertEquals(201, MatchingFixtures.propose(request, mentors.get(3)));
        // once a mentor answers, the learner may propose again
        long answered = given().queryParam("mentorId", mentors.get(0)).when().get("/api/mentorships").then().extract().jsonPath().getLong("items[0].id");
        given().when().post("/api/mentorships/" + answered + "/decline").then().statusCode(200);
        assertEquals(201, proposeAs(me, request, mentors.get(4)));
    }

    @Test
    void someoneElsesRequestIsAnsweredAsAMissingOneNotAsForbidden() {
        long learner = learner("Private Request Learner", "Private Request Org", List.of());
        long other = learner("Curious Other Learner", "Curious Other Org", List.of());
        long mentor = mentor("Unasked Mentor", "Unasked Mentor Org", 1, List.of("gp", "social-care"));
        long request = createRequest(request(learner, List.of("gp")));
        var curious = signedInAs(other);
        for (long id : List.of(request, 987_654_321L)) {
            given().header("Authorization", curious).contentType(ContentType.JSON).body(Map.of("requestId", id, "mentorId", mentor))
                    .when().post("/api/mentorships").then().statusCode(400).body("violations[0].field", equalTo("requestId"))
                    .body("violations[0].message", equalTo("there is no learning request " + id));
        }
    }

    @Test
    void anUnansweredProposalExpiresOnceAndFreesThePlace() {
        long learner = learner("Waiting Learner", "Waiting Org", List.of());
        long mentor = mentor("Silent Mentor", "Silent Org", 1, List.of("gp", "social-care"));
        long request = createRequest(request(learner, List.of("gp")));
        awaitIndexInStep(Duration.ofSeconds(30));
        assertEquals(201, MatchingFixtures.propose(request, mentor));
        long id = given().queryParam("mentorId", mentor).when().get("/api/mentorships").then().extract().jsonPath().getLong("items[0].id");
        given().when().get("/api/leaders/" + mentor).then().body("mentoring.active", equalTo(1));

        expiry.run();
        given().when().get("/api/mentorships/" + id).then().body("status", equalTo("proposed"));

        // a fortnight and a day pass without an answer
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update mentorship set proposed_at = now() - interval '15 days' where id = :id")
                .setParameter("id", id).executeUpdate());
        expiry.run();
        expiry.run();

        given().when().get("/api/mentorships/" + id).then().body("status", equalTo("expired"));
        given().when().get("/api/leaders/" + mentor).then().body("mentoring.active", equalTo(0));
        given().queryParam("entityType", "mentorship").queryParam("entityId", id).queryParam("action", "expire")
                .when().get("/api/admin/audit").then().statusCode(200).body("total", equalTo(1)).body("items[0].actor", equalTo("system"));
        given().when().post("/api/mentorships/" + id + "/accept").then().statusCode(409);
    }
}
