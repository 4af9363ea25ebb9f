package org.joinedup.importing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.joinedup.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * New leaders and records are written as batched plain inserts (NewRowsWriter), not through
 * Hibernate: what they write must be what the services would have written. Read back through the
 * API, the audit trail and search.
 */
@QuarkusTest
class ImportWritesTest {

    @BeforeAll
    static void asProgrammeStaff() {
        Fixtures.actAs("demo-programme");
    }

    private static JsonPath audit(String type, long id) {
        return given().header("Authorization", Fixtures.bearer(Fixtures.token("demo-admin")))
                .when().get("/api/admin/audit?entityType=" + type + "&entityId=" + id).then().statusCode(200).extract().jsonPath();
    }

    private static String row(String p, String role, String recordId, String title) {
        return p + "-L1,Flo Batchwriter " + p + "," + role + ",RK5,Nottinghamshire,public,yes,3,calls,flo-" + p + "@example.org,"
                + recordId + "," + title + ",E10000024;E06000018,gp;social-care,place,integrated-teams,bcf,led,RK5;E10000024,2019-04-01,2022-03-31,"
                + "delayed-transfers;length-of-stay,14.2;7,-3.5;6,https://example.org/eval;https://example.org/data\n";
    }

    @Test
    void newRowsReadBackAsTheServicesWriteThemAreAuditedAndSearchableAndANewRecordOfAKnownLeaderIsAdded() {
        var p = UUID.randomUUID().toString().substring(0, 8);
        // a leader made through the API between imports: its id comes from the same sequence as the imported ones
        long before = Fixtures.createLeader(Fixtures.leader("Made Between " + p));
        var first = ImportResourceTest.importAndWait(ImportResourceTest.HEADER + row(p, "Director", p + "-R1", "Shared care records " + p),
                "writes-" + p + ".csv");
        assertEquals("succeeded", first.getString("state"), first.prettify());
        assertEquals(Map.of("create", 1, "update", 0, "unchanged", 0, "keptByLeader", 0), first.getMap("result.leaders"));
        long leader = ImportResourceTest.leaderNamed("Flo Batchwriter " + p);
        assertTrue(leader != before, "a new id");

        var view = given().when().get("/api/leaders/" + leader).then().statusCode(200).extract().jsonPath();
        assertEquals("Director", view.getString("currentRole"));
        assertEquals("E10000024", view.getString("homeArea.code"));
        assertEquals("public", view.getString("visibility"));
        assertEquals(true, view.getBoolean("mentoring.willing"));
        assertEquals(3, view.getInt("mentoring.capacity"));
        assertEquals(List.of("calls"), view.getList("mentoring.formats"));
        var recordList = given().when().get("/api/leaders/" + leader + "/records").then().statusCode(200).extract().jsonPath();
        long recordId = recordList.getLong("items[0].id");
        var record = given().when().get("/api/records/" + recordId).then().statusCode(200).extract().jsonPath();
        assertEquals("Shared care records " + p, record.getString("title"));
        assertEquals(List.of("E10000024", "E06000018"), record.getList("areas.code"), "areas in file order");
        assertEquals(List.of("gp", "social-care"), record.getList("services"));
        assertEquals(List.of("RK5", "E10000024"), record.getList("partnerOrganisations.code"), "partners in file order");
        assertEquals(List.of("delayed-transfers", "length-of-stay"), record.getList("outcomes.metric"));
        assertEquals(-3.5, record.getDouble("outcomes[0].result"), 0.0001);
        assertEquals(6.0, record.getDouble("outcomes[1].result"), 0.0001);
        assertEquals(List.of("https://example.org/eval", "https://example.org/data"), record.getList("evidence.url"));
        assertEquals("self-reported", record.getString("verification"));
        assertTrue(record.prettify().contains("writes-" + p + ".csv"), "the record names its list: " + record.prettify());

        // one audit entry each, as the import's actor, holding what the API shows
        var leaderAudit = audit("leader", leader);
        assertEquals(1, leaderAudit.getList("items").size(), leaderAudit.prettify());
        assertEquals("demo-programme (imported from writes-" + p + ".csv)", leaderAudit.getString("items[0].actor"));
        assertEquals("create", leaderAudit.getString("items[0].action"));
        assertEquals("Flo Batchwriter " + p, leaderAudit.getString("items[0].after.name"));
        var recordAudit = audit("record", recordId);
        assertEquals(1, recordAudit.getList("items").size(), recordAudit.prettify());
        assertEquals("demo-programme (imported from writes-" + p + ".csv)", recordAudit.getString("items[0].actor"));
        assertEquals(record.getString("title"), recordAudit.getString("items[0].after.title"));
        assertEquals(record.getList("areas.code"), recordAudit.getList("items[0].after.areas.code"));

        // search catches up through the outbox
        Fixtures.awaitIndexInStep(Duration.ofSeconds(60));
        assertTrue(given().queryParam("q", "Batchwriter " + p).when().get("/api/search/leaders").then().statusCode(200).extract().asString()
                .contains("\"id\":" + leader), "the imported leader is found");

        // the same file again changes nothing: no new record, no audit entry, not even the leader's version
        int version = view.getInt("version");
        var again = ImportResourceTest.importAndWait(ImportResourceTest.HEADER + row(p, "Director", p + "-R1", "Shared care records " + p),
                "writes-" + p + ".csv");
        assertEquals(Map.of("create", 0, "update", 0, "unchanged", 1, "keptByLeader", 0), again.getMap("result.leaders"));
        assertEquals(Map.of("create", 0, "update", 0, "unchanged", 1, "keptByLeader", 0), again.getMap("result.records"));
        assertEquals(1, audit("leader", leader).getList("items").size());
        assertEquals(1, audit("record", recordId).getList("items").size());
        assertEquals(version, given().when().get("/api/leaders/" + leader).then().extract().jsonPath().getInt("version"));

        // a later file: the leader changed (through the service), a second record for them (a plain insert)
        var second = ImportResourceTest.importAndWait(ImportResourceTest.HEADER + row(p, "Chief executive", p + "-R1", "Shared care records " + p)
                + row(p, "Chief executive", p + "-R2", "Virtual wards " + p), "writes-2-" + p + ".csv");
        assertEquals("succeeded", second.getString("state"), second.prettify());
        assertEquals(Map.of("create", 0, "update", 1, "unchanged", 0, "keptByLeader", 0), second.getMap("result.leaders"));
        assertEquals(Map.of("create", 1, "update", 0, "unchanged", 1, "keptByLeader", 0), second.getMap("result.records"));
        assertEquals(2, given().when().get("/api/leaders/" + leader + "/records").then().extract().jsonPath().getList("items").size());
        assertEquals("Chief executive", given().when().get("/api/leaders/" + leader).then().extract().jsonPath().getString("currentRole"));
        Fixtures.awaitIndexInStep(Duration.ofSeconds(60));
        assertTrue(given().queryParam("q", "Virtual wards " + p).when().get("/api/search/leaders").then().statusCode(200).extract().asString()
                .contains("\"id\":" + leader), "the new record is searchable");
    }
}
