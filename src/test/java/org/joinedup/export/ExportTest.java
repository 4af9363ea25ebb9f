package org.joinedup.export;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hamcrest.Matchers;
import org.joinedup.Fixtures;
import org.joinedup.leader.ProfileAudience;
import org.joinedup.search.Audience;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The CSV export of a search (API and page) and of a list of leaders: rows, labels, visibility, the guard, no cap. */
@QuarkusTest
class ExportTest {

    private static final String API = "/api/search/export.csv";

    @Inject
    LeaderExport export;

    @BeforeAll
    static void actAsAdmin() {
        Fixtures.actAs("demo-admin");
    }

    @Test
    void prefixesEveryFormulaStartInEveryCellAndQuotesEveryCell() {
        assertEquals("\"'=1+1\",\"'+1\",\"'-1\",\"'@SUM(A1)\",\"'\t=1+1\",\"'\r=1+1\",\"plain\",\"\",\"a,b\",\"say \"\"hi\"\"\"\r\n",
                CsvLine.of(Arrays.asList("=1+1", "+1", "-1", "@SUM(A1)", "\t=1+1", "\r=1+1", "plain", null, "a,b", "say \"hi\"")));
    }

    @Test
    void oneRowPerMatchingRecordWithCodesLabelsOutcomesAndProvenance() throws IOException {
        var marker = "Exportrow" + System.nanoTime();
        var email = "export." + System.nanoTime() + "@example.org";
        var leader = Fixtures.leader("Ada " + marker);
        leader.put("contact", Map.of("email", email));
        leader.put("doingNow", "Quietly plotting " + marker + "x");
        long leaderId = Fixtures.createLeader(leader);
        var joined = Fixtures.record("Joined up teams " + marker);
        joined.put("outcomes", List.of(Map.of("metric", "non-elective-admissions", "description", "Emergency admissions of over-65s",
                "baseline", 100, "result", 92, "unit", "index", "period", "2014-2017", "source", "SUS, 2017 extract")));
        long joinedId = Fixtures.createRecord(leaderId, joined);
        var tricky = Fixtures.record("=SUM(A1) " + marker + ", the \"tricky\" one");
        tricky.put("services", List.of("acute", "mental-health"));
        var described = new HashMap<String, Object>();
        described.put("description", "+1 more nurse, \"named\"\nsecond line");
        tricky.put("outcomes", List.of(described));
        long trickyId = Fixtures.createRecord(leaderId, tricky);
        Fixtures.awaitIndexInStep(Duration.ofSeconds(30));

        var response = given().queryParam("q", marker).when().get(API).then().statusCode(200)
                .header("Content-Type", startsWith("text/csv")).header("Content-Type", Matchers.containsString("charset=UTF-8"))
                .header("Content-Disposition", startsWith("attachment")).extract();
        var csv = response.asString();
        var rows = parse(csv);
        assertEquals(Column.HEADER, header(csv));
        assertEquals(List.of(String.valueOf(joinedId), String.valueOf(trickyId)), rows.stream().map(r -> r.get("record id")).toList());

        var row = rows.get(0);
        assertEquals(String.valueOf(leaderId), row.get("id"));
        assertEquals("Ada " + marker, row.get("name"));
        assertEquals("E10000024", row.get("organisation code"));
        assertEquals("Nottinghamshire", row.get("home area"));
        assertEquals("gp; community-health; social-care", row.get("services"));
        assertEquals("GP and primary care; Community health services; Adult social care", row.get("service labels"));
        assertEquals("E10000024", row.get("areas"));
        assertEquals("Nottinghamshire", row.get("area names"));
        assertEquals("Midlands", row.get("area regions"));
        assertEquals("place", row.get("scope"));
        assertEquals("pioneer-2013", row.get("programme"));
        assertFalse(row.get("programme label").isBlank());
        assertEquals("integrated-teams; care-coordinators", row.get("approaches"));
        assertEquals("led", row.get("role"));
        assertEquals("Led", row.get("role label"));
        assertEquals("2014-04-01", row.get("period start"));
        assertEquals("published", row.get("state"));
        assertEquals("non-elective-admissions", row.get("outcome metrics"));
        assertEquals("Non-elective admissions", row.get("outcome metric labels"));
        assertEquals("lower-is-better", row.get("outcome directions"));
        assertEquals("100", row.get("outcome baselines"));
        assertEquals("92", row.get("outcome results"));
        assertEquals("yes", row.get("outcome improved"));
        assertEquals("SUS, 2017 extract", row.get("outcome sources"));
        assertTrue(row.get("reported").startsWith("reported by admin"), row.get("reported"));
        assertEquals("RK5; E54000060", row.get("partner organisations"));
        assertEquals("self-reported", row.get("verification"));
        assertEquals(LocalDate.now(ZoneId.of("Europe/London")).toString(), row.get("verification since"));
        assertTrue(row.get("profile").endsWith("/leaders/" + leaderId), row.get("profile"));

        // the formula guard on text from the record and its outcome; commas, quotes and a newline survive the round trip
        var guarded = rows.get(1);
        assertEquals("'=SUM(A1) " + marker + ", the \"tricky\" one", guarded.get("title"));
        assertEquals("'+1 more nurse, \"named\"\nsecond line", guarded.get("outcome descriptions"));
        assertEquals("", guarded.get("outcome directions"), "a described outcome has no metric and so no direction");
        assertTrue(csv.contains("\"'=SUM(A1) " + marker + ", the \"\"tricky\"\" one\""), csv);

        // never contact details or doing-now, even for an admin
        assertFalse(csv.contains(email), csv);
        assertFalse(csv.contains("Quietly plotting"), csv);

        // a record filter narrows the rows to the records that pass it
        var narrowed = parse(given().queryParam("q", marker).queryParam("service", "mental-health").when().get(API).then().statusCode(200)
                .extract().asString());
        assertEquals(List.of(String.valueOf(trickyId)), narrowed.stream().map(r -> r.get("record id")).toList());

        // the page's link gives the same file
        var page = given().queryParam("q", marker).when().get("/find/export.csv").then().statusCode(200)
                .header("Content-Disposition", startsWith("attachment")).extract().asString();
        assertEquals(csv, page);
    }

    @Test
    void hiddenLeadersNeverLeaveAndALeaderWithoutRecordsKeepsOneRow() throws IOException {
        var marker = "Exporthidden" + System.nanoTime();
        var hidden = Fixtures.leader("Hidden " + marker);
        hidden.put("visibility", "programme");
        long hiddenId = Fixtures.createLeader(hidden);
        Fixtures.createRecord(hiddenId, Fixtures.record("Hidden work " + marker));
        var registered = Fixtures.leader("Registered " + marker);
        registered.put("visibility", "registered");
        long registeredId = Fixtures.createLeader(registered);
        long publicId = Fixtures.createLeader(Fixtures.leader("Shown " + marker));
        Fixtures.awaitIndexInStep(Duration.ofSeconds(30));

        Fixtures.actAnonymously();
        String anonymous;
        try {
            anonymous = given().queryParam("q", marker).when().get(API).then().statusCode(200).extract().asString();
        } finally {
            Fixtures.actAs("demo-admin");
        }
        var commissioner = given().header("Authorization", Fixtures.bearer(Fixtures.token("demo-commissioner"))).queryParam("q", marker)
                .when().get(API).then().statusCode(200).extract().asString();
        var staff = given().header("Authorization", Fixtures.bearer(Fixtures.token("demo-programme"))).queryParam("q", marker)
                .when().get(API).then().statusCode(200).extract().asString();

        assertEquals(List.of(publicId), leaders(anonymous));
        assertEquals(List.of(publicId, registeredId).stream().sorted().toList(), leaders(commissioner).stream().sorted().toList());
        assertEquals(List.of(hiddenId, publicId, registeredId).stream().sorted().toList(), leaders(staff).stream().sorted().toList());
        assertFalse(anonymous.contains("Hidden work"));
        // the leader without records is one row, its record columns empty
        var shown = parse(anonymous).get(0);
        assertEquals("", shown.get("record id"));
        assertEquals("", shown.get("title"));
        assertEquals("Shown " + marker, shown.get("name"));

        // a list of leaders, as a shortlist exports it: in the order given, hidden ones and unknown ids left out
        var ids = List.of(registeredId, hiddenId, 999_999_999L, publicId, publicId);
        assertEquals(List.of(publicId), leaders(write(ids, new Audience(List.of("public"), null, ProfileAudience.PUBLIC))));
        assertEquals(List.of(registeredId, publicId), leaders(write(ids, new Audience(List.of("public", "registered"), null,
                ProfileAudience.REGISTERED))));
        // a leader always sees themself
        assertEquals(List.of(hiddenId, publicId), leaders(write(ids, new Audience(List.of("public"), hiddenId, ProfileAudience.PUBLIC))));
        assertEquals(List.of(registeredId, hiddenId, publicId), leaders(write(ids, Audience.EVERYONE)));
    }

    @Test
    void badParametersAreProblemsNamingThemBeforeAnythingIsWritten() {
        given().queryParam("service", "not-a-service").queryParam("within", "far").queryParam("nearArea", "E10000024").when().get(API)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItems("service", "within"))
                .body("violations.in", Matchers.everyItem(equalTo("query")));
        // the page's link answers as pages do: an error page, naming the parameter
        given().queryParam("verification", "gold").when().get("/find/export.csv").then().statusCode(400)
                .body(Matchers.containsString("verification"));
        // page and size do not narrow an export, so they cannot be out of range either
        given().queryParam("q", "Nobody" + System.nanoTime()).queryParam("page", "99999").queryParam("size", "5000").when().get(API)
                .then().statusCode(200);
    }

    @Test
    void moreThanAThousandRecordsLeaveWithoutACapAndALeaderWithHundredsOfMatchesKeepsThemAll() throws IOException {
        var p = "Exportbulk" + System.nanoTime();
        var file = new StringBuilder("leader_external_id,name,home_area,record_external_id,title,areas,services,scope,role,period_start\n");
        int expectedAll = 0;
        int expectedMental = 0;
        for (int l = 0; l < 201; l++) {
            int records = l == 0 ? 250 : 5;
            for (int r = 0; r < records; r++) {
                boolean mental = r % 2 == 0;
                file.append(p).append("-L").append(l).append(',').append(p).append(" Leader").append(l).append(",E10000024,")
                        .append(p).append("-L").append(l).append("-R").append(r).append(",Work ").append(r).append(" of ").append(p)
                        .append(",E10000024,").append(mental ? "gp;mental-health" : "gp;social-care").append(",place,led,2020-01-01\n");
                expectedAll++;
                expectedMental += mental ? 1 : 0;
            }
        }
        var started = given().contentType("text/csv").body(file.toString().getBytes(StandardCharsets.UTF_8)).when()
                .post("/api/admin/imports?fileName=export-bulk.csv").then().extract();
        assertEquals(202, started.statusCode(), started.asString());
        assertEquals("succeeded", Fixtures.awaitJob(started.header("Location"), Duration.ofMinutes(3)).getString("state"));
        Fixtures.awaitIndexInStep(Duration.ofMinutes(2));

        var all = parse(given().queryParam("q", p).when().get(API).then().statusCode(200).extract().asString());
        assertEquals(expectedAll, all.size());
        assertEquals(1250, expectedAll);
        assertEquals(201, all.stream().map(r -> r.get("id")).distinct().count());
        assertEquals(expectedAll, all.stream().map(r -> r.get("record id")).distinct().count(), "each record once");

        var mental = parse(given().queryParam("q", p).queryParam("service", "mental-health").when().get(API).then().statusCode(200)
                .extract().asString());
        assertEquals(expectedMental, mental.size());
        assertTrue(mental.stream().allMatch(r -> r.get("services").contains("mental-health")));
        // the first leader has 125 matching records, more than one request of inner hits carries
        assertEquals(125, mental.stream().filter(r -> r.get("name").equals(p + " Leader0")).count());
    }

    @Test
    void workLedTogetherIsARowUnderEachLeaderWhoLedItWithTheirOwnRole() throws IOException {
        var marker = "Exportcolead" + System.nanoTime();
        long owner = Fixtures.createLeader(Fixtures.leader("Owen Owner"));
        long coLeader = Fixtures.createLeader(Fixtures.leader("Cora Colead"));
        long shared = Fixtures.createRecord(owner, Fixtures.record("Hub led together " + marker));
        Fixtures.confirmCoLead(shared, coLeader, "co-led");
        Fixtures.awaitIndexInStep(Duration.ofSeconds(60));

        var rows = parse(given().queryParam("q", marker).when().get(API).then().statusCode(200).extract().asString());
        var byLeader = rows.stream().collect(Collectors.toMap(r -> Long.parseLong(r.get("id")), r -> r.get("record id") + " " + r.get("role")));
        assertEquals(Map.of(owner, shared + " led", coLeader, shared + " co-led"), byLeader);
    }

    private String write(List<Long> ids, Audience audience) throws IOException {
        var out = new ByteArrayOutputStream();
        export.leaders(ids, audience).write(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The leader ids of the rows, each once, in the order they come. */
    private static List<Long> leaders(String csv) throws IOException {
        return parse(csv).stream().map(r -> Long.parseLong(r.get("id"))).distinct().collect(Collectors.toList());
    }

    private static List<String> header(String csv) throws IOException {
        try (MappingIterator<List<String>> lines = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY)
                .readerFor(List.class).readValues(csv)) {
            return new ArrayList<>(lines.next());
        }
    }

    /** The rows as jackson-dataformat-csv reads them back, by header name. */
    static List<Map<String, String>> parse(String csv) throws IOException {
        try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerFor(Map.class).with(CsvSchema.emptySchema().withHeader())
                .readValues(csv)) {
            return rows.readAll();
        }
    }
}
