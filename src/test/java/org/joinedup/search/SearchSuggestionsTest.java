package org.joinedup.search;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.joinedup.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A search that finds nobody suggests wider or corrected searches, each with the number of leaders
 * it finds for the same caller, which the normal search confirms.
 */
@QuarkusTest
class SearchSuggestionsTest {

    private static final String MIDLANDS = "E40000011";
    /** Hartlepool's centroid (seed-data/geography), where the leaders' records are. */
    private static final double LAT = 54.67614, LON = -1.27018;

    /** A word no other leader's text has, so counts are exactly the leaders made here. */
    private static final String WORD = word();
    /** A word only the registered-only leader's record has. */
    private static final String HIDDEN_WORD = word();

    private static boolean made;

    @BeforeAll
    static void anonymous() {
        Fixtures.actAnonymously();
    }

    /** Once, in the first test: requests need the port Quarkus sets after @BeforeAll. */
    @BeforeEach
    void leaders() {
        if (made) {
            return;
        }
        made = true;
        leader("public", WORD + " neighbourhood teams");
        leader("registered", WORD + " neighbourhood teams");
        leader("registered", WORD + " " + HIDDEN_WORD + " discharge");
        Fixtures.awaitIndexInStep(Duration.ofSeconds(60));
    }

    @Test
    void aSearchThatFindsNobodySuggestsDroppingTheFilterWithItsCountForThatCaller() {
        var anonymous = search(given(), Map.of("q", WORD, "region", MIDLANDS));
        assertEquals(0, anonymous.getInt("total"));
        var drop = anonymous.getMap("suggestions.find { it.kind == 'drop-filter' && it.facet == 'region' }");
        assertEquals(List.of(MIDLANDS), drop.get("values"));
        assertEquals("Drop NHS England region: Midlands", drop.get("label"));
        assertEquals(1, drop.get("count"), "an anonymous caller's count leaves out the registered-only leaders");
        assertEquals(Map.of("q", List.of(WORD)), drop.get("parameters"));
        assertEquals(1, recount(given(), anonymous, 0), "the normal search finds as many");

        var signedIn = search(as("demo-commissioner"), Map.of("q", WORD, "region", MIDLANDS));
        assertEquals(0, signedIn.getInt("total"));
        assertEquals(3, signedIn.getInt("suggestions[0].count"), "a registered caller sees all three");
        assertEquals(3, recount(as("demo-commissioner"), signedIn, 0));
    }

    @Test
    void aSearchThatFindsSomebodySuggestsNothing() {
        var found = search(given(), Map.of("q", WORD));
        assertEquals(1, found.getInt("total"));
        assertEquals(List.of(), found.getList("suggestions"));
    }

    @Test
    void leavesOutOneServiceOfSeveralAtATime() {
        var found = given().queryParam("q", WORD).queryParam("service", "learning-disability", "mental-health")
                .when().get("/api/search/leaders").then().statusCode(200).extract().jsonPath();
        assertEquals(0, found.getInt("total"));
        List<Map<String, Object>> suggestions = found.getList("suggestions");
        assertEquals(1, suggestions.size(), "leaving out learning disability still finds nobody: " + suggestions);
        var drop = suggestions.get(0);
        assertEquals("service", drop.get("facet"));
        assertEquals(List.of("mental-health"), drop.get("values"));
        assertEquals(Map.of("q", List.of(WORD), "service", List.of("learning-disability")), drop.get("parameters"));
        assertEquals(1, drop.get("count"));
        assertEquals(1, recount(given(), found, 0));
    }

    @Test
    void dropsTheVerificationLevel() {
        var found = search(given(), Map.of("q", WORD, "verification", "verified"));
        assertEquals(0, found.getInt("total"));
        assertEquals("verification", found.getString("suggestions[0].facet"));
        assertEquals(List.of("verified"), found.getList("suggestions[0].values"));
        assertEquals(1, found.getInt("suggestions[0].count"));
        assertEquals(1, recount(given(), found, 0));
    }

    @Test
    void widensTheDistanceToTheNearestThatFindsSomebody() {
        // about 33 km south of Hartlepool: nobody within 10 or 25 km, somebody within 50
        var near = (LAT - 0.3) + "," + LON;
        var found = search(as("demo-commissioner"), Map.of("q", WORD, "near", near, "within", "10km"));
        assertEquals(0, found.getInt("total"));
        List<Map<String, Object>> widen = found.getList("suggestions.findAll { it.kind == 'widen-distance' }");
        assertEquals(1, widen.size(), "one distance: the nearest that finds somebody: " + widen);
        assertEquals("50km", widen.get(0).get("within"));
        assertEquals(3, widen.get(0).get("count"));
        assertEquals(3, recount(as("demo-commissioner"), found, 0));
    }

    @Test
    void suggestsTheSpellingTheIndexKnowsWithItsCount() {
        var misspelt = WORD.substring(0, 3) + WORD.substring(4);
        var found = search(as("demo-commissioner"), Map.of("q", misspelt));
        assertEquals(0, found.getInt("total"));
        assertEquals("spelling", found.getString("suggestions[0].kind"));
        assertEquals(WORD, found.getString("suggestions[0].text"));
        assertEquals(3, found.getInt("suggestions[0].count"));
        assertEquals(3, recount(as("demo-commissioner"), found, 0));
    }

    @Test
    void neverSuggestsAWordOnlyHiddenLeadersUse() {
        var misspelt = HIDDEN_WORD.substring(0, 3) + HIDDEN_WORD.substring(4);
        var anonymous = search(given(), Map.of("q", misspelt));
        assertEquals(0, anonymous.getInt("total"));
        assertEquals(List.of(), anonymous.getList("suggestions"), "the word is only in a registered-only leader's record");
        var signedIn = search(as("demo-commissioner"), Map.of("q", misspelt));
        assertEquals(HIDDEN_WORD, signedIn.getString("suggestions[0].text"));
        assertEquals(1, signedIn.getInt("suggestions[0].count"));
    }

    @Test
    void badParametersAreStillA400WithoutSuggestions() {
        given().queryParam("q", WORD).queryParam("region", "NOT-A-REGION").when().get("/api/search/leaders")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("region"));
    }

    private static JsonPath search(RequestSpecification caller, Map<String, ?> params) {
        return caller.queryParams(params).when().get("/api/search/leaders").then().statusCode(200).extract().jsonPath();
    }

    /** The total of the normal search with the parameters of suggestion {@code i}. */
    private static int recount(RequestSpecification caller, JsonPath found, int i) {
        Map<String, List<String>> parameters = found.getMap("suggestions[" + i + "].parameters");
        assertFalse(parameters.isEmpty());
        parameters.forEach((name, values) -> caller.queryParam(name, values));
        return caller.when().get("/api/search/leaders").then().statusCode(200).extract().jsonPath().getInt("total");
    }

    private static RequestSpecification as(String account) {
        return given().header("Authorization", Fixtures.bearer(Fixtures.token(account)));
    }

    private static void leader(String visibility, String title) {
        var leader = Fixtures.leader("Suggestion " + visibility + " " + WORD);
        leader.put("visibility", visibility);
        var admin = Fixtures.bearer(Fixtures.token("demo-admin"));
        long id = given().header("Authorization", admin).contentType(ContentType.JSON).body(leader).when().post("/api/leaders")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        var record = Fixtures.record(title);
        record.put("areas", List.of(Map.of("code", "E06000001")));
        record.put("services", List.of("learning-disability", "end-of-life", "housing"));
        record.put("summary", "Joined up work in Hartlepool.");
        given().header("Authorization", admin).contentType(ContentType.JSON).body(record).when().post("/api/leaders/" + id + "/records")
                .then().statusCode(201);
        assertTrue(id > 0);
    }

    /** Letters only, so the word is one token and has near spellings. */
    private static String word() {
        var random = new Random();
        var word = new StringBuilder("quorv");
        for (int i = 0; i < 8; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }
}
