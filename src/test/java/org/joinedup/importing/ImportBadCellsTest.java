package org.joinedup.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.joinedup.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Cells a spreadsheet makes easily and a database must never see: numbers too large for their
 * column, exponents, impossible dates. Each is a problem naming its row and column, and the file
 * imports nothing, not even its good rows.
 */
@QuarkusTest
class ImportBadCellsTest {

    @BeforeAll
    static void asProgrammeStaff() {
        Fixtures.actAs("demo-programme");
    }

    /** One leader with one record; the named cells replaced. */
    private static String row(String leaderId, String recordId, Map<String, String> cells) {
        var values = new LinkedHashMap<String, String>();
        values.put("leader_external_id", leaderId);
        values.put("name", "Eve Badcell");
        values.put("current_role", "");
        values.put("organisation", "");
        values.put("home_area", "E10000024");
        values.put("visibility", "public");
        values.put("mentoring_willing", "yes");
        values.put("mentoring_capacity", "2");
        values.put("mentoring_formats", "");
        values.put("email", "");
        values.put("record_external_id", recordId);
        values.put("title", "Joined-up discharge");
        values.put("areas", "E10000024");
        values.put("services", "gp;acute");
        values.put("scope", "place");
        values.put("approaches", "");
        values.put("programme", "");
        values.put("role", "led");
        values.put("partner_organisations", "");
        values.put("period_start", "2019-04-01");
        values.put("period_end", "");
        values.put("outcome_metric", "delayed-transfers");
        values.put("outcome_baseline", "14");
        values.put("outcome_result", "9");
        values.put("evidence_urls", "");
        values.putAll(cells);
        return String.join(",", values.values()) + "\n";
    }

    @Test
    void hugeNumbersExponentsAndImpossibleDatesAreRowProblemsAndNothingIsWritten() {
        var p = UUID.randomUUID().toString().substring(0, 8);
        var bad = List.of(
                Map.of("mentoring_capacity", "99999999999999999999"), // past any whole number a column holds
                Map.of("mentoring_capacity", "2147483647"), // a whole number, far past the 20 allowed
                Map.of("outcome_baseline", "9999999999999"), // 13 digits: past the 10^12 figures may reach
                Map.of("outcome_result", "123456789012345678901234567890"), // 30 digits
                Map.of("outcome_result", "1e400"), // an exponent: no plain number
                Map.of("outcome_baseline", "NaN"),
                Map.of("period_start", "2019-02-30"), // no such day
                Map.of("period_start", "99999-01-01"),
                Map.of("title", "Joined-up \u0000discharge"), // the database cannot store it: found by the check, not half-way through
                Map.of("period_start", "1899-12-31")); // before any work the registry takes
        var csv = new StringBuilder(ImportResourceTest.HEADER);
        // a good row first: it must not be written either
        csv.append(row(p + "-good", p + "-good-R", Map.of()));
        for (int i = 0; i < bad.size(); i++) {
            csv.append(row(p + "-L" + i, p + "-R" + i, bad.get(i)));
        }
        var report = ImportResourceTest.post(csv.toString(), "dryRun=true&fileName=bad-cells.csv").jsonPath();
        assertEquals(false, report.getBoolean("valid"), report.prettify());
        List<Map<String, Object>> problems = report.getList("problems");
        for (int i = 0; i < bad.size(); i++) {
            var cell = bad.get(i).entrySet().iterator().next();
            int rowNumber = i + 3; // the header is row 1, the good row 2
            assertTrue(problems.stream().anyMatch(q -> Integer.valueOf(rowNumber).equals(q.get("row")) && cell.getKey().equals(q.get("column"))),
                    "row " + rowNumber + " (" + cell + ") has no problem in its column: " + problems);
        }
        assertTrue(problems.stream().noneMatch(q -> Integer.valueOf(2).equals(q.get("row"))), "the good row has no problem: " + problems);

        var refused = ImportResourceTest.post(csv.toString(), "fileName=bad-cells.csv");
        assertEquals(400, refused.statusCode(), refused.asString());
        assertTrue(refused.jsonPath().getList("violations.field").contains("row 3: mentoring_capacity"), refused.asString());

        // nothing was written: a dry run of the good row alone would still create its leader and record
        var good = ImportResourceTest.post(ImportResourceTest.HEADER + row(p + "-good", p + "-good-R", Map.of()), "dryRun=true").jsonPath();
        assertEquals(true, good.getBoolean("valid"), good.prettify());
        assertEquals(1, good.getInt("leaders.create"), good.prettify());
        assertEquals(1, good.getInt("records.create"), good.prettify());
    }
}
