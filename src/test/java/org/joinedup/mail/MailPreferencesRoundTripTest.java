package org.joinedup.mail;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import org.joinedup.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What GET /api/me/mail-preferences answers can be PUT back as it is, and then changes nothing. */
@QuarkusTest
class MailPreferencesRoundTripTest {

    @BeforeAll
    static void noDefaultToken() {
        Fixtures.actAnonymously();
    }

    private static RequestSpecification as(MailFixtures.TestAccount account) {
        return given().header("Authorization", Fixtures.bearer(account.token())).contentType(ContentType.JSON);
    }

    private static int auditEntries(MailFixtures.TestAccount account) {
        return given().header("Authorization", Fixtures.bearer(Fixtures.token("demo-admin"))).queryParam("action", "mail-preferences")
                .queryParam("entityType", "account").queryParam("entityId", account.id()).when().get("/api/admin/audit").then()
                .statusCode(200).extract().jsonPath().getInt("total");
    }

    @Test
    void whatGetAnswersIsAcceptedByPutAndChangesNothing() {
        var account = MailFixtures.account("roundtrip");
        as(account).body(Map.of("preferences", Map.of("reminder", "weekly", "introduction", "never"))).when().put("/api/me/mail-preferences")
                .then().statusCode(200);
        var read = as(account).when().get("/api/me/mail-preferences").then().statusCode(200).extract().asString();
        int audited = auditEntries(account);
        assertEquals(1, audited);

        var answered = as(account).body(read).when().put("/api/me/mail-preferences").then().statusCode(200).extract().asString();
        assertEquals(read, answered);
        assertEquals(read, as(account).when().get("/api/me/mail-preferences").then().statusCode(200).extract().asString());
        assertEquals(audited, auditEntries(account), "nothing changed, so nothing is audited as changed");

        // the list form changes what it names, like the object form
        as(account).body(Map.of("preferences", List.of(Map.of("kind", "reminder", "choice", "never")))).when().put("/api/me/mail-preferences")
                .then().statusCode(200).body("preferences.find { it.kind == 'reminder' }.choice", equalTo("never"))
                .body("preferences.find { it.kind == 'introduction' }.choice", equalTo("never"));
        assertEquals(audited + 1, auditEntries(account));
        // and is checked as strictly: a fixed kind stays fixed, an entry without a choice names itself
        as(account).body(Map.of("preferences", List.of(Map.of("kind", "security", "choice", "never", "fixed", true)))).when()
                .put("/api/me/mail-preferences").then().statusCode(400).body("violations[0].field", equalTo("preferences.security"));
        as(account).body(Map.of("preferences", List.of(Map.of("kind", "reminder")))).when().put("/api/me/mail-preferences").then()
                .statusCode(400).body("violations[0].field", equalTo("preferences[0]"));
        as(account).body(Map.of("preferences", "weekly")).when().put("/api/me/mail-preferences").then().statusCode(400)
                .body("violations[0].field", equalTo("preferences"));
    }
}
