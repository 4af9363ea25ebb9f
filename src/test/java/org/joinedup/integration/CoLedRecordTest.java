package org.joinedup.integration;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hamcrest.Matchers;
import org.joinedup.Fixtures;
import org.joinedup.Race;
import org.joinedup.mail.QueuedMail;
import org.joinedup.security.Roles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Work led together (docs/co-led-records.md): invitations, confirmation, what others see, search counts, refusals, erasure. */
@QuarkusTest
class CoLedRecordTest {

    private static final String PASSWORD = "a-test-password-long-enough";
    private static final Duration INDEX_WAIT = Duration.ofSeconds(60);
    private static final String AREA = "E10000024";

    @BeforeAll
    static void asAdmin() {
        Fixtures.actAs("demo-admin");
    }

    @Test
    void aRecordLedTogetherShowsOnEachProfileOnceConfirmedAndCountsOnceInItsArea() {
        var word = "coledflow" + System.nanoTime();
        long owner = leader("Ada Owner " + word);
        long second = leader("Ben Second " + word);
        long third = leader("Cy Third " + word);
        var ownerToken = leaderAccount(owner);
        var secondToken = leaderAccount(second);
        var thirdToken = leaderAccount(third);
        long shared = record(ownerToken, owner, "Shared discharge hub " + word);
        long own = record(secondToken, second, "Second's own hub " + word);

        invite(ownerToken, shared, second, "co-led").statusCode(201).body("confirmedAt", equalTo(null)).body("role", equalTo("co-led"));
        invite(ownerToken, shared, third, "contributed").statusCode(201);
        as(secondToken).when().get("/api/me/notifications").then().statusCode(200)
                .body(containsString("says you led a piece of work together"));

        // not shown before confirmation: not on the profile, not in the record's view, not in search
        assertEquals(List.of(own), profileRecordIds(second));
        as(Fixtures.token("demo-commissioner")).when().get("/api/records/" + shared).then().statusCode(200).body("ledWith.size()", equalTo(0));
        Fixtures.awaitIndexInStep(INDEX_WAIT);
        var before = regions(word);
        assertEquals(List.of(2L, 2L), countsOf(before, AREA));

        var waiting = as(secondToken).when().get("/api/me/co-leads").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(shared), waiting.getList("items.recordId", Long.class));
        assertEquals(List.of(owner), waiting.getList("items.ownerId", Long.class));

        as(secondToken).when().post("/api/me/co-leads/" + shared + "/confirm").then().statusCode(200).body("confirmedAt", not(equalTo(null)));
        as(secondToken).when().post("/api/me/co-leads/" + shared + "/confirm").then().statusCode(409);
        as(thirdToken).when().post("/api/me/co-leads/" + shared + "/confirm").then().statusCode(200);

        // on the co-leader's profile with their own role; the commissioner sees who led it together
        var profile = given().when().get("/api/leaders/" + third + "/records").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(shared), profile.getList("items.id", Long.class));
        assertEquals("contributed", profile.getString("items[0].role"));
        assertEquals(owner, profile.getLong("items[0].leaderId"));
        var seen = as(Fixtures.token("demo-commissioner")).when().get("/api/records/" + shared).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(second, third), seen.getList("ledWith.leaderId", Long.class));
        assertEquals(List.of("co-led", "contributed"), seen.getList("ledWith.role"));
        assertEquals("led", seen.getString("role"));
        var page = given().accept(ContentType.HTML).when().get("/leaders/" + third).then().statusCode(200).extract().asString();
        assertTrue(page.contains("Shared discharge hub " + word), "the co-led record is on the co-leader's profile page");
        assertTrue(page.contains("the leader who recorded it</a>") && page.contains(">Ben Second " + word + "</a> (Co-led)"), page);

        // three leaders, but the shared record once: two records in the area, as counted by hand
        Fixtures.awaitIndexInStep(INDEX_WAIT);
        var after = regions(word);
        assertEquals(List.of(3L, 2L), countsOf(after, AREA));
        var region = after.getString("councils.find { it.code == '" + AREA + "' }.regionCode");
        assertEquals(List.of(3L, 2L), countsOf(after, "regions", region));
        assertEquals(3L, after.getLong("leaders"));

        // search finds the co-leader by the shared work; facets count each leader once, with or without a record filter
        var hits = search(Map.of("q", word));
        assertEquals(3, hits.getInt("total"));
        assertEquals(List.of(shared), hits.getList("hits.find { it.leader.id == " + third + " }.matchedRecords.id", Long.class));
        assertEquals(3, facetCount(hits, "service", "gp"));
        assertEquals(3, facetCount(hits, "region", region));
        var filtered = search(Map.of("q", word, "service", "social-care", "approach", "integrated-teams"));
        assertEquals(3, filtered.getInt("total"));
        assertEquals(3, facetCount(filtered, "scope", "place"));
        assertEquals(3, facetCount(filtered, "programme", "pioneer-2013"));

        // a change to the record reaches every leader it touches
        var edit = given().when().get("/api/records/" + shared).then().extract().jsonPath();
        var body = Fixtures.record("Shared discharge hub renamed " + word);
        body.put("version", edit.getInt("version"));
        as(ownerToken).contentType(ContentType.JSON).body(body).when().put("/api/records/" + shared).then().statusCode(200);
        Fixtures.awaitIndexInStep(INDEX_WAIT);
        var renamed = search(Map.of("q", "renamed " + word));
        assertEquals(List.of("Shared discharge hub renamed " + word), renamed.getList("hits.find { it.leader.id == " + second + " }.matchedRecords.title"));

        // the co-leader leaves, the owner removes the other: the record is the owner's alone again
        as(secondToken).when().delete("/api/records/" + shared + "/co-leaders/" + second).then().statusCode(204);
        as(ownerToken).when().delete("/api/records/" + shared + "/co-leaders/" + third).then().statusCode(204);
        as(ownerToken).when().delete("/api/records/" + shared + "/co-leaders/" + third).then().statusCode(404);
        assertEquals(List.of(), given().when().get("/api/leaders/" + third + "/records").then().extract().jsonPath().getList("items.id"));
        Fixtures.awaitIndexInStep(INDEX_WAIT);
        assertEquals(List.of(2L, 2L), countsOf(regions(word), AREA));
    }

    @Test
    void aCoLeaderHiddenFromTheCallerIsLeftOutOfLedWithInOneRecordAndInAList() {
        long owner = leader("Gil Owner");
        long open = leader("Hal Open");
        long hidden = leader("Ida Hidden");
        long shared = Fixtures.createRecord(owner, Fixtures.record("Work led by three"));
        Fixtures.confirmCoLead(shared, open, "co-led");
        Fixtures.confirmCoLead(shared, hidden, "contributed");
        Map<String, Object> toProgramme = new HashMap<>(given().when().get("/api/leaders/" + hidden).then().statusCode(200).extract()
                .jsonPath().getMap(""));
        toProgramme.put("visibility", "programme");
        given().contentType(ContentType.JSON).body(toProgramme).when().put("/api/leaders/" + hidden).then().statusCode(200);

        var commissioner = as(Fixtures.token("demo-commissioner"));
        commissioner.when().get("/api/records/" + shared).then().statusCode(200).body("ledWith.leaderId", equalTo(List.of((int) open)));
        as(Fixtures.token("demo-commissioner")).when().get("/api/leaders/" + owner + "/records").then().statusCode(200)
                .body("items.find { it.id == " + shared + " }.ledWith.name", equalTo(List.of("Hal Open")));
        as(Fixtures.token("demo-programme")).when().get("/api/records/" + shared).then().statusCode(200)
                .body("ledWith.leaderId", equalTo(List.of((int) open, (int) hidden)))
                .body("ledWith.role", equalTo(List.of("co-led", "contributed")));
    }

    @Test
    void aDeclinedInvitationGoesAndTheRecordNeverShows() {
        long owner = leader("Dee Owner");
        long invitee = leader("Eve Invitee");
        var ownerToken = leaderAccount(owner);
        var inviteeToken = leaderAccount(invitee);
        long shared = record(ownerToken, owner, "Declined hub");
        invite(ownerToken, shared, invitee, "co-led").statusCode(201);
        as(inviteeToken).when().post("/api/me/co-leads/" + shared + "/decline").then().statusCode(204);
        as(inviteeToken).when().post("/api/me/co-leads/" + shared + "/decline").then().statusCode(404);
        as(inviteeToken).when().get("/api/me/co-leads").then().statusCode(200).body("total", equalTo(0));
        as(ownerToken).when().get("/api/records/" + shared + "/co-leaders").then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void aPersonNotInTheRegistryBecomesALeaderAndIsInvited() {
        long owner = leader("Fay Owner");
        var ownerToken = leaderAccount(owner);
        long shared = record(ownerToken, owner, "Invited hub");
        var email = "co-lead-" + System.nanoTime() + "@example.org";
        long invited = as(ownerToken).contentType(ContentType.JSON).body(Map.of("name", "Gus Newcomer", "email", email, "role", "co-led"))
                .when().post("/api/records/" + shared + "/co-leaders").then().statusCode(201).body("name", equalTo("Gus Newcomer"))
                .extract().jsonPath().getLong("leaderId");
        given().when().get("/api/leaders/" + invited).then().statusCode(200).body("homeArea.code", equalTo(AREA));
        as(ownerToken).when().get("/api/records/" + shared + "/co-leaders").then().statusCode(200)
                .body("leaderId", equalTo(List.of((int) invited)));
        // a person needs both name and mail address, and cannot be given with a leader too
        as(ownerToken).contentType(ContentType.JSON).body(Map.of("name", "Half Given", "role", "co-led"))
                .when().post("/api/records/" + shared + "/co-leaders").then().statusCode(400).body("violations.field", hasItem("email"));
        as(ownerToken).contentType(ContentType.JSON).body(Map.of("leaderId", invited, "name", "Both", "email", email, "role", "co-led"))
                .when().post("/api/records/" + shared + "/co-leaders").then().statusCode(400).body("violations.field", hasItem("leaderId"));
    }

    @Test
    void removingAPersonNamedByAddressRevokesTheirInvitation() {
        long owner = leader("Tad Owner");
        var ownerToken = leaderAccount(owner);
        long first = record(ownerToken, owner, "Typo hub");
        long second = record(ownerToken, owner, "Typo clinic");
        var typo = "co.typo-" + System.nanoTime() + "@example.org";
        long invited = as(ownerToken).contentType(ContentType.JSON).body(Map.of("name", "Co Typo", "email", typo, "role", "co-led"))
                .when().post("/api/records/" + first + "/co-leaders").then().statusCode(201).extract().jsonPath().getLong("leaderId");
        as(ownerToken).contentType(ContentType.JSON).body(Map.of("name", "Co Typo", "email", typo, "role", "co-led"))
                .when().post("/api/records/" + second + "/co-leaders").then().statusCode(201);
        var token = org.joinedup.account.AccountFixtures.linkToken(typo);
        // still named on the other record: the invitation stays
        as(ownerToken).when().delete("/api/records/" + first + "/co-leaders/" + invited).then().statusCode(204);
        assertEquals(1, org.joinedup.account.AccountFixtures.openLinksTo(typo));
        // the last naming removed, whoever reads the mistyped address cannot claim the profile
        as(ownerToken).when().delete("/api/records/" + second + "/co-leaders/" + invited).then().statusCode(204);
        given().contentType(ContentType.JSON).body(Map.of("token", token, "username", "co-typo-" + System.nanoTime(), "password", PASSWORD))
                .when().post("/api/invitations/claim").then().statusCode(410);
        assertEquals(0, org.joinedup.account.AccountFixtures.openLinksTo(typo));
    }

    @Test
    void aPersonsNameWithLineBreaksIsRefusedAndNobodyIsMailed() {
        long owner = leader("Hal Owner");
        var ownerToken = leaderAccount(owner);
        long shared = record(ownerToken, owner, "Line-break hub");
        var email = "co-lead-phished-" + System.nanoTime() + "@example.org";
        // the name is said in the invitation mailed to the address given, so it may not add lines of its own
        as(ownerToken).contentType(ContentType.JSON).body(Map.of("name", "Gus\r\n\r\nClick http://evil.example", "email", email, "role", "co-led"))
                .when().post("/api/records/" + shared + "/co-leaders").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("name"));
        as(ownerToken).when().get("/api/records/" + shared + "/co-leaders").then().statusCode(200).body("size()", equalTo(0));
        assertEquals(0, org.joinedup.mail.MailFixtures.countTo(email));
    }

    @Test
    void aPersonNamedAgainIsTheSameLeaderMailedOnceEvenEightTimesAtOnce() throws Exception {
        long owner = leader("Nia Owner");
        var ownerToken = leaderAccount(owner);
        long first = record(ownerToken, owner, "Named-again hub");
        long second = record(ownerToken, owner, "Named-again clinic");
        var email = "named-again-" + System.nanoTime() + "@example.org";
        var statuses = Race.sortedStatuses(8, i -> () -> as(ownerToken).contentType(ContentType.JSON)
                .body(Map.of("name", "Ola Newcomer", "email", email, "role", "co-led")).when().post("/api/records/" + first + "/co-leaders")
                .then().extract().statusCode());
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(7, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        long invited = as(ownerToken).when().get("/api/records/" + first + "/co-leaders").then().body("size()", equalTo(1))
                .extract().jsonPath().getLong("[0].leaderId");
        // the same address on another record, even in capitals, is the same person, and their link still works: no second mail
        as(ownerToken).contentType(ContentType.JSON).body(Map.of("name", "Ola N.", "email", email.toUpperCase(), "role", "co-led"))
                .when().post("/api/records/" + second + "/co-leaders").then().statusCode(201).body("leaderId", equalTo((int) invited));
        assertEquals(1, QueuedMail.to(email).size(), "invitations mailed to " + email);
    }

    @Test
    void aLeaderAddsAtMostTenPeopleNotInTheRegistryADay() {
        long owner = leader("Pip Owner");
        var ownerToken = leaderAccount(owner);
        long shared = record(ownerToken, owner, "Crowded hub");
        for (int i = 0; i < 10; i++) {
            as(ownerToken).contentType(ContentType.JSON).body(Map.of("name", "Newcomer " + i, "email", "crowd-" + i + "-" + System.nanoTime() + "@example.org",
                    "role", "co-led")).when().post("/api/records/" + shared + "/co-leaders").then().statusCode(201);
        }
        var eleventh = "crowd-11-" + System.nanoTime() + "@example.org";
        as(ownerToken).contentType(ContentType.JSON).body(Map.of("name", "One Too Many", "email", eleventh, "role", "co-led"))
                .when().post("/api/records/" + shared + "/co-leaders").then().statusCode(429).header("Retry-After", Matchers.notNullValue())
                .contentType("application/problem+json");
        assertEquals(0, QueuedMail.to(eleventh).size());
        as(ownerToken).when().get("/api/records/" + shared + "/co-leaders").then().body("size()", equalTo(10));
        // leaders of the registry are still named, and staff are not bounded
        invite(ownerToken, shared, leader("Quin Known"), "co-led").statusCode(201);
        given().contentType(ContentType.JSON).body(Map.of("name", "Staff Added", "email", eleventh, "role", "co-led"))
                .when().post("/api/records/" + shared + "/co-leaders").then().statusCode(201);
    }

    @Test
    void refusesTheOwnerAnUnknownRoleAHiddenLeaderAndSomeoneElsesRecord() {
        long owner = leader("Hal Owner");
        long other = leader("Ivy Other");
        var ownerToken = leaderAccount(owner);
        var otherToken = leaderAccount(other);
        long shared = record(ownerToken, owner, "Refusals hub");

        invite(ownerToken, shared, owner, "co-led").statusCode(400).body("violations.field", equalTo(List.of("leaderId")));
        invite(ownerToken, shared, other, "boss").statusCode(400).body("violations.field", equalTo(List.of("role")));
        var hidden = Fixtures.leader("Jo Hidden");
        hidden.put("visibility", "programme");
        long hiddenLeader = Fixtures.createLeader(hidden);
        invite(ownerToken, shared, hiddenLeader, "co-led").statusCode(404);
        invite(ownerToken, shared, 987_654_321L, "co-led").statusCode(404);
        // someone else's record, as for editing it: 403 when you may see it, 404 when you may not
        invite(otherToken, shared, other, "co-led").statusCode(403);
        as(otherToken).when().delete("/api/records/" + shared + "/co-leaders/" + owner).then().statusCode(404);
        var hiddenOwnerRecord = Fixtures.createRecord(hiddenLeader, Fixtures.record("Hidden owner's hub"));
        invite(otherToken, hiddenOwnerRecord, other, "co-led").statusCode(404);
        as(otherToken).when().get("/api/records/" + hiddenOwnerRecord + "/co-leaders").then().statusCode(404);
        // confirming an invitation you were not sent
        invite(ownerToken, shared, other, "co-led").statusCode(201);
        long stranger = leader("Kit Stranger");
        as(leaderAccount(stranger)).when().post("/api/me/co-leads/" + shared + "/confirm").then().statusCode(404);
        as(Fixtures.token("demo-commissioner")).when().get("/api/me/co-leads").then().statusCode(403);
        // the co-leader sees the waiting list; a commissioner sees only confirmed co-leaders
        as(otherToken).when().get("/api/records/" + shared + "/co-leaders").then().statusCode(200).body("size()", equalTo(1));
        as(Fixtures.token("demo-commissioner")).when().get("/api/records/" + shared + "/co-leaders").then().statusCode(200)
                .body("size()", equalTo(0));
    }

    @Test
    void invitingTwiceIsAConflictEvenEightTimesAtOnce() throws Exception {
        long owner = leader("Lou Owner");
        long invitee = leader("Max Invitee");
        var ownerToken = leaderAccount(owner);
        long shared = record(ownerToken, owner, "Raced hub");
        var statuses = Race.sortedStatuses(8, i -> () -> invite(ownerToken, shared, invitee, "co-led").extract().statusCode());
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(7, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        invite(ownerToken, shared, invitee, "co-led").statusCode(409);
        as(ownerToken).when().get("/api/records/" + shared + "/co-leaders").then().body("size()", equalTo(1));
    }

    @Test
    void erasingACoLeaderKeepsTheRecordAndErasingTheOwnerTakesItFromEveryProfile() {
        var word = "colederase" + System.nanoTime();
        long owner = leader("Ned Owner " + word);
        long first = leader("Ola First " + word);
        long second = leader("Pat Second " + word);
        var ownerToken = leaderAccount(owner);
        long shared = record(ownerToken, owner, "Erased hub " + word);
        for (long coLeader : List.of(first, second)) {
            invite(ownerToken, shared, coLeader, "co-led").statusCode(201);
            as(leaderAccount(coLeader)).when().post("/api/me/co-leads/" + shared + "/confirm").then().statusCode(200);
        }

        given().when().delete("/api/leaders/" + first).then().statusCode(204);
        as(ownerToken).when().get("/api/records/" + shared + "/co-leaders").then().statusCode(200).body("leaderId", equalTo(List.of((int) second)));
        given().when().get("/api/records/" + shared).then().statusCode(200).body("leaderId", equalTo((int) owner));

        Fixtures.awaitIndexInStep(INDEX_WAIT);
        assertEquals(2, search(Map.of("q", word)).getInt("total"));
        given().when().delete("/api/leaders/" + owner).then().statusCode(204);
        given().when().get("/api/records/" + shared).then().statusCode(404);
        assertEquals(List.of(), given().when().get("/api/leaders/" + second + "/records").then().statusCode(200).extract().jsonPath()
                .getList("items"));
        Fixtures.awaitIndexInStep(INDEX_WAIT);
        var after = search(Map.of("q", word));
        // the remaining co-leader's name still matches, but the record is gone from their document
        assertEquals(List.of(second), after.getList("hits.leader.id", Long.class));
        assertEquals(0, after.getInt("hits[0].leader.recordCount"));
    }

    @Test
    void theDemoDataHasTheNottinghamshireLeadershipTeamsWorkAsOneRecordLedTogether() {
        var found = search(Map.of("q", "Imran Siddiqui"));
        long imran = found.getLong("hits.find { it.leader.name == 'Imran Siddiqui' }.leader.id");
        var records = given().when().get("/api/leaders/" + imran + "/records").then().statusCode(200).extract().jsonPath();
        var stp = "items.find { it.title == 'Nottinghamshire STP: integrated teams based in communities' }";
        assertEquals("co-led", records.getString(stp + ".role"));
        assertEquals(List.of("Imran Siddiqui", "Joanne Pritchard"), records.getList(stp + ".ledWith.name"));
    }

    private static long leader(String name) {
        var leader = Fixtures.leader(name);
        return Fixtures.createLeader(leader);
    }

    private static String leaderAccount(long leaderId) {
        var username = "colead-" + leaderId + "-" + System.nanoTime();
        given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", PASSWORD, "roles", List.of(Roles.LEADER), "leaderId", leaderId))
                .when().post("/api/admin/accounts").then().statusCode(201);
        return Fixtures.token(username, PASSWORD);
    }

    private static RequestSpecification as(String token) {
        return given().header("Authorization", Fixtures.bearer(token));
    }

    private static long record(String token, long leaderId, String title) {
        return as(token).contentType(ContentType.JSON).body(Fixtures.record(title)).when().post("/api/leaders/" + leaderId + "/records")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static io.restassured.response.ValidatableResponse invite(String token, long recordId, long leaderId, String role) {
        return as(token).contentType(ContentType.JSON).body(Map.of("leaderId", leaderId, "role", role))
                .when().post("/api/records/" + recordId + "/co-leaders").then();
    }

    private static List<Long> profileRecordIds(long leaderId) {
        return given().when().get("/api/leaders/" + leaderId + "/records").then().statusCode(200).extract().jsonPath()
                .getList("items.id", Long.class);
    }

    private static JsonPath regions(String word) {
        return given().queryParam("q", word).when().get("/api/search/regions").then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath search(Map<String, String> params) {
        return given().queryParams(params).when().get("/api/search/leaders").then().statusCode(200).extract().jsonPath();
    }

    /** Leaders and records of a council in the overview. */
    private static List<Long> countsOf(JsonPath overview, String council) {
        return countsOf(overview, "councils", council);
    }

    private static List<Long> countsOf(JsonPath overview, String list, String code) {
        var entry = list + ".find { it.code == '" + code + "' }";
        return List.of(overview.getLong(entry + ".leaders"), overview.getLong(entry + ".records"));
    }

    private static int facetCount(JsonPath result, String facet, String code) {
        return result.getInt("facets." + facet + ".find { it.code == '" + code + "' }.leaders");
    }
}
