package org.joinedup.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.joinedup.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The CSV export never hands a spreadsheet a cell it would run as a formula. */
@QuarkusTest
class CsvExportTest {

    @BeforeAll
    static void actAsAdmin() {
        Fixtures.actAs("demo-admin");
    }

    @Test
    void prefixesEveryFormulaStartInEveryCell() {
        var out = new StringBuilder();
        ResultsCsv.line(out, List.of("=1+1", "+1", "-1", "@SUM(A1)", "\t=1+1", "\r=1+1", "plain", ""));
        assertEquals("\"'=1+1\",\"'+1\",\"'-1\",\"'@SUM(A1)\",\"'\t=1+1\",\"'\r=1+1\",\"plain\",\"\"\r\n", out.toString());
    }

    @Test
    void exportedLeaderWithTabAndCarriageReturnFormulasIsDefused() {
        var marker = "Csvprobe" + System.nanoTime();
        var leader = Fixtures.leader(marker);
        leader.put("currentRole", "\t=HYPERLINK(\"http://evil.example\")");
        // an unlisted organisation is named by programme staff: its name reaches the export as written
        leader.put("organisation", Fixtures.organisation("=cmd|' /C calc'!A0 " + marker));
        Fixtures.createLeader(leader);
        Fixtures.awaitIndexInStep(Duration.ofSeconds(30));

        var csv = given().queryParam("q", marker).when().get("/find/export.csv").then().statusCode(200).extract().asString();

        assertTrue(csv.contains("\"'\t=HYPERLINK(\"\"http://evil.example\"\")\""), csv);
        assertTrue(csv.contains("\"'=cmd|' /C calc'!A0 " + marker + "\""), csv);
    }

    @Test
    void eachRowSaysWhichLevelHoldsAndSinceWhen() {
        var marker = "Csvlevel" + System.nanoTime();
        long leaderId = Fixtures.createLeader(Fixtures.leader(marker));
        Fixtures.createRecord(leaderId, Fixtures.record("Self-reported work " + marker));
        Fixtures.awaitIndexInStep(Duration.ofSeconds(30));

        var csv = given().queryParam("q", marker).when().get("/find/export.csv").then().statusCode(200).extract().asString();

        var lines = csv.split("\r\n");
        assertTrue(lines[0].contains("\"best verification\",\"best verification since\""), lines[0]);
        var row = List.of(lines).stream().filter(l -> l.contains(marker)).findFirst().orElseThrow(() -> new AssertionError(csv));
        // a record nobody corroborated is self-reported since it was logged: today
        assertTrue(row.contains("\"self-reported\",\"" + java.time.LocalDate.now(java.time.ZoneId.of("Europe/London")) + "\""), row);
    }
}
