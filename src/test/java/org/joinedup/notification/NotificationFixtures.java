package org.joinedup.notification;

import static io.restassured.RestAssured.given;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.joinedup.Fixtures;
import org.joinedup.security.Account;
import org.joinedup.security.Roles;

/** People with accounts and mail addresses, made for a test through the API (the address and organisation set on the entity). */
final class NotificationFixtures {

    /** A place abroad no demo record is near, so a test's mentor is matched by its own records only. */
    static final Map<String, Object> TEST_PLACE = Map.of("country", "NZ", "place", "Notice Bay", "latitude", -44.0, "longitude", 171.0);

    private NotificationFixtures() {
    }

    /** Someone who signs in: their account id, username, mail address, a bearer header, and their leader if any. */
    record Person(long accountId, String username, String email, String bearer, Long leaderId) {

        RequestSpecification api() {
            return given().header("Authorization", bearer).contentType(ContentType.JSON);
        }

        JsonPath notifications() {
            return api().when().get("/api/me/notifications").then().statusCode(200).extract().jsonPath();
        }

        List<String> eventKeys() {
            return notifications().getList("items.eventKey", String.class);
        }
    }

    /** A leader (as demo-admin) with their own leader account. */
    static Person leader(String name) {
        long id = Fixtures.createLeader(Fixtures.leader(name));
        return account(Roles.LEADER, id, null);
    }

    /** An account with this role, linked to a leader and speaking for an organisation if given. */
    static Person account(String role, Long leaderId, String organisation) {
        var username = "notice-" + System.nanoTime();
        var body = new HashMap<String, Object>(Map.of("username", username, "password", Fixtures.DEMO_PASSWORD, "roles", List.of(role)));
        if (leaderId != null) {
            body.put("leaderId", leaderId);
        }
        given().contentType(ContentType.JSON).body(body).when().post("/api/admin/accounts").then().statusCode(201);
        var email = username + "@example.org";
        long accountId = QuarkusTransaction.requiringNew().call(() -> {
            Account account = Account.byUsername(username).orElseThrow();
            account.email = email;
            account.organisationCode = organisation;
            return account.id;
        });
        return new Person(accountId, username, email, Fixtures.bearer(Fixtures.token(username, Fixtures.DEMO_PASSWORD)), leaderId);
    }

    static void disable(Person person) {
        given().when().post("/api/admin/accounts/" + person.accountId() + "/disable").then().statusCode(200);
    }

    static long askIntroduction(Person requester, long leaderId) {
        return requester.api().body(Map.of("leaderId", leaderId, "message", "Could we talk about discharge?"))
                .when().post("/api/introductions").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** A willing mentor of capacity 1 with a record of gp and social-care work at the test place. */
    static Person mentor(String name) {
        var leader = Fixtures.leader(name);
        leader.put("organisation", Fixtures.organisation(name + " Org"));
        leader.put("mentoring", Map.of("willing", true, "capacity", 1, "formats", List.of(), "trained", false));
        long id = Fixtures.createLeader(leader);
        var work = Fixtures.record(name + " work");
        work.put("services", List.of("gp", "social-care"));
        work.put("approaches", List.of());
        work.put("areas", List.of(TEST_PLACE));
        work.put("outcomes", List.of());
        work.remove("programme");
        Fixtures.createRecord(id, work);
        return account(Roles.LEADER, id, null);
    }

    static Person learner(String name) {
        var leader = Fixtures.leader(name);
        leader.put("organisation", Fixtures.organisation(name + " Org"));
        leader.put("mentoring", Map.of("willing", false, "capacity", 0, "formats", List.of(), "trained", false));
        return account(Roles.LEADER, Fixtures.createLeader(leader), null);
    }

    /** A learning request of the learner's and the mentor proposed for it by programme staff; the mentorship's id. */
    static long propose(Person learner, Person mentor) {
        var request = new HashMap<String, Object>(Map.of("learnerId", learner.leaderId(), "area", "E10000024", "services", List.of("gp"),
                "approaches", List.of(), "need", "Wants to learn"));
        long requestId = given().contentType(ContentType.JSON).body(request).when().post("/api/learning-requests")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        Fixtures.awaitIndexInStep(Duration.ofSeconds(30));
        return given().contentType(ContentType.JSON).body(Map.of("requestId", requestId, "mentorId", mentor.leaderId()))
                .when().post("/api/mentorships").then().statusCode(201).extract().jsonPath().getLong("id");
    }
}
