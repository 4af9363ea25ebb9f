package org.joinedup.integration;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.joinedup.integration.CorroborationFixtures.COUNCIL;
import static org.joinedup.integration.CorroborationFixtures.DERBY;
import static org.joinedup.integration.CorroborationFixtures.NOTTINGHAM;
import static org.joinedup.integration.CorroborationFixtures.SHERWOOD;
import static org.joinedup.integration.CorroborationFixtures.as;
import static org.joinedup.integration.CorroborationFixtures.asAdmin;
import static org.joinedup.integration.CorroborationFixtures.ask;
import static org.joinedup.integration.CorroborationFixtures.endorse;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hamcrest.MatcherAssert;
import org.hamcrest.Matchers;
import org.joinedup.Fixtures;
import org.joinedup.security.Roles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Corroboration is asked for, given by an account, and follows the record (docs/corroboration.md). */
@QuarkusTest
class CorroborationTest {

    @Inject
    AgroalDataSource db;

    long leaderId;
    String owner;
    long recordId;

    @BeforeEach
    void leaderWithRecord() {
        Fixtures.actAnonymously();
        leaderId = CorroborationFixtures.leader("Corroborated Leader");
        owner = CorroborationFixtures.account(db, null, null, null, Roles.LEADER, leaderId);
        recordId = CorroborationFixtures.record(owner, leaderId, "Joined-up discharge");
    }

    private static String today() {
        return LocalDate.now(ZoneId.of("Europe/London")).toString();
    }

    private String partner(String organisation) {
        return CorroborationFixtures.partner(db, organisation, "Ann Partner", "Director of Nursing");
    }

    private JsonPath record(String token) {
        var request = token == null ? given() : as(token);
        return request.when().get("/api/records/" + recordId).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aForgedEndorserIsRefusedByFieldAndNothingIsWritten() {
        ask(owner, recordId, SHERWOOD, 201);
        var sherwood = partner(SHERWOOD);
        for (var field : List.of("endorserName", "endorserOrganisation", "endorserRole")) {
            as(sherwood).body(Map.of("decision", "confirmed", field, "Chief Executive")).when().post("/api/records/" + recordId + "/endorsements")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("violations[0].field", equalTo(field))
                    .body("violations[0].message", containsString("the endorser is the signed-in account"));
        }
        as(sherwood).body(Map.of("decision", "maybe")).when().post("/api/records/" + recordId + "/endorsements")
                .then().statusCode(400).body("violations[0].field", equalTo("decision"));
        as(sherwood).body(Map.of("comment", "no decision")).when().post("/api/records/" + recordId + "/endorsements")
                .then().statusCode(400).body("violations[0].field", equalTo("decision"));
        assertEquals(List.of(), record(owner).getList("endorsements"));
        assertEquals("self-reported", record(owner).getString("verification"));
    }

    @Test
    void anEndorsementNeedsAnAccountOfAnAskedPartnerThatIsNotTheLeadersOwn() {
        given().contentType(ContentType.JSON).body(Map.of("decision", "confirmed")).when().post("/api/records/" + recordId + "/endorsements")
                .then().statusCode(401);
        endorse(partner(null), recordId, "confirmed").statusCode(403).body("type", endsWith("/corroboration/no-organisation"));
        endorse(partner(DERBY), recordId, "confirmed").statusCode(403).body("type", endsWith("/corroboration/not-a-partner"))
                .body("detail", containsString("not a partner"));
        // the leader's own organisation is not asked (its word is not a partner's), and if it answers anyway it is refused
        ask(owner, recordId, COUNCIL, 400);
        endorse(partner(COUNCIL), recordId, "confirmed").statusCode(403).body("type", endsWith("/corroboration/own-organisation"))
                .body("detail", containsString("not a partner's word"));
        endorse(partner(SHERWOOD), recordId, "confirmed").statusCode(409).body("type", endsWith("/corroboration/not-asked"));
        ask(owner, recordId, SHERWOOD, 201);
        CorroborationFixtures.leaderJoins(db, leaderId, SHERWOOD);
        endorse(owner, recordId, "confirmed").statusCode(403).body("type", endsWith("/corroboration/own-record"));
        assertEquals(List.of(), record(owner).getList("endorsements"));
    }

    @Test
    void askingNamesAPartnerAndAskingAgainMovesTheRequest() {
        as(owner).body(Map.of("organisation", DERBY)).when().post("/api/records/" + recordId + "/corroboration-requests")
                .then().statusCode(400).body("violations[0].field", equalTo("organisation"))
                .body("violations[0].allowed", hasItems(SHERWOOD, NOTTINGHAM, COUNCIL));
        as(Fixtures.token("demo-commissioner")).body(Map.of("organisation", SHERWOOD)).when()
                .post("/api/records/" + recordId + "/corroboration-requests").then().statusCode(403);
        ask(owner, recordId, SHERWOOD, 201);
        ask(Fixtures.token("demo-programme"), recordId, NOTTINGHAM, 201);
        ask(owner, recordId, SHERWOOD, 200);

        as(owner).when().get("/api/records/" + recordId + "/corroboration-requests").then().statusCode(200)
                .body("organisation.code", equalTo(List.of(NOTTINGHAM, SHERWOOD)));
        var sherwood = partner(SHERWOOD);
        as(sherwood).when().get("/api/records/" + recordId + "/corroboration-requests").then().statusCode(200)
                .body("organisation.code", equalTo(List.of(SHERWOOD))).body("[0].current", equalTo(true));
        as(partner(DERBY)).when().get("/api/records/" + recordId + "/corroboration-requests").then().statusCode(403);

        as(sherwood).when().get("/api/me/corroboration-requests?size=100").then().statusCode(200)
                .body("items.recordId", hasItem((int) recordId));
        endorse(sherwood, recordId, "confirmed").statusCode(201);
        as(sherwood).when().get("/api/me/corroboration-requests?size=100").then().statusCode(200)
                .body("items.recordId", not(hasItem((int) recordId)));
    }

    @Test
    void aConfirmationFromTheAccountEndorsesTheRecordWithItsSource() {
        ask(owner, recordId, SHERWOOD, 201);
        var sherwood = partner(SHERWOOD);
        endorse(sherwood, recordId, "confirmed").statusCode(201)
                .body("verification", equalTo("endorsed"))
                .body("endorsements[0].endorserName", equalTo("Ann Partner"))
                .body("endorsements[0].organisation.code", equalTo(SHERWOOD))
                .body("endorsements[0].status", equalTo("current"))
                .body("endorsements[0].source", equalTo("confirmed by Ann Partner (Director of Nursing) of Sherwood Forest Hospitals NHS Foundation Trust on "
                        + today() + " for revision 1"));
        var seen = record(null);
        assertEquals("endorsed", seen.getString("verification"));
        assertEquals("self-reported by the leader on " + today(), seen.getString("source"));
        assertEquals(seen.getString("endorsements[0].updatedAt"), seen.getString("verificationSince"));

        endorse(sherwood, recordId, "confirmed").statusCode(409).body("type", endsWith("/corroboration/already-given"));
        assertEquals(1, record(owner).getList("endorsements").size());
    }

    @Test
    void eightCopiesOfOneEndorsementAtOnceGiveOneSuccess() throws Exception {
        ask(owner, recordId, SHERWOOD, 201);
        var sherwood = partner(SHERWOOD);
        int copies = 8;
        var barrier = new CyclicBarrier(copies);
        var pool = Executors.newFixedThreadPool(copies);
        var statuses = new ArrayList<Integer>();
        try {
            var futures = new ArrayList<Future<Integer>>();
            for (int i = 0; i < copies; i++) {
                futures.add(pool.submit(() -> {
                    barrier.await();
                    return endorse(sherwood, recordId, "confirmed").extract().statusCode();
                }));
            }
            for (var f : futures) {
                statuses.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, Collections.frequency(statuses, 201), statuses.toString());
        assertEquals(copies - 1, Collections.frequency(statuses, 409), statuses.toString());
        assertEquals(1, record(owner).getList("endorsements").size());
    }

    @Test
    void aRejectionIsSeenByTheOwnerStaffAndItsGiverOnly() {
        ask(owner, recordId, NOTTINGHAM, 201);
        var nottingham = partner(NOTTINGHAM);
        endorse(nottingham, recordId, "rejected").statusCode(201).body("verification", equalTo("self-reported"))
                .body("endorsements[0].decision", equalTo("rejected"));
        assertEquals(List.of(), record(null).getList("endorsements"));
        assertEquals(List.of(), record(Fixtures.token("demo-commissioner")).getList("endorsements"));
        assertEquals(List.of(), record(partner(NOTTINGHAM)).getList("endorsements"));
        assertEquals(List.of("rejected"), record(owner).getList("endorsements.decision"));
        assertEquals(List.of("rejected"), record(Fixtures.token("demo-programme")).getList("endorsements.decision"));
        assertEquals(List.of("rejected"), record(nottingham).getList("endorsements.decision"));
        given().when().get("/api/leaders/" + leaderId + "/records").then().statusCode(200).body("items[0].endorsements", empty());
    }

    @Test
    void aMaterialEditDemotesTheRecordAndReconfirmingRestoresIt() {
        ask(owner, recordId, SHERWOOD, 201);
        var sherwood = partner(SHERWOOD);
        endorse(sherwood, recordId, "confirmed").statusCode(201);

        var edit = CorroborationFixtures.record("Joined-up discharge");
        edit.put("services", List.of("gp", "social-care"));
        edit.put("version", record(owner).getInt("version"));
        as(owner).body(edit).when().put("/api/records/" + recordId).then().statusCode(200)
                .body("revision", equalTo(2)).body("verification", equalTo("self-reported"))
                .body("corroboration", equalTo("changed since it was endorsed: ask again"))
                .body("endorsements[0].status", equalTo("earlier-version"));
        assertEquals(null, record(null).getString("corroboration"));
        assertEquals("self-reported", record(null).getString("verification"));

        endorse(sherwood, recordId, "confirmed").statusCode(200).body("verification", equalTo("endorsed"))
                .body("endorsements[0].recordRevision", equalTo(2))
                .body("endorsements[0].source", endsWith("for revision 2"));
        assertEquals(1, record(owner).getList("endorsements").size());
        record(owner);
        as(owner).when().get("/api/records/" + recordId).then().body("corroboration", nullValue());
    }

    private JsonPath search(String title, String minimum) {
        Fixtures.awaitIndexInStep(Duration.ofSeconds(60));
        var request = given().queryParam("q", "\"" + title + "\"").queryParam("size", 50);
        if (minimum != null) {
            request.queryParam("verification", minimum);
        }
        return request.when().get("/api/search/leaders").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void searchFollowsTheLevelAfterAMaterialEditAndAReconfirmation() {
        String title = "Searchable corroboration " + System.nanoTime();
        var edit = CorroborationFixtures.record(title);
        edit.put("version", record(owner).getInt("version"));
        as(owner).body(edit).when().put("/api/records/" + recordId).then().statusCode(200);
        ask(owner, recordId, SHERWOOD, 201);
        var sherwood = partner(SHERWOOD);
        endorse(sherwood, recordId, "confirmed").statusCode(201);
        var found = search(title, "endorsed");
        assertEquals(List.of(leaderId), found.getList("hits.leader.id", Long.class));
        assertEquals("endorsed", found.getString("hits[0].matchedRecords[0].verification"));
        assertEquals(record(null).getString("verificationSince"), found.getString("hits[0].matchedRecords[0].verificationSince"));

        edit = CorroborationFixtures.record(title);
        edit.put("approaches", List.of("integrated-teams"));
        edit.put("version", record(owner).getInt("version"));
        as(owner).body(edit).when().put("/api/records/" + recordId).then().statusCode(200).body("verification", equalTo("self-reported"));
        assertEquals(List.of(), search(title, "endorsed").getList("hits"));
        assertEquals("self-reported", search(title, null).getString("hits[0].matchedRecords[0].verification"));

        endorse(sherwood, recordId, "confirmed").statusCode(200);
        assertEquals(List.of(leaderId), search(title, "endorsed").getList("hits.leader.id", Long.class));
    }

    @Test
    void aWordingEditKeepsTheLevelAndSaysSo() {
        ask(owner, recordId, SHERWOOD, 201);
        endorse(partner(SHERWOOD), recordId, "confirmed").statusCode(201);
        var edit = CorroborationFixtures.record("Joined-up discharge, retitled");
        edit.put("summary", "Reworded.");
        edit.put("version", record(owner).getInt("version"));
        as(owner).body(edit).when().put("/api/records/" + recordId).then().statusCode(200)
                .body("revision", equalTo(1)).body("verification", equalTo("endorsed"))
                .body("wordingEditedAt", not(nullValue()))
                .body("corroboration", equalTo("wording edited since it was endorsed"))
                .body("endorsements[0].status", equalTo("wording-edited-since"));
    }

    @Test
    void programmeStaffVerifyNamingTheirProgrammeOncePerRevision() {
        var staff = CorroborationFixtures.account(db, null, "Sam Verifier", "Programme lead", Roles.PROGRAMME, null);
        var verify = Map.of("programme", "pioneer-2013", "decision", "confirmed", "comment", "Checked the evaluation");
        as(Fixtures.token("demo-commissioner")).body(verify).when().post("/api/records/" + recordId + "/verifications").then().statusCode(403);
        as(staff).body(Map.of("programme", "no-such-programme", "decision", "confirmed")).when().post("/api/records/" + recordId + "/verifications")
                .then().statusCode(400).body("violations[0].field", equalTo("programme"));
        as(staff).body(Map.of("programme", "pioneer-2013", "decision", "confirmed", "endorserName", "Someone"))
                .when().post("/api/records/" + recordId + "/verifications").then().statusCode(400)
                .body("violations[0].field", equalTo("endorserName"));
        var label = as(staff).body(verify).when().post("/api/records/" + recordId + "/verifications").then().statusCode(201)
                .body("verification", equalTo("verified"))
                .body("endorsements[0].kind", equalTo("verification"))
                .extract().jsonPath().getString("endorsements[0].source");
        MatcherAssert.assertThat(label, Matchers.matchesPattern(
                "verified by .+ \\(Sam Verifier\\) on " + today() + " for revision 1"));
        as(staff).body(verify).when().post("/api/records/" + recordId + "/verifications").then().statusCode(409);

        var edit = CorroborationFixtures.record("Joined-up discharge");
        edit.put("periodEnd", "2018-03-31");
        edit.put("version", record(owner).getInt("version"));
        as(owner).body(edit).when().put("/api/records/" + recordId).then().statusCode(200)
                .body("verification", equalTo("self-reported")).body("corroboration", equalTo("changed since it was verified: ask again"));
        as(staff).body(verify).when().post("/api/records/" + recordId + "/verifications").then().statusCode(200)
                .body("verification", equalTo("verified"));
    }

    @Test
    void aRecordSaysWhoReportedIt() {
        var byAdmin = asAdmin().body(CorroborationFixtures.record("Reported for them")).when().post("/api/leaders/" + leaderId + "/records")
                .then().statusCode(201).extract().jsonPath();
        assertEquals("reported by admin demo-admin on behalf of the leader on " + today(), byAdmin.getString("source"));
        assertEquals(1, byAdmin.getInt("revision"));
        assertEquals("self-reported by the leader on " + today(), record(owner).getString("source"));
    }

    @Test
    void aRecordEditedIdenticallyKeepsItsRevisionAndWording() {
        var read = record(owner);
        var same = new HashMap<>(read.getMap(""));
        as(owner).body(same).when().put("/api/records/" + recordId).then().statusCode(200)
                .body("version", equalTo(read.getInt("version"))).body("revision", equalTo(1)).body("wordingEditedAt", nullValue());
    }
}
