package org.joinedup.security;

import static io.restassured.RestAssured.given;
import static org.joinedup.security.SecurityFixtures.as;
import static org.joinedup.security.SecurityFixtures.withToken;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hamcrest.Matchers;
import org.joinedup.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Erasure leaves nothing behind: after a leader goes, by any path, no text or JSON column of any
 * table and no document in the index holds their name, username, e-mail or phone. What others wrote
 * about their work stays, without them (the other leader's record keeps its endorsement).
 */
@QuarkusTest
class ErasureTest {

    @Inject
    DataSource database;

    @Inject
    ElasticsearchClient elasticsearch;

    @ConfigProperty(name = "joinedup.elasticsearch.index-alias")
    String alias;

    @BeforeAll
    static void noDefaultToken() {
        Fixtures.actAnonymously();
    }

    /** Someone to erase, with a unique name, username, e-mail and phone, and traces of them everywhere. */
    private record Person(long leaderId, String name, String username, String email, String phone, String token) {

        List<String> traces() {
            return List.of(name, username, email, phone);
        }
    }

    @Test
    void deletingYourselfThroughMeLeavesNoTrace() throws Exception {
        var person = personWithTraces();
        withToken(person.token()).when().delete("/api/me").then().statusCode(204);
        assertNoTrace(person);
    }

    @Test
    void deletingYourOwnProfileIsTheSameErasure() throws Exception {
        var person = personWithTraces();
        withToken(person.token()).when().delete("/api/leaders/" + person.leaderId()).then().statusCode(204);
        assertNoTrace(person);
        var accountTrail = as("demo-admin").queryParam("entityType", "account").queryParam("action", "erase").queryParam("size", 100)
                .when().get("/api/admin/audit").then().statusCode(200).extract().jsonPath();
        assertTrue(accountTrail.getList("items.actor", String.class).stream().anyMatch(a -> a.startsWith("erased:account-")),
                "the account's erasure is on record: " + accountTrail.getList("items"));
    }

    @Test
    void anAdminDeletingAProfileIsTheSameErasure() throws Exception {
        var person = personWithTraces();
        as("demo-admin").when().delete("/api/leaders/" + person.leaderId()).then().statusCode(204);
        assertNoTrace(person);
    }

    private Person personWithTraces() {
        long nano = System.nanoTime();
        var name = "Erasmo Quillfeather " + nano;
        var username = "erase-me-" + nano;
        var email = "erasmo." + nano + "@example.org";
        var phone = "0115 " + (nano % 10_000_000);
        var profile = Fixtures.leader(name);
        profile.put("contact", Map.of("email", email, "phone", phone));
        profile.put("organisation", "E10000024");
        long id = as("demo-admin").contentType(ContentType.JSON).body(profile).when().post("/api/leaders")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        as("demo-admin").contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", SecurityFixtures.PASSWORD, "roles", List.of(Roles.LEADER), "leaderId", id))
                .when().post("/api/admin/accounts").then().statusCode(201);
        // a failed sign-in under their name, then the real one
        given().contentType(ContentType.JSON).body(Map.of("username", username, "password", "not-the-password"))
                .when().post("/api/auth/token").then().statusCode(401);
        var token = Fixtures.token(username, SecurityFixtures.PASSWORD);

        long recordId = SecurityFixtures.record(id, Fixtures.record("Erasable neighbourhood teams " + nano));
        as("demo-programme").contentType(ContentType.JSON)
                .body(Map.of("programme", "pioneer-2013", "decision", "confirmed"))
                .when().post("/api/records/" + recordId + "/verifications").then().statusCode(201);

        // another leader, who asks them to learn and whom they ask to meet
        var other = Fixtures.leader("Other Side " + nano);
        other.put("organisation", "E06000018"); // Nottingham City Council
        long otherId = as("demo-admin").contentType(ContentType.JSON).body(other).when().post("/api/leaders")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        var otherToken = SecurityFixtures.leaderAccount(otherId);
        long otherRecord = SecurityFixtures.record(otherId, Fixtures.record("The other side's work " + nano));
        // they also speak for Sherwood Forest Hospitals, a partner of the other side's record, which asks it
        try (var connection = database.getConnection();
                var update = connection.prepareStatement("update account set organisation_code = 'RK5', full_name = ?, job_title = 'Matron' where username = ?")) {
            update.setString(1, name);
            update.setString(2, username);
            assertEquals(1, update.executeUpdate());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        withToken(otherToken).contentType(ContentType.JSON).body(Map.of("organisation", "RK5"))
                .when().post("/api/records/" + otherRecord + "/corroboration-requests").then().statusCode(201);
        withToken(token).contentType(ContentType.JSON).body(Map.of("decision", "confirmed", "comment", "Worked with them, " + name))
                .when().post("/api/records/" + otherRecord + "/endorsements").then().statusCode(201);

        withToken(token).contentType(ContentType.JSON).body(Map.of("leaderId", otherId, "message", "Hello, this is " + name))
                .when().post("/api/introductions").then().statusCode(201);
        long introToThem = as("demo-commissioner").contentType(ContentType.JSON).body(Map.of("leaderId", id, "message", "May we talk?"))
                .when().post("/api/introductions").then().statusCode(201).extract().jsonPath().getLong("id");
        withToken(token).when().post("/api/introductions/" + introToThem + "/accept").then().statusCode(200);

        // they learn from the other side, and mentor them (proposed one by one and in a saved cohort result)
        var services = List.of("gp", "community-health", "social-care");
        long theirRequest = withToken(token).contentType(ContentType.JSON)
                .body(Map.of("learnerId", id, "area", "E10000024", "services", services, "need", "Learning, says " + name))
                .when().post("/api/learning-requests").then().statusCode(201).extract().jsonPath().getLong("id");
        long otherRequest = withToken(otherToken).contentType(ContentType.JSON)
                .body(Map.of("learnerId", otherId, "area", "E10000024", "services", services))
                .when().post("/api/learning-requests").then().statusCode(201).extract().jsonPath().getLong("id");
        Fixtures.awaitIndexInStep(Duration.ofSeconds(30));
        as("demo-programme").contentType(ContentType.JSON).body(Map.of("requestId", theirRequest, "mentorId", otherId))
                .when().post("/api/mentorships").then().statusCode(201);
        as("demo-programme").contentType(ContentType.JSON).body(Map.of("requests", List.of(otherRequest), "mentors", List.of(id)))
                .when().post("/api/cohort-matches").then().statusCode(201).body("assignments[0].mentorName", Matchers.equalTo(name));
        long mentoring = as("demo-programme").contentType(ContentType.JSON).body(Map.of("requestId", otherRequest, "mentorId", id))
                .when().post("/api/mentorships").then().statusCode(201).extract().jsonPath().getLong("id");
        withToken(token).when().post("/api/mentorships/" + mentoring + "/accept").then().statusCode(200);
        Fixtures.awaitIndexInStep(Duration.ofSeconds(30));
        var person = new Person(id, name, username, email, phone, token);
        // the scans do find them before they go
        try {
            assertTrue(databaseHits(person.traces()).containsAll(List.of("leader.name: " + name, "account.username: " + username,
                    "leader.contact_email: " + email, "introduction.message: " + name, "cohort_match.result: " + name)),
                    databaseHits(person.traces()).toString());
            assertTrue(indexHits(List.of(name)).size() == 1, "their document is found");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return person;
    }

    private void assertNoTrace(Person person) throws Exception {
        assertEquals(List.of(), databaseHits(person.traces()), "database columns still holding the person");
        Fixtures.awaitIndexInStep(Duration.ofSeconds(30));
        assertEquals(List.of(), indexHits(person.traces()), "index documents still holding the person");
        as("demo-admin").when().get("/api/leaders/" + person.leaderId()).then().statusCode(404);
        // nothing left to erase (401 once an erased account's tokens are refused outright)
        withToken(person.token()).when().delete("/api/me").then().statusCode(Matchers.oneOf(401, 404));
    }

    /** Every text, array and JSON column of every table, searched for each value: "table.column: value" per hit. */
    private List<String> databaseHits(List<String> values) throws SQLException {
        var hits = new ArrayList<String>();
        try (var connection = database.getConnection()) {
            var columns = new ArrayList<String[]>();
            try (var rs = connection.createStatement().executeQuery("""
                    select table_name, column_name from information_schema.columns
                     where table_schema = 'public' and table_name <> 'flyway_schema_history'
                       and (data_type in ('text', 'character varying', 'character', 'json', 'jsonb') or udt_name in ('_text', '_varchar'))""")) {
                while (rs.next()) {
                    columns.add(new String[] { rs.getString(1), rs.getString(2) });
                }
            }
            assertTrue(columns.size() > 20, "columns found: " + columns.size());
            for (var column : columns) {
                for (var value : values) {
                    var sql = "select count(*) from \"" + column[0] + "\" where strpos(lower(\"" + column[1] + "\"::text), lower(?)) > 0";
                    try (var statement = connection.prepareStatement(sql)) {
                        statement.setString(1, value);
                        try (var rs = statement.executeQuery()) {
                            rs.next();
                            if (rs.getLong(1) > 0) {
                                hits.add(column[0] + "." + column[1] + ": " + value);
                            }
                        }
                    }
                }
            }
        }
        return hits;
    }

    /** Every document in the index, as JSON, searched for each value. */
    private List<String> indexHits(List<String> values) throws Exception {
        var response = elasticsearch.search(s -> s.index(alias).size(10_000).query(q -> q.matchAll(m -> m)), ObjectNode.class);
        assertTrue(response.hits().total().value() < 10_000, "the test index fits in one page");
        var hits = new ArrayList<String>();
        for (var hit : response.hits().hits()) {
            var json = hit.source().toString().toLowerCase(Locale.ROOT);
            values.stream().filter(v -> json.contains(v.toLowerCase(Locale.ROOT))).forEach(v -> hits.add(hit.id() + ": " + v));
        }
        return hits;
    }
}
