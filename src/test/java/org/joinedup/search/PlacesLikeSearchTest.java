package org.joinedup.search;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.joinedup.Fixtures.awaitIndexInStep;
import static org.joinedup.Fixtures.createLeader;
import static org.joinedup.Fixtures.createRecord;
import static org.joinedup.Fixtures.leader;
import static org.joinedup.Fixtures.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.joinedup.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Search of places like a council (likeArea, like): the leaders made here all carry one made-up word
 * in their record titles, so the word narrows the search to them. Nottinghamshire's nearest
 * neighbours (GET /api/areas/E10000024/similar) start Derbyshire, Staffordshire; Westminster is far.
 */
@QuarkusTest
class PlacesLikeSearchTest {

    private static final String WORD = "Quillborough";
    private static final String NOTTINGHAMSHIRE = "E10000024";
    private static final String DERBYSHIRE = "E10000007";
    private static final String STAFFORDSHIRE = "E10000028";
    private static final String WESTMINSTER = "E09000033";

    private static long inDerbyshire;
    private static long inStaffordshire;
    private static long inWestminster;
    private static long inNottinghamshire;

    @BeforeEach
    void leaders() {
        Fixtures.actAs("demo-admin");
        if (inDerbyshire != 0) {
            return;
        }
        inDerbyshire = leaderWithRecord("Derbyshire Quill", DERBYSHIRE, List.of("gp", "housing"));
        inStaffordshire = leaderWithRecord("Staffordshire Quill", STAFFORDSHIRE, List.of("gp", "social-care"));
        inWestminster = leaderWithRecord("Westminster Quill", WESTMINSTER, List.of("gp", "housing"));
        inNottinghamshire = leaderWithRecord("Nottinghamshire Quill", NOTTINGHAMSHIRE, List.of("gp", "social-care"));
        awaitIndexInStep(Duration.ofSeconds(60));
    }

    private static long leaderWithRecord(String name, String council, List<String> services) {
        long id = createLeader(leader(name));
        var record = record(WORD + " integrated neighbourhood team");
        record.put("areas", List.of(Map.of("code", council)));
        record.put("services", services);
        createRecord(id, record);
        return id;
    }

    private static JsonPath search(Map<String, ?> params) {
        return given().queryParam("q", WORD).queryParams(params).when().get("/api/search/leaders").then().statusCode(200).extract().jsonPath();
    }

    private static List<String> why(JsonPath result, long leader) {
        return result.getList("hits.find { it.leader.id == " + leader + " }.why");
    }

    @Test
    void findsWorkInTheCouncilAndItsNeighboursWithTheReason() {
        var result = search(Map.of("likeArea", NOTTINGHAMSHIRE));
        List<Long> found = result.getList("hits.leader.id", Long.class);
        assertTrue(found.containsAll(List.of(inDerbyshire, inStaffordshire, inNottinghamshire)), "found: " + found);
        assertTrue(!found.contains(inWestminster), "Westminster is no place like Nottinghamshire: " + found);
        assertEquals(3, result.getLong("total"));
        var derbyshire = why(result, inDerbyshire);
        assertTrue(derbyshire.stream().anyMatch(w -> w.startsWith("worked in Derbyshire, a place like Nottinghamshire (both ")
                && w.contains("older")), "why: " + derbyshire);
        assertTrue(why(result, inNottinghamshire).contains("worked in Nottinghamshire itself"), "why: " + why(result, inNottinghamshire));
        // without likeArea the word finds all four
        assertEquals(4, search(Map.of()).getLong("total"));
    }

    @Test
    void likeSetsHowManyNeighbours() {
        // the single nearest neighbour is Derbyshire: Staffordshire (second) drops out
        var result = search(Map.of("likeArea", NOTTINGHAMSHIRE, "like", 1));
        assertEquals(List.of(inDerbyshire, inNottinghamshire).stream().sorted().toList(),
                result.getList("hits.leader.id", Long.class).stream().sorted().toList());
    }

    @Test
    void combinesWithOtherFiltersAndThePage() {
        // housing: Derbyshire has it, Staffordshire and Nottinghamshire do not, Westminster has it but is not like
        var housing = search(Map.of("likeArea", NOTTINGHAMSHIRE, "service", "housing"));
        assertEquals(List.of(inDerbyshire), housing.getList("hits.leader.id", Long.class));
        assertTrue(why(housing, inDerbyshire).stream().anyMatch(w -> w.startsWith("worked in Derbyshire, a place like")), "why: " + why(housing, inDerbyshire));
        assertTrue(why(housing, inDerbyshire).stream().anyMatch(w -> w.contains("housing")), "why: " + why(housing, inDerbyshire));
        var page0 = search(Map.of("likeArea", NOTTINGHAMSHIRE, "size", 1, "page", 0));
        var page1 = search(Map.of("likeArea", NOTTINGHAMSHIRE, "size", 1, "page", 1));
        assertEquals(3, page0.getLong("total"));
        assertEquals(3, page0.getInt("totalPages"));
        assertTrue(!page0.getList("hits.leader.id").equals(page1.getList("hits.leader.id")));
        // another place filter holds as well (both must)
        var withArea = search(Map.of("likeArea", NOTTINGHAMSHIRE, "area", STAFFORDSHIRE));
        assertEquals(List.of(inStaffordshire), withArea.getList("hits.leader.id", Long.class));
    }

    @Test
    void aSearchOfPlacesLikeThatFindsNobodySuggestsDroppingItAndItsNumber() {
        // the Isles of Scilly and its single nearest neighbour: none of the four councils above
        var result = search(Map.of("likeArea", "E06000053", "like", 1));
        assertEquals(0, result.getLong("total"));
        List<Map<String, Object>> suggestions = result.getList("suggestions");
        var drop = suggestions.stream().filter(s -> "likeArea".equals(s.get("facet"))).findFirst().orElseThrow(() -> new AssertionError(suggestions.toString()));
        assertEquals(List.of("E06000053"), drop.get("values"));
        assertEquals(4, ((Number) drop.get("count")).intValue());
        assertEquals(Map.of("q", List.of(WORD)), drop.get("parameters"));
    }

    @Test
    void badPlacesLikeAreRefusedNamingTheParameter() {
        for (var code : List.of("E99999999", "E54000060", "E40000011", "x".repeat(300))) {
            given().queryParam("likeArea", code).when().get("/api/search/leaders").then().statusCode(400)
                    .contentType("application/problem+json").body("violations.field", equalTo(List.of("likeArea")));
        }
        for (var like : List.of("0", "51", "-3", "many", "99999999999999999999")) {
            given().queryParam("likeArea", NOTTINGHAMSHIRE).queryParam("like", like).when().get("/api/search/leaders").then().statusCode(400)
                    .body("violations.field", equalTo(List.of("like")));
        }
        given().queryParam("like", 5).when().get("/api/search/leaders").then().statusCode(400).body("violations.field", equalTo(List.of("like")));
    }

    @Test
    void theFindPageOffersPlacesLikeMineAndShowsWhy() {
        Fixtures.actAnonymously();
        try {
            given().queryParam("q", WORD).queryParam("likeArea", NOTTINGHAMSHIRE).when().get("/find").then().statusCode(200)
                    .body(containsString("<label class=\"nhsuk-label\" for=\"likeArea\">Places like mine</label>"))
                    .body(containsString("<option value=\"" + NOTTINGHAMSHIRE + "\" selected>Nottinghamshire</option>"))
                    .body(containsString("worked in Derbyshire, a place like Nottinghamshire (both "))
                    .body(not(containsString("Westminster Quill")));
            // a plain form (no JavaScript): the choice is a GET of the same page; a bad one is an error beside the field
            given().queryParam("likeArea", "E54000060").when().get("/find").then().statusCode(400)
                    .body(containsString("id=\"likeArea-error\""));
            given().queryParam("likeArea", NOTTINGHAMSHIRE).queryParam("like", "500").when().get("/find").then().statusCode(400)
                    .body(containsString("id=\"like-error\""));
        } finally {
            Fixtures.actAs("demo-admin");
        }
    }
}
