package org.joinedup.importing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.joinedup.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The import's {@code sector} column: in the template, checked against the sectors vocabulary, written to the leader. */
@QuarkusTest
class ImportSectorTest {

    private static final String HEADER = "leader_external_id,name,home_area,sector,visibility\n";

    @BeforeAll
    static void asProgrammeStaff() {
        Fixtures.actAs("demo-programme");
    }

    @Test
    void theTemplateHasTheSectorColumnAndItsDryRunIsValid() {
        var template = given().when().get("/assets/import-template.csv").then().statusCode(200).extract().asString();
        var header = List.of(template.lines().findFirst().orElseThrow().split(","));
        assertEquals(header.indexOf("home_area") + 1, header.indexOf("sector"), "sector follows home_area: " + header);
        var report = ImportResourceTest.post(template, "dryRun=true&fileName=import-template.csv").jsonPath();
        assertEquals(true, report.getBoolean("valid"), report.prettify());
    }

    @Test
    void anUnknownSectorIsAProblemNamingRowAndColumnAndNothingIsWritten() {
        var p = UUID.randomUUID().toString().substring(0, 8);
        var csv = HEADER + p + "-L1,Gus Sector,E10000024,nhs,public\n" + p + "-L2,Hal Sector,E10000024,hospitals,public\n";
        var report = ImportResourceTest.post(csv, "dryRun=true&fileName=sector.csv").jsonPath();
        assertEquals(false, report.getBoolean("valid"), report.prettify());
        List<Map<String, Object>> problems = report.getList("problems");
        assertEquals(1, problems.size(), problems.toString());
        assertEquals(3, problems.get(0).get("row"));
        assertEquals("sector", problems.get(0).get("column"));
        assertEquals("hospitals", problems.get(0).get("value"));
        assertTrue(((List<?>) problems.get(0).get("allowed")).contains("local-government"), problems.toString());
        var refused = ImportResourceTest.post(csv, "fileName=sector.csv");
        assertEquals(400, refused.statusCode(), refused.asString());
        assertTrue(refused.jsonPath().getList("violations.field").contains("row 3: sector"), refused.asString());
    }

    @Test
    void aCodeOrALabelIsWrittenAsTheCode() {
        var p = UUID.randomUUID().toString().substring(0, 8);
        var csv = HEADER + p + "-L1,Ivy Sector " + p + ",E10000024,nhs,public\n" + p + "-L2,Jon Sector " + p + ",E10000024,Local government,public\n"
                + p + "-L3,Kit Sector " + p + ",E10000024,,public\n";
        var job = ImportResourceTest.importAndWait(csv, "sectors.csv");
        assertEquals("succeeded", job.getString("state"), job.prettify());
        Fixtures.awaitIndexInStep(java.time.Duration.ofSeconds(60));
        var found = given().queryParam("q", p).queryParam("size", 10).when().get("/api/search/leaders").then().statusCode(200).extract().jsonPath();
        assertEquals(3, found.getInt("total"), found.prettify());
        for (var id : found.getList("hits.leader.id", Long.class)) {
            var leader = given().when().get("/api/leaders/" + id).then().statusCode(200).extract().jsonPath();
            var name = leader.getString("name");
            var expected = name.startsWith("Ivy") ? "nhs" : name.startsWith("Jon") ? "local-government" : null;
            assertEquals(expected, leader.getString("sector"), leader.getString("name"));
        }
    }
}
