package org.joinedup.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.joinedup.account.AccountFixtures.PASSWORD;
import static org.joinedup.account.AccountFixtures.address;
import static org.joinedup.account.AccountFixtures.as;
import static org.joinedup.account.AccountFixtures.linkToken;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.joinedup.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Asking for an account: confirm the address, wait, then programme staff approve or reject. */
@QuarkusTest
class AccountRequestTest {

    @BeforeAll
    static void anonymous() {
        Fixtures.actAnonymously();
    }

    private static ValidatableResponse ask(String email, String organisation) {
        var body = new HashMap<String, Object>(Map.of("email", email, "fullName", "Asha Asker", "jobTitle", "Head of Integration"));
        if (organisation != null) {
            body.put("organisation", organisation);
        }
        return given().contentType(ContentType.JSON).body(body).when().post("/api/account-requests").then();
    }

    private static long confirm(String email) {
        return given().contentType(ContentType.JSON).body(Map.of("token", linkToken(email))).when().post("/api/account-requests/confirmation")
                .then().statusCode(200).body("state", equalTo("pending")).extract().jsonPath().getLong("id");
    }

    @Test
    void theAnswerSaysWhatTheDomainMatched() {
        ask("asha." + System.nanoTime() + "@nhs.net", null).statusCode(202).body("domain.kind", equalTo("shared"))
                .body("domain.domain", equalTo("nhs.net"));
        ask(address("asha"), null).statusCode(202).body("domain.kind", equalTo("none"));
        as("demo-admin").body(Map.of("domains", List.of("sfh-test.example.net"), "source", "a test")).when()
                .put("/api/admin/organisations/RK5/domains").then().statusCode(200).body("domain", equalTo(List.of("sfh-test.example.net")));
        ask("asha." + System.nanoTime() + "@mail.sfh-test.example.net", null).statusCode(202).body("domain.kind", equalTo("organisation"))
                .body("domain.organisation.code", equalTo("RK5"));
    }

    @Test
    void sharedAndForeignDomainsCannotBeClaimedByAnOrganisation() {
        as("demo-admin").body(Map.of("domains", List.of("nhs.net"), "source", "a test")).when().put("/api/admin/organisations/RK5/domains")
                .then().statusCode(400).body("violations[0].field", equalTo("domains[0]"));
        as("demo-programme").body(Map.of("domains", List.of("x.example.net"), "source", "a test")).when().put("/api/admin/organisations/RK5/domains")
                .then().statusCode(403);
    }

    @Test
    void confirmedApprovedAndThePersonSetsTheirPassword() {
        var email = address("approved");
        ask(email, "RK5").statusCode(202);
        // before confirmation the request is not among the pending ones
        as("demo-programme").when().get("/api/account-requests").then().statusCode(200).body("email", not(hasItem(email)));
        long id = confirm(email);
        as("demo-programme").when().get("/api/account-requests").then().statusCode(200).body("email", hasItem(email));

        for (var role : List.of("demo-leader", "demo-commissioner")) {
            as(role).body(Map.of()).when().post("/api/account-requests/" + id + "/approval").then().statusCode(403);
            as(role).when().get("/api/account-requests").then().statusCode(403);
        }
        given().contentType(ContentType.JSON).body(Map.of()).when().post("/api/account-requests/" + id + "/approval").then().statusCode(401);
        // until approved there is no account: nothing signs in with the address
        given().contentType(ContentType.JSON).body(Map.of("username", email, "password", PASSWORD)).when().post("/api/auth/token")
                .then().statusCode(401);

        as("demo-programme").body(Map.of()).when().post("/api/account-requests/" + id + "/approval").then().statusCode(200)
                .body("state", equalTo("approved"));
        as("demo-programme").body(Map.of()).when().post("/api/account-requests/" + id + "/approval").then().statusCode(409);
        var mails = AccountFixtures.securityMail(email);
        assertTrue(mails.get(mails.size() - 1).text().contains("/account/reset?token="), mails.get(mails.size() - 1).text());
        given().contentType(ContentType.JSON).body(Map.of("token", linkToken(email), "password", PASSWORD)).when()
                .post("/api/password-reset/completion").then().statusCode(200);
        var token = Fixtures.token(email, PASSWORD);
        var me = given().header("Authorization", Fixtures.bearer(token)).when().get("/api/me").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("commissioner"), me.getList("account.roles"), me.prettify());
        assertEquals("RK5", me.getString("account.organisation.code"), me.prettify());
    }

    @Test
    void aRejectedRequestIsToldAndMakesNoAccount() {
        var email = address("rejected");
        ask(email, null).statusCode(202);
        long id = confirm(email);
        as("demo-admin").body(Map.of("note", "We could not confirm where you work")).when().post("/api/account-requests/" + id + "/rejection")
                .then().statusCode(200).body("state", equalTo("rejected"));
        var mails = AccountFixtures.securityMail(email);
        assertTrue(mails.get(mails.size() - 1).text().contains("did not approve"), mails.get(mails.size() - 1).text());
        assertTrue(mails.get(mails.size() - 1).text().contains("We could not confirm where you work"));
        as("demo-admin").body(Map.of()).when().post("/api/account-requests/" + id + "/approval").then().statusCode(409);
    }

    @Test
    void anUnconfirmedRequestCannotBeApprovedAndItsLinkWorksOnce() {
        var email = address("unconfirmed");
        ask(email, null).statusCode(202);
        var id = as("demo-programme").queryParam("state", "unconfirmed").when().get("/api/account-requests").then().statusCode(200)
                .extract().jsonPath().getLong("find { it.email == '" + email + "' }.id");
        as("demo-programme").body(Map.of()).when().post("/api/account-requests/" + id + "/approval").then().statusCode(409);
        var token = linkToken(email);
        given().contentType(ContentType.JSON).body(Map.of("token", token)).when().post("/api/account-requests/confirmation").then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("token", token)).when().post("/api/account-requests/confirmation").then().statusCode(410);
    }

    @Test
    void anExpiredConfirmationLinkIsGone() {
        var email = address("lateconfirm");
        ask(email, null).statusCode(202);
        var token = linkToken(email);
        AccountFixtures.expireLinksTo(email);
        given().contentType(ContentType.JSON).body(Map.of("token", token)).when().post("/api/account-requests/confirmation").then().statusCode(410);
    }

    @Test
    void anAddressWithAnAccountGetsTheSameAnswerAndAMailSayingSo() {
        var existing = AccountFixtures.claimedLeader("Evan Existing");
        var known = ask(existing, null).statusCode(202).extract().jsonPath();
        var fresh = ask(address("evan"), null).statusCode(202).extract().jsonPath();
        assertEquals(fresh.getString("domain.kind"), known.getString("domain.kind"));
        assertEquals(fresh.getString("next").replaceAll("\\S+@\\S+", "X"), known.getString("next").replaceAll("\\S+@\\S+", "X"));
        var mails = AccountFixtures.securityMail(existing);
        assertTrue(mails.get(mails.size() - 1).subject().contains("already have"), mails.get(mails.size() - 1).subject());
        as("demo-programme").queryParam("state", "unconfirmed").when().get("/api/account-requests").then().statusCode(200)
                .body("email", not(hasItem(existing)));
    }

    @Test
    void aDisabledAccountsAddressGetsTheSameAnswerAndNoMail() {
        var existing = AccountFixtures.claimedLeader("Dina Disabled");
        as("demo-admin").when().post("/api/admin/accounts/" + AccountFixtures.accountId(existing) + "/disable").then().statusCode(200);
        int before = AccountFixtures.securityMail(existing).size();
        ask(existing, null).statusCode(202).body("domain.kind", equalTo("none"));
        assertEquals(before, AccountFixtures.securityMail(existing).size());
    }

    /** Anyone can type an address: asking again must not change what its owner asked for and confirmed. */
    @Test
    void askingAgainWithOtherDetailsChangesNeitherAConfirmedRequestNorOneWhoseLinkWasJustMailed() {
        var confirmed = address("confirmed-then-forged");
        ask(confirmed, "RK5").statusCode(202);
        long id = confirm(confirmed);
        var forged = Map.of("email", confirmed, "fullName", "Someone Else", "jobTitle", "Director of Everything", "organisation", "E10000024");
        given().contentType(ContentType.JSON).body(forged).when().post("/api/account-requests").then().statusCode(202);
        as("demo-programme").when().get("/api/account-requests").then().statusCode(200)
                .body("find { it.id == " + id + " }.fullName", equalTo("Asha Asker"))
                .body("find { it.id == " + id + " }.organisation.code", equalTo("RK5"));

        var fresh = address("just-mailed-then-forged");
        ask(fresh, "RK5").statusCode(202);
        given().contentType(ContentType.JSON).body(Map.of("email", fresh, "fullName", "Someone Else")).when().post("/api/account-requests")
                .then().statusCode(202);
        long freshId = confirm(fresh);
        as("demo-programme").when().get("/api/account-requests").then().statusCode(200)
                .body("find { it.id == " + freshId + " }.fullName", equalTo("Asha Asker"));
    }

    @Test
    void askingAgainAtOnceMailsOneLink() {
        var email = address("twice");
        ask(email, null).statusCode(202);
        ask(email, null).statusCode(202);
        assertEquals(1, AccountFixtures.securityMail(email).size());
    }

    @Test
    void badInputNamesTheField() {
        ask("not-an-address", null).statusCode(400).body("violations[0].field", equalTo("email"));
        ask(address("x"), "NOSUCHORG").statusCode(400).body("violations[0].field", equalTo("organisation"));
        as("demo-programme").queryParam("state", "everything").when().get("/api/account-requests").then().statusCode(400);
    }

    @Test
    void aNameOrJobTitleWithLineBreaksIsRefusedAndNothingIsStoredOrMailed() {
        // the name is said in the mail to the address given, so lines of its own would be a stranger's text in our mail
        var email = address("phish");
        given().contentType(ContentType.JSON).body(Map.of("email", email, "fullName", "A\n\nclick http://evil.example/login"))
                .when().post("/api/account-requests").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("fullName"));
        given().contentType(ContentType.JSON).body(Map.of("email", email, "fullName", "Asha Asker", "jobTitle", "Head\rof care"))
                .when().post("/api/account-requests").then().statusCode(400).body("violations.field", hasItem("jobTitle"));
        given().contentType(ContentType.JSON).body(Map.of("email", email, "fullName", "Asha\tAsker"))
                .when().post("/api/account-requests").then().statusCode(400).body("violations.field", hasItem("fullName"));
        as("demo-programme").queryParam("state", "unconfirmed").when().get("/api/account-requests").then().statusCode(200)
                .body("email", not(hasItem(email)));
        assertEquals(0, org.joinedup.mail.MailFixtures.countTo(email), "no confirmation mail queued");
    }

    @Test
    void thePageHasTheApisLimitsAndRefusesLineBreaksBesideTheField() {
        var email = address("page.limits");
        var page = given().when().get("/account/request").then().statusCode(200).extract();
        var csrf = org.joinedup.web.PageForms.csrfOf(page.body().asString());
        given().cookies(page.cookies()).formParam("csrf", csrf).formParam("email", email).formParam("fullName", "y".repeat(201))
                .formParam("jobTitle", "Head of Integration").when().post("/account/request").then().statusCode(400)
                .body(containsString("id=\"fullName-error\""));
        given().cookies(page.cookies()).formParam("csrf", csrf).formParam("email", email).formParam("fullName", "Asha Asker")
                .formParam("jobTitle", "j".repeat(201)).when().post("/account/request").then().statusCode(400)
                .body(containsString("id=\"jobTitle-error\""));
        given().cookies(page.cookies()).formParam("csrf", csrf).formParam("email", email).formParam("fullName", "Asha\r\nBcc: x@example.org")
                .when().post("/account/request").then().statusCode(400).body(containsString("id=\"fullName-error\""));
        as("demo-programme").queryParam("state", "unconfirmed").when().get("/api/account-requests").then().statusCode(200)
                .body("email", not(hasItem(email)));
    }
}
