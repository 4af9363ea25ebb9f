package org.joinedup.integration;

import static io.restassured.RestAssured.given;

import io.agroal.api.AgroalDataSource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.joinedup.Fixtures;
import org.joinedup.security.Roles;

/**
 * A leader of Nottinghamshire County Council with a record whose partners are Sherwood Forest
 * Hospitals (RK5), Nottingham University Hospitals (RX1) and the council itself, and accounts
 * belonging to organisations. An account's organisation, name and job title are set with SQL
 * until the accounts API sets them (engineer C).
 */
final class CorroborationFixtures {

    static final String PASSWORD = "a-test-password-long-enough";
    static final String COUNCIL = "E10000024";
    static final String SHERWOOD = "RK5";
    static final String NOTTINGHAM = "RX1";
    static final String DERBY = "RTG";

    private CorroborationFixtures() {
    }

    static RequestSpecification as(String token) {
        return given().header("Authorization", Fixtures.bearer(token)).contentType(ContentType.JSON);
    }

    static RequestSpecification asAdmin() {
        return as(Fixtures.token("demo-admin"));
    }

    static long leader(String name) {
        var leader = Fixtures.leader(name);
        leader.put("organisation", COUNCIL);
        return asAdmin().body(leader).when().post("/api/leaders").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static Map<String, Object> record(String title) {
        var record = new HashMap<>(Fixtures.record(title));
        record.put("partnerOrganisations", List.of(SHERWOOD, NOTTINGHAM, COUNCIL));
        return record;
    }

    /** A record made by the leader's own account (so its source is the leader). */
    static long record(String ownerToken, long leaderId, String title) {
        return as(ownerToken).body(record(title)).when().post("/api/leaders/" + leaderId + "/records")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** An account signed in; returns its token. */
    static String account(AgroalDataSource db, String organisation, String fullName, String jobTitle, String role, Long leaderId) {
        var username = "acct-" + System.nanoTime();
        var body = new HashMap<String, Object>(Map.of("username", username, "password", PASSWORD, "roles", List.of(role)));
        if (leaderId != null) {
            body.put("leaderId", leaderId);
        }
        asAdmin().body(body).when().post("/api/admin/accounts").then().statusCode(201);
        try (var connection = db.getConnection();
                var update = connection.prepareStatement("update account set organisation_code = ?, full_name = ?, job_title = ? where username = ?")) {
            update.setString(1, organisation);
            update.setString(2, fullName);
            update.setString(3, jobTitle);
            update.setString(4, username);
            if (update.executeUpdate() != 1) {
                throw new IllegalStateException("no account " + username);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return Fixtures.token(username, PASSWORD);
    }

    /** The leader's own account now belongs to this organisation too. */
    static void leaderJoins(AgroalDataSource db, long leaderId, String organisation) {
        try (var connection = db.getConnection();
                var update = connection.prepareStatement("update account set organisation_code = ? where leader_id = ?")) {
            update.setString(1, organisation);
            update.setLong(2, leaderId);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static String partner(AgroalDataSource db, String organisation, String fullName, String jobTitle) {
        return account(db, organisation, fullName, jobTitle, Roles.COMMISSIONER, null);
    }

    static void ask(String token, long recordId, String organisation, int status) {
        as(token).body(Map.of("organisation", organisation)).when().post("/api/records/" + recordId + "/corroboration-requests")
                .then().log().ifValidationFails().statusCode(status);
    }

    static ValidatableResponse endorse(String token, long recordId, String decision) {
        return as(token).body(Map.of("decision", decision, "comment", "We ran it together")).when().post("/api/records/" + recordId + "/endorsements")
                .then().log().ifValidationFails();
    }
}
