package org.joinedup.places;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.joinedup.Fixtures;
import org.junit.jupiter.api.Test;

/** GET /api/areas/{code}/similar, and the nearest neighbours against a hand computation on real councils. */
@QuarkusTest
class SimilarAreasResourceTest {

    private static final String NOTTINGHAMSHIRE = "E10000024";
    private static final String DERBYSHIRE = "E10000007";
    private static final String DERBY = "E06000015";
    private static final String WESTMINSTER = "E09000033";
    private static final String CAMDEN = "E09000007";

    @Inject
    NearestNeighbours neighbours;

    /**
     * The hand computation, with the default weights (1 each) and IoD 2025. Over the 153 councils of
     * area-statistics.csv (worked out apart from this code, in a spreadsheet-like script):
     *
     * <pre>
     *                 ln(population)  % 65+     IoD 2025   ln(density)
     *   mean          12.590433       17.88366  22.860908  7.174545
     *   sd (over n)    0.764360        4.945711  7.846382  1.368796
     * </pre>
     *
     * Nottinghamshire 834,822 people, 21.4%, 18.60, 400.4 a km2: z = 1.3666, 0.7110, -0.5430, -0.8636.
     * Derbyshire 803,464, 22.3%, 19.39, 315.5: z = 1.3165, 0.8930, -0.4424, -1.0377.
     * Differences 0.0501, -0.1820, -0.1006, 0.1741; squares 0.00251 + 0.03312 + 0.01012 + 0.03031 = 0.07607;
     * distance sqrt(0.07607) = 0.2758.
     * Derby 263,490, 16.5%, 28.155, 3376.7: z = -0.1422, -0.2798, 0.6747, 0.6941; from Nottinghamshire
     * 1.5088, 0.9908, -1.2177, -1.5577: squares 2.2765 + 0.9817 + 1.4828 + 2.4264 = 7.1674, distance 2.6772.
     * Westminster 211,365, 12.1%, 23.931, 9841.4 and Camden 218,049, 11.6%, 23.695, 10007.1: distance 0.1137.
     */
    private static double byHand(double[] a, double[] b) {
        double[] mean = { 12.590433, 17.88366, 22.860908, 7.174545 };
        double[] sd = { 0.764360, 4.945711, 7.846382, 1.368796 };
        double[] x = { Math.log(a[0]), a[1], a[2], Math.log(a[3]) };
        double[] y = { Math.log(b[0]), b[1], b[2], Math.log(b[3]) };
        double sum = 0;
        for (int i = 0; i < 4; i++) {
            double d = (x[i] - mean[i]) / sd[i] - (y[i] - mean[i]) / sd[i];
            sum += d * d;
        }
        return Math.sqrt(sum);
    }

    private static final double[] NOTTINGHAMSHIRE_FIGURES = { 834_822, 21.4, 18.60, 400.4 };
    private static final double[] DERBYSHIRE_FIGURES = { 803_464, 22.3, 19.39, 315.5 };
    private static final double[] DERBY_FIGURES = { 263_490, 16.5, 28.155, 3376.7 };
    private static final double[] WESTMINSTER_FIGURES = { 211_365, 12.1, 23.931, 9841.4 };
    private static final double[] CAMDEN_FIGURES = { 218_049, 11.6, 23.695, 10007.1 };

    @Test
    void distancesAgreeWithTheHandComputation() {
        assertEquals(0.2758, byHand(NOTTINGHAMSHIRE_FIGURES, DERBYSHIRE_FIGURES), 0.0005);
        assertEquals(0.2758, neighbours.distance(NOTTINGHAMSHIRE, DERBYSHIRE), 0.0005);
        assertEquals(2.6772, neighbours.distance(NOTTINGHAMSHIRE, DERBY), 0.0005);
        assertEquals(byHand(NOTTINGHAMSHIRE_FIGURES, DERBY_FIGURES), neighbours.distance(NOTTINGHAMSHIRE, DERBY), 0.0005);
        assertEquals(0.1137, neighbours.distance(WESTMINSTER, CAMDEN), 0.0005);
        assertEquals(byHand(WESTMINSTER_FIGURES, CAMDEN_FIGURES), neighbours.distance(WESTMINSTER, CAMDEN), 0.0005);
        // the nearest of each, as the script found them
        assertEquals(DERBYSHIRE, neighbours.of(NOTTINGHAMSHIRE, 1).get(0).code());
        assertEquals(CAMDEN, neighbours.of(WESTMINSTER, 1).get(0).code());
    }

    @Test
    void aCouncilsNeighboursComeNearestFirstWithTheFiguresSideBySide() {
        var answer = given().when().get("/api/areas/" + NOTTINGHAMSHIRE + "/similar").then().statusCode(200).extract().jsonPath();
        assertEquals("Nottinghamshire", answer.getString("area.name"));
        assertEquals(834_822L, answer.getLong("area.figures.population"));
        assertEquals(18.60, answer.getDouble("area.figures.deprivationScore"), 1e-9);
        assertEquals(2025, answer.getInt("method.deprivationEdition"));
        List<String> codes = answer.getList("neighbours.code");
        assertEquals(10, codes.size());
        assertEquals(DERBYSHIRE, codes.get(0));
        assertFalse(codes.contains(NOTTINGHAMSHIRE));
        assertEquals(0.276, answer.getDouble("neighbours[0].distance"), 0.0005);
        assertEquals(803_464L, answer.getLong("neighbours[0].figures.population"));
        assertEquals(22.3, answer.getDouble("neighbours[0].figures.percentAged65Plus"), 1e-9);
        assertEquals(315.5, answer.getDouble("neighbours[0].figures.densityPerSqKm"), 1e-9);
        assertTrue(answer.getList("neighbours[0].sharedTraits").contains("older"), answer.getList("neighbours[0].sharedTraits").toString());
        List<Float> distances = answer.getList("neighbours.distance");
        for (int i = 1; i < distances.size(); i++) {
            assertTrue(distances.get(i - 1) <= distances.get(i), "not nearest first: " + distances);
        }
        given().queryParam("size", 50).when().get("/api/areas/" + WESTMINSTER + "/similar").then().statusCode(200)
                .body("neighbours.size()", equalTo(50)).body("neighbours[0].code", equalTo(CAMDEN)).body("neighbours.code", not(hasItem(WESTMINSTER)));
        given().queryParam("size", 1).when().get("/api/areas/" + DERBY + "/similar").then().statusCode(200).body("neighbours.size()", equalTo(1));
    }

    @Test
    void aSizeOutsideOneToFiftyIsRefusedNamingSize() {
        for (var size : List.of("0", "51", "-1", "ten", "1.5", "99999999999999999999", "2147483648")) {
            given().queryParam("size", size).when().get("/api/areas/" + NOTTINGHAMSHIRE + "/similar").then().statusCode(400)
                    .contentType("application/problem+json").body("violations[0].field", equalTo("size"));
        }
    }

    @Test
    void anUnknownCodeIsNotFoundAndAnIcbOrRegionIsRefusedNamingCode() {
        given().when().get("/api/areas/E99999999/similar").then().statusCode(404).contentType("application/problem+json");
        given().when().get("/api/areas/" + "x".repeat(5000) + "/similar").then().statusCode(404);
        // Nottingham and Nottinghamshire ICB: its councils are offered instead
        given().when().get("/api/areas/E54000060/similar").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("code")).body("violations[0].in", equalTo("path"))
                .body("violations[0].allowed", hasItem(NOTTINGHAMSHIRE));
        given().when().get("/api/areas/E40000011/similar").then().statusCode(400).body("violations[0].field", equalTo("code"))
                .body("violations[0].allowed", hasItem(DERBYSHIRE));
    }

    @Test
    void everyoneMayAskAsForTheOtherReferenceData() {
        Fixtures.actAnonymously();
        given().when().get("/api/areas/" + NOTTINGHAMSHIRE + "/similar").then().statusCode(200);
        for (var account : List.of("demo-leader", "demo-commissioner", "demo-programme", "demo-admin")) {
            given().header("Authorization", Fixtures.bearer(Fixtures.token(account))).when().get("/api/areas/" + NOTTINGHAMSHIRE + "/similar")
                    .then().statusCode(200).body("neighbours[0].code", equalTo(DERBYSHIRE));
        }
    }
}
