package org.joinedup.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.joinedup.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A co-leader confirms a record led together on My work, and it shows on their profile (docs/co-led-records.md). */
@QuarkusTest
class CoLeadPagesTest {

    @RegisterExtension
    static final Browser browser = Browser.perClass();

    @BeforeAll
    static void anonymous() {
        Fixtures.actAnonymously();
    }

    @Test
    void aCoLeaderConfirmsOnMyWorkAndTheRecordShowsOnTheirProfile() {
        var admin = Fixtures.bearer(Fixtures.token("demo-admin"));
        long owner = given().header("Authorization", admin).contentType(ContentType.JSON).body(Fixtures.leader("Quinn Owner"))
                .when().post("/api/leaders").then().statusCode(201).extract().jsonPath().getLong("id");
        long invitee = given().header("Authorization", admin).contentType(ContentType.JSON).body(Fixtures.leader("Rae Invitee"))
                .when().post("/api/leaders").then().statusCode(201).extract().jsonPath().getLong("id");
        var ownerAccount = CorroborationFixtures.account("co-owner-" + System.nanoTime(), Map.of("roles", List.of("leader"), "leaderId", owner));
        var inviteeAccount = CorroborationFixtures.account("co-invitee-" + System.nanoTime(), Map.of("roles", List.of("leader"), "leaderId", invitee));
        var ownerToken = Fixtures.bearer(Fixtures.token(ownerAccount));
        long record = given().header("Authorization", ownerToken).contentType(ContentType.JSON).body(Fixtures.record("Joint frailty pathway"))
                .when().post("/api/leaders/" + owner + "/records").then().statusCode(201).extract().jsonPath().getLong("id");
        given().header("Authorization", ownerToken).contentType(ContentType.JSON).body(Map.of("leaderId", invitee, "role", "co-led"))
                .when().post("/api/records/" + record + "/co-leaders").then().statusCode(201);

        browser.signIn(inviteeAccount);
        browser.go("/my-work");
        var card = browser.find("#co-lead-" + record).getText();
        assertTrue(card.contains("Joint frailty pathway") && card.contains("Quinn Owner") && card.contains("Co-led"), card);
        browser.check("my-work-co-lead-waiting");
        browser.click("#confirm-co-lead-" + record);
        browser.waitForPath("done=co-lead-confirmed");
        assertTrue(browser.find("#co-lead-" + record).getText().contains("You confirmed it"));

        browser.go("/leaders/" + invitee);
        var shown = browser.find("#record-" + record).getText();
        assertTrue(shown.contains("Joint frailty pathway") && shown.contains("Led together with"), shown);
        browser.check("profile-co-led-record");
    }
}
