package org.joinedup.vocabulary;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.joinedup.Fixtures;

@QuarkusTest
class VocabularyResourceTest {

    @BeforeAll
    static void actAsAdmin() {
        Fixtures.actAs("demo-admin");
    }

    @Test
    void servesEveryVocabularyWithCodesLabelsAndSynonyms() {
        given().when().get("/api/vocabularies")
                .then().statusCode(200)
                .body("$", hasKey("services"))
                .body("$", hasKey("outcome-metrics"))
                .body("$", hasKey("mentoring-formats"))
                .body("services.code", hasItems("gp", "community-health", "social-care", "mental-health", "acute", "urgent-care",
                        "public-health", "housing", "voluntary-sector", "care-homes", "pharmacy"))
                .body("services.find { it.code == 'gp' }.synonyms", hasItems("general practice", "primary care"))
                .body("scopes.code", equalTo(List.of("team", "organisations", "place", "system")))
                .body("outcome-metrics.code", hasItems("non-elective-admissions", "delayed-transfers", "care-home-admissions", "reablement-91-day"))
                .body("programmes.code", hasItems("pioneer-2013", "pioneer-2015", "vanguard", "bcf", "stp", "ics", "other"));
    }

    @Test
    void servesOneVocabularyAndAnswers404ForAnUnknownOne() {
        given().when().get("/api/vocabularies/approaches").then().statusCode(200).body("code", hasItem("pooled-budgets"));
        given().when().get("/api/vocabularies/colours").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void servesTheCurrentGeographyWithCentroids() {
        given().queryParam("type", "nhs-region").when().get("/api/areas")
                .then().statusCode(200)
                .body("boundarySet.name", equalTo("icb-2026-04"))
                .body("areas.size()", equalTo(7));
        given().queryParam("type", "icb").when().get("/api/areas")
                .then().statusCode(200)
                .body("areas.findAll { it.current }.size()", equalTo(36))
                .body("areas.latitude", everyItem(notNullValue()));
        given().queryParam("type", "local-authority").when().get("/api/areas")
                .then().statusCode(200).body("areas.size()", equalTo(153));
    }

    @Test
    void filtersAreasByRegion() {
        given().queryParam("type", "icb").queryParam("region", "E40000003").when().get("/api/areas")
                .then().statusCode(200)
                .body("areas.regionCode", everyItem(equalTo("E40000003")))
                .body("areas.code", hasItem("E54000071"));
    }

    @Test
    void rejectsUnknownAreaTypeAndRegion() {
        given().queryParam("type", "planet").when().get("/api/areas")
                .then().statusCode(400).body("violations[0].field", equalTo("type")).body("violations[0].in", equalTo("query"));
        given().queryParam("region", "E99").when().get("/api/areas")
                .then().statusCode(400).body("violations[0].field", equalTo("region"));
    }

    @Test
    void servesOneAreaAndSaysWhereASupersededIcbWent() {
        given().when().get("/api/areas/E54000027")
                .then().statusCode(200).body("current", equalTo(false)).body("successorCode", equalTo("E54000071"));
        given().when().get("/api/areas/E00000000").then().statusCode(404);
    }
}
