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
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A visitor chooses "Places like mine" on /find: work in a neighbouring council is found, with why, and the page passes axe. */
@QuarkusTest
class FindPlacesLikeMineTest {

    @RegisterExtension
    static final Browser browser = Browser.perClass();

    @BeforeAll
    static void anonymous() {
        Fixtures.actAnonymously();
    }

    @Test
    void choosingACouncilFindsWorkInAPlaceLikeIt() {
        var word = "plikefind" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "x");
        var admin = Fixtures.bearer(Fixtures.token("demo-admin"));
        for (var council : List.of("E10000007", "E09000033")) { // Derbyshire (like Nottinghamshire), Westminster (not)
            long id = given().header("Authorization", admin).contentType(ContentType.JSON).body(Fixtures.leader("Places Like " + council + " " + word))
                    .when().post("/api/leaders").then().statusCode(201).extract().jsonPath().getLong("id");
            var record = Fixtures.record(word + " teams");
            record.put("areas", List.of(Map.of("code", council)));
            given().header("Authorization", admin).contentType(ContentType.JSON).body(record).when().post("/api/leaders/" + id + "/records")
                    .then().statusCode(201);
        }
        Fixtures.awaitIndexInStep(Duration.ofSeconds(60));

        browser.go("/find?q=" + word);
        assertEquals("2 leaders found", browser.find("#result-count").getText());
        new Select(browser.find("#likeArea")).selectByValue("E10000024");
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().contains("likeArea=E10000024"));
        assertEquals("1 leader found", browser.find("#result-count").getText());
        assertTrue(browser.find("#results .result__name").getText().contains("E10000007"));
        var why = browser.find("#results .why").getText();
        assertTrue(why.contains("worked in Derbyshire, a place like Nottinghamshire (both "), why);
        assertEquals("E10000024", new Select(browser.find("#likeArea")).getFirstSelectedOption().getAttribute("value"));
        browser.check("find-places-like");
    }
}
