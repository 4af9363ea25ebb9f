package org.joinedup.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.joinedup.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A visitor's search finds nobody; the page offers a wider search as a plain link, with its count, and the link finds them. */
@QuarkusTest
class FindSuggestsAWiderSearchTest {

    @RegisterExtension
    static final Browser browser = Browser.perClass();

    @BeforeAll
    static void anonymous() {
        Fixtures.actAnonymously();
    }

    @Test
    void nothingFoundOffersDroppingTheRegionAndTheLinkFindsTheLeader() {
        var word = "quorvfind" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "x");
        var admin = Fixtures.bearer(Fixtures.token("demo-admin"));
        var leader = Fixtures.leader("Wider Search " + word);
        long id = given().header("Authorization", admin).contentType(ContentType.JSON).body(leader).when().post("/api/leaders")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        var record = Fixtures.record(word + " teams");
        record.put("areas", List.of(Map.of("code", "E06000001"))); // Hartlepool, North East and Yorkshire
        given().header("Authorization", admin).contentType(ContentType.JSON).body(record).when().post("/api/leaders/" + id + "/records")
                .then().statusCode(201);
        Fixtures.awaitIndexInStep(Duration.ofSeconds(60));

        var path = "/find?q=" + word + "&region=E40000011";
        // without script: the suggestion is a plain link in the page as served
        var html = given().when().get(path).then().statusCode(200).extract().asString();
        assertTrue(html.contains("href=\"/find?q=" + word + "\""), "the page links to the search without the region");

        browser.go(path);
        assertEquals("0 leaders found", browser.find("#result-count").getText());
        var suggestion = browser.find("#suggestion-list li");
        assertEquals("Drop NHS England region: Midlands (1 leader)", suggestion.getText());
        browser.check("find-suggestions");

        browser.click("#suggestion-list a.suggestion");
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d -> !d.getCurrentUrl().contains("region="));
        assertEquals("1 leader found", browser.find("#result-count").getText());
        assertTrue(browser.find("#results .result__name").getText().contains(word));
    }
}
