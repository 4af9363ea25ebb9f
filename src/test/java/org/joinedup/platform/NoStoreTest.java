package org.joinedup.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import org.joinedup.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Per-person answers and one-time-link pages are never stored by a browser or proxy; anonymous public reads may be. */
@QuarkusTest
class NoStoreTest {

    @BeforeAll
    static void anonymous() {
        Fixtures.actAnonymously();
    }

    @Test
    void aSignedInCallersAnswerIsNoStore() {
        given().header("Authorization", Fixtures.bearer(Fixtures.token("demo-leader"))).when().get("/api/me")
                .then().statusCode(200).header("Cache-Control", equalTo("no-store"));
    }

    @Test
    void aOneTimeLinkPageIsNoStoreWhateverItsToken() {
        given().queryParam("token", "A".repeat(43)).when().get("/account/claim").then().header("Cache-Control", equalTo("no-store"));
        given().queryParam("token", "A".repeat(43)).when().get("/account/reset").then().header("Cache-Control", equalTo("no-store"));
        given().queryParam("token", "A".repeat(43)).when().get("/account/confirm").then().header("Cache-Control", equalTo("no-store"));
    }

    @Test
    void anonymousPublicReadsAndTheStylesheetMayBeCached() {
        given().when().get("/api/search/leaders").then().statusCode(200)
                .header("Cache-Control", anyOf(nullValue(), not(containsString("no-store"))));
        given().when().get("/api/vocabularies/services").then().statusCode(200)
                .header("Cache-Control", anyOf(nullValue(), not(containsString("no-store"))));
        given().header("Authorization", Fixtures.bearer(Fixtures.token("demo-leader"))).when().get("/assets/app.css").then().statusCode(200)
                .header("Cache-Control", anyOf(nullValue(), not(containsString("no-store"))));
    }
}
