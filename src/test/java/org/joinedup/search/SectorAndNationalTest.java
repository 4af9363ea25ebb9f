package org.joinedup.search;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.joinedup.Fixtures.awaitIndexInStep;
import static org.joinedup.Fixtures.createLeader;
import static org.joinedup.Fixtures.createRecord;
import static org.joinedup.Fixtures.leader;
import static org.joinedup.Fixtures.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.joinedup.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A leader's sector (profile field, filter, facet) and national work (records covering England as a
 * whole, E92000001). The leaders made here all carry one made-up word in their record titles, so the
 * word narrows every search to them and the counts can be recounted by hand:
 * <ul>
 * <li>local: local-government, a record in Nottinghamshire (Midlands);</li>
 * <li>nhs: nhs, a record in Nottinghamshire;</li>
 * <li>national: central-government, one record covering England only;</li>
 * <li>both: no sector, one record covering England and Westminster (London);</li>
 * <li>hidden: central-government, visibility programme, a national record: anonymous callers never see or count it.</li>
 * </ul>
 */
@QuarkusTest
class SectorAndNationalTest {

    private static final String WORD = "Zebrinwick";
    private static final String ENGLAND = "E92000001";
    private static final String NOTTINGHAMSHIRE = "E10000024";
    private static final String WESTMINSTER = "E09000033";
    private static final String MIDLANDS = "E40000011";
    private static final String LONDON = "E40000003";

    private static long local;
    private static long nhs;
    private static long national;
    private static long both;
    private static long hidden;

    @BeforeEach
    void leaders() {
        Fixtures.actAs("demo-admin");
        if (local != 0) {
            return;
        }
        local = leaderWith("Local Zebrin", "local-government", "public", List.of(NOTTINGHAMSHIRE));
        nhs = leaderWith("Trust Zebrin", "nhs", "public", List.of(NOTTINGHAMSHIRE));
        national = leaderWith("Whitehall Zebrin", "central-government", "public", List.of(ENGLAND));
        both = leaderWith("Both Zebrin", null, "public", List.of(ENGLAND, WESTMINSTER));
        hidden = leaderWith("Hidden Zebrin", "central-government", "programme", List.of(ENGLAND));
        awaitIndexInStep(Duration.ofSeconds(60));
    }

    private static long leaderWith(String name, String sector, String visibility, List<String> areas) {
        var leader = leader(name);
        leader.put("sector", sector);
        leader.put("visibility", visibility);
        long id = createLeader(leader);
        var record = record(WORD + " programme of integration");
        record.put("areas", areas.stream().map(code -> Map.of("code", code)).toList());
        createRecord(id, record);
        return id;
    }

    private static JsonPath search(Map<String, ?> params) {
        return given().queryParam("q", WORD).queryParams(params).when().get("/api/search/leaders").then().statusCode(200).extract().jsonPath();
    }

    private static List<Long> found(JsonPath result) {
        return result.getList("hits.leader.id", Long.class);
    }

    private static Map<String, Integer> counts(JsonPath result, String facet) {
        var counts = new HashMap<String, Integer>();
        for (Map<?, ?> bucket : result.getList("facets." + facet, Map.class)) {
            counts.put((String) bucket.get("code"), ((Number) bucket.get("leaders")).intValue());
        }
        return counts;
    }

    // --- the sector on the leader API

    @Test
    void sectorRoundTripsThroughCreateGetAndPutWithTheETag() {
        var created = leader("Sector Roundtrip");
        created.put("sector", "voluntary-community");
        long id = createLeader(created);
        var read = given().when().get("/api/leaders/" + id).then().statusCode(200).body("sector", equalTo("voluntary-community")).extract();
        var etag = read.header("ETag");
        Map<String, Object> body = read.jsonPath().getMap("");
        body.put("sector", "academic");
        given().contentType(ContentType.JSON).header("If-Match", etag).body(body)
                .when().put("/api/leaders/" + id)
                .then().statusCode(200).body("sector", equalTo("academic"));
        given().when().get("/api/leaders/" + id).then().statusCode(200).body("sector", equalTo("academic"));
        // the same stale ETag again: refused, and the sector stays
        body.put("sector", "nhs");
        given().contentType(ContentType.JSON).header("If-Match", etag).body(body)
                .when().put("/api/leaders/" + id)
                .then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(409), equalTo(412)));
        given().when().get("/api/leaders/" + id).then().statusCode(200).body("sector", equalTo("academic"));
    }

    @Test
    void aLeaderWithoutASectorHasNone() {
        long id = createLeader(leader("No Sector"));
        given().when().get("/api/leaders/" + id).then().statusCode(200).body("sector", nullValue());
    }

    @Test
    void anUnknownSectorIsA400NamingSectorAndNothingIsWritten() {
        var bad = leader("Bad Sector " + System.nanoTime());
        bad.put("sector", "pharma");
        given().contentType(ContentType.JSON).body(bad)
                .when().post("/api/leaders")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("sector"))
                .body("violations.find { it.field == 'sector' }.allowed", hasItem("local-government"));
        var onUpdate = given().when().get("/api/leaders/" + local).then().statusCode(200).extract();
        Map<String, Object> body = onUpdate.jsonPath().getMap("");
        body.put("sector", "NHS"); // a label is not a code
        given().contentType(ContentType.JSON).header("If-Match", onUpdate.header("ETag")).body(body)
                .when().put("/api/leaders/" + local)
                .then().statusCode(400).body("violations[0].field", equalTo("sector"));
        given().when().get("/api/leaders/" + local).then().body("sector", equalTo("local-government"));
    }

    @Test
    void aLeadersHomeCannotBeEnglandAsAWhole() {
        var leader = leader("Home In England");
        leader.put("homeArea", ENGLAND);
        given().contentType(ContentType.JSON).body(leader).when().post("/api/leaders")
                .then().statusCode(400).body("violations[0].field", equalTo("homeArea"));
    }

    // --- the sector filter and facet

    @Test
    void sectorFilterFindsTheLeadersOfThoseSectorsRepeatable() {
        Fixtures.actAnonymously();
        assertEquals(List.of(local), found(search(Map.of("sector", "local-government"))));
        var either = found(search(Map.of("sector", List.of("local-government", "central-government"))));
        assertEquals(2, either.size(), "local and national, never the hidden one: " + either);
        assertTrue(either.containsAll(List.of(local, national)));
    }

    @Test
    void sectorFacetCountsLeadersUnderTheOtherFiltersAndTheAudience() {
        Fixtures.actAnonymously();
        var all = counts(search(Map.of()), "sector");
        // recounted: local-government 1 (local), nhs 1 (nhs), central-government 1 (national; hidden is not seen); both has none
        assertEquals(Map.of("local-government", 1, "nhs", 1, "central-government", 1), all);
        var midlands = counts(search(Map.of("region", MIDLANDS)), "sector");
        assertEquals(Map.of("local-government", 1, "nhs", 1), midlands);
        Fixtures.actAs("demo-admin");
        assertEquals(2, counts(search(Map.of()), "sector").get("central-government"), "an admin sees the hidden leader too");
    }

    @Test
    void anUnknownSectorFilterIsA400() {
        given().queryParam("sector", "pharma").when().get("/api/search/leaders")
                .then().statusCode(400).body("violations[0].field", equalTo("sector"));
    }

    // --- national records

    @Test
    void aNationalRecordShowsEnglandWithNoRegion() {
        var records = given().when().get("/api/leaders/" + national + "/records").then().statusCode(200).extract().jsonPath();
        var area = records.getMap("items[0].areas[0]");
        assertEquals(ENGLAND, area.get("code"));
        assertEquals("national", area.get("type"));
        assertEquals(null, area.get("region"));
    }

    @Test
    void aRegionIsNotAValidRecordAreaButEnglandIs() {
        var record = record("Regional " + WORD);
        record.put("areas", List.of(Map.of("code", MIDLANDS)));
        given().contentType(ContentType.JSON).body(record).when().post("/api/leaders/" + local + "/records")
                .then().statusCode(400).body("violations[0].field", equalTo("areas[0].code"))
                .body("violations[0].message", containsString(ENGLAND));
    }

    @Test
    void aRegionSearchDoesNotFindNationalOnlyWorkButANationalSearchDoes() {
        Fixtures.actAnonymously();
        var midlands = found(search(Map.of("region", MIDLANDS)));
        assertEquals(2, midlands.size(), "" + midlands);
        assertTrue(midlands.containsAll(List.of(local, nhs)));
        // London: only the Westminster part of the record covering England and Westminster
        assertEquals(List.of(both), found(search(Map.of("region", LONDON))));
        var nationally = found(search(Map.of("area", ENGLAND)));
        assertEquals(2, nationally.size(), "" + nationally);
        assertTrue(nationally.containsAll(List.of(national, both)));
        // no area filter at all: everyone the caller may see
        assertEquals(4, search(Map.of()).getLong("total"));
        assertTrue(search(Map.of("area", ENGLAND)).getList("hits[0].why", String.class).stream()
                .anyMatch(w -> w.contains("England as a whole")));
    }

    @Test
    void nationalWorkNeverInflatesRegionOrIcbCounts() {
        Fixtures.actAnonymously();
        var overview = given().queryParam("q", WORD).when().get("/api/search/regions").then().statusCode(200).extract().jsonPath();
        assertEquals(4, overview.getLong("leaders"));
        assertEquals(2, overview.getLong("national.leaders"), "national and both; the hidden one is not seen");
        assertEquals(2, overview.getLong("national.records"));
        long inRegions = overview.getList("regions.leaders", Long.class).stream().mapToLong(Long::longValue).sum();
        assertEquals(3, inRegions, "two in the Midlands and one in London; the national-only leader in none");
        assertEquals(2, overview.getLong("regions.find { it.code == '" + MIDLANDS + "' }.leaders"));
        assertEquals(1, overview.getLong("regions.find { it.code == '" + LONDON + "' }.leaders"));
        assertTrue(overview.getList("councils.code", String.class).stream().noneMatch(ENGLAND::equals));
        var regionFacet = counts(search(Map.of()), "region");
        assertEquals(Map.of(MIDLANDS, 2, LONDON, 1), regionFacet);
        // with a service filter the region facet is counted through the records: still none for national work
        assertEquals(Map.of(MIDLANDS, 2, LONDON, 1), counts(search(Map.of("service", "gp")), "region"));
    }

    @Test
    void theFindMapTableHasANationalLine() {
        Fixtures.actAnonymously();
        var html = given().queryParam("q", WORD).when().get("/find").then().statusCode(200).extract().asString();
        var line = Pattern.compile("<tr id=\"map-national\">.*?</tr>", Pattern.DOTALL).matcher(html);
        assertTrue(line.find(), "no national line in the map table");
        assertTrue(line.group().contains("National</a>: 2 leaders"), line.group());
        assertTrue(line.group().contains("area=" + ENGLAND), line.group());
        // following it: the national leaders, the area named in words, and the line counts them again
        var national = given().queryParam("q", WORD).queryParam("area", ENGLAND).when().get("/find").then().statusCode(200).extract().asString();
        assertTrue(national.contains("<strong>England as a whole (national)</strong>"), "chosen area not named");
        assertTrue(national.contains("Whitehall Zebrin") && national.contains("Both Zebrin") && !national.contains("Local Zebrin"));
    }

    // --- import and export keep them

    @Test
    void importKeepsSectorAndNationalAreasAndExportGivesThemBack() {
        var p = "zsec" + System.nanoTime();
        var file = "leader_external_id,name,home_area,sector,record_external_id,title,areas,services,scope,role,period_start\n"
                + p + "-1," + p + " Importee,E10000024,Voluntary sector," + p + "-1-r," + p + " national work,England,gp;social-care,system,led,2020-01-01\n"
                + String.join(",", p + "-2", p + " Other", "E10000024", "", "", "", "", "", "", "", "") + "\n";
        var started = given().contentType("text/csv").body(file.getBytes(StandardCharsets.UTF_8)).when()
                .post("/api/admin/imports?fileName=sector.csv").then().extract();
        assertEquals(202, started.statusCode(), started.asString());
        assertEquals("succeeded", Fixtures.awaitJob(started.header("Location"), Duration.ofMinutes(3)).getString("state"));
        awaitIndexInStep(Duration.ofSeconds(60));
        var result = given().queryParam("q", p).when().get("/api/search/leaders").then().statusCode(200).extract().jsonPath();
        long importee = result.getLong("hits.find { it.leader.name == '" + p + " Importee' }.leader.id");
        long other = result.getLong("hits.find { it.leader.name == '" + p + " Other' }.leader.id");
        given().when().get("/api/leaders/" + importee).then().statusCode(200).body("sector", equalTo("voluntary-community"));
        given().when().get("/api/leaders/" + other).then().statusCode(200).body("sector", nullValue());
        given().when().get("/api/leaders/" + importee + "/records").then().statusCode(200).body("items[0].areas[0].code", equalTo(ENGLAND));
        var csv = given().queryParam("q", p).queryParam("area", ENGLAND).when().get("/api/search/export.csv").then().statusCode(200).extract().asString();
        var lines = csv.lines().toList();
        var header = cells(lines.get(0));
        int sector = header.indexOf("sector");
        int areas = header.indexOf("areas");
        int regions = header.indexOf("area regions");
        assertTrue(sector > 0 && areas > 0, lines.get(0));
        assertEquals(2, lines.size(), "the header and the national record only: " + csv);
        var row = cells(lines.get(1));
        assertEquals("voluntary-community", row.get(sector));
        assertEquals("Voluntary and community sector", row.get(sector + 1));
        assertEquals(ENGLAND, row.get(areas));
        assertEquals("England (national)", row.get(regions));
    }

    /** The cells of one CSV line (no line breaks in these cells): commas inside quotes do not split. */
    private static List<String> cells(String line) {
        return List.of(line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1)).stream()
                .map(c -> c.startsWith("\"") ? c.substring(1, c.length() - 1).replace("\"\"", "\"") : c).toList();
    }
}
