package org.joinedup.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.joinedup.Fixtures;
import org.junit.jupiter.api.Test;

/** The success banner shows only messages we wrote, chosen by key; other text in ?done= shows nothing. */
@QuarkusTest
class DoneBannerTest {

    private static final String SPOOF = "Your account is suspended: call 0800 000 000";

    @Test
    void myWorkShowsAKnownKeysMessageAndNothingElse() {
        var leader = Fixtures.bearer(Fixtures.token("demo-leader"));
        given().header("Authorization", leader).queryParam("done", "profile-saved").when().get("/my-work")
                .then().statusCode(200).body(containsString("id=\"flash\"")).body(containsString("Your profile is up to date."));
        given().header("Authorization", leader).queryParam("done", SPOOF).when().get("/my-work")
                .then().statusCode(200).body(not(containsString("0800 000 000"))).body(not(containsString("id=\"flash\"")));
    }

    @Test
    void programmeDeskShowsAKnownKeysMessageAndNothingElse() {
        var programme = Fixtures.bearer(Fixtures.token("demo-programme"));
        given().header("Authorization", programme).queryParam("done", "record-verified").when().get("/programme")
                .then().statusCode(200).body(containsString("Record verified"));
        given().header("Authorization", programme).queryParam("done", SPOOF).when().get("/programme")
                .then().statusCode(200).body(not(containsString("0800 000 000"))).body(not(containsString("id=\"flash\"")));
    }
}
