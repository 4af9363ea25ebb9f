package org.joinedup.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.joinedup.security.SecurityFixtures.as;
import static org.joinedup.security.SecurityFixtures.withToken;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.joinedup.Fixtures;
import org.joinedup.organisation.OrganisationDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An account belongs to at most one organisation, set by an admin or programme staff, and shows it. */
@QuarkusTest
class AccountOrganisationTest {

    private static final String PASSWORD = SecurityFixtures.PASSWORD;
    private static final String SHERWOOD = "RK5";
    private static final String SHERWOOD_NAME = "Sherwood Forest Hospitals NHS Foundation Trust";

    @BeforeAll
    static void anonymous() {
        Fixtures.actAnonymously();
    }

    private static String name(String prefix) {
        return prefix + "-" + System.nanoTime();
    }

    private static long account(String username, Map<String, Object> extra, String... roles) {
        var body = new HashMap<String, Object>(Map.of("username", username, "password", PASSWORD, "roles", List.of(roles)));
        body.putAll(extra);
        return as("demo-admin").contentType(ContentType.JSON).body(body)
                .when().post("/api/admin/accounts").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static ValidatableResponse setOrganisation(RequestSpecification caller, long id, String code) {
        var body = new HashMap<String, Object>();
        body.put("organisation", code);
        return caller.contentType(ContentType.JSON).body(body).when().put("/api/accounts/" + id + "/organisation").then();
    }

    @Test
    void anAccountCreatedWithAnOrganisationShowsItWithNameAndTitle() {
        var username = name("pat-partner");
        account(username, Map.of("fullName", "Pat Partner", "jobTitle", "Director", "organisation", SHERWOOD), Roles.COMMISSIONER);

        withToken(Fixtures.token(username, PASSWORD)).when().get("/api/me").then().statusCode(200)
                .body("account.fullName", equalTo("Pat Partner"))
                .body("account.jobTitle", equalTo("Director"))
                .body("account.organisation.code", equalTo(SHERWOOD))
                .body("account.organisation.name", equalTo(SHERWOOD_NAME))
                .body("account.illustrative", equalTo(false));
    }

    @Test
    void anUnknownOrganisationCodeIsRefusedOnCreateNamingTheFieldWithAHint() {
        var username = name("nowhere");
        as("demo-admin").contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", PASSWORD, "roles", List.of(Roles.COMMISSIONER), "organisation", "NOPE1"))
                .when().post("/api/admin/accounts").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("organisation"))
                .body("violations.message", hasItem(containsString(OrganisationDirectory.LOOKUP_HINT)));
        // nothing half-written: the username is still free
        account(username, Map.of(), Roles.COMMISSIONER);
    }

    @Test
    void programmeStaffSetAndClearAnAccountsOrganisationAndItIsAudited() {
        long id = account(name("moved"), Map.of(), Roles.COMMISSIONER);

        setOrganisation(as("demo-programme"), id, SHERWOOD).statusCode(200)
                .body("organisation.code", equalTo(SHERWOOD)).body("organisation.name", equalTo(SHERWOOD_NAME));
        as("demo-admin").when().get("/api/admin/audit?action=organisation-change&entityType=account&entityId=" + id).then().statusCode(200)
                .body("items[0].actor", equalTo("demo-programme"))
                .body("items[0].before.organisation", nullValue())
                .body("items[0].after.organisation.code", equalTo(SHERWOOD));

        setOrganisation(as("demo-admin"), id, null).statusCode(200).body("organisation", nullValue());
    }

    @Test
    void anUnknownCodeIsA400AndChangesNothing() {
        long id = account(name("unchanged"), Map.of("organisation", SHERWOOD), Roles.COMMISSIONER);

        setOrganisation(as("demo-admin"), id, "NOPE1").statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("organisation"))
                .body("violations[0].message", containsString(OrganisationDirectory.LOOKUP_HINT));
        setOrganisation(as("demo-admin"), id, SHERWOOD).statusCode(200).body("organisation.code", equalTo(SHERWOOD));
    }

    @Test
    void anUnknownAccountIsA404() {
        setOrganisation(as("demo-programme"), 987_654_321L, SHERWOOD).statusCode(404).contentType("application/problem+json");
    }

    @Test
    void commissionersAndLeadersMayNotSetOrganisations() {
        var username = name("self-service");
        long id = account(username, Map.of(), Roles.COMMISSIONER);

        setOrganisation(withToken(Fixtures.token(username, PASSWORD)), id, SHERWOOD).statusCode(403).contentType("application/problem+json");
        setOrganisation(as("demo-commissioner"), id, SHERWOOD).statusCode(403);
        setOrganisation(as("demo-leader"), id, SHERWOOD).statusCode(403);
        setOrganisation(given(), id, SHERWOOD).statusCode(401);
        withToken(Fixtures.token(username, PASSWORD)).when().get("/api/me").then().body("account.organisation", nullValue());
    }

    @Test
    void programmeStaffMayNotChangeAnAdminsOrganisationButAnAdminMay() {
        long admin = account(name("other-admin"), Map.of(), Roles.ADMIN);

        setOrganisation(as("demo-programme"), admin, SHERWOOD).statusCode(403).contentType("application/problem+json");
        setOrganisation(as("demo-admin"), admin, SHERWOOD).statusCode(200).body("organisation.code", equalTo(SHERWOOD));
    }

    @Test
    void programmeStaffMayNotSetTheirOwnOrganisation() {
        var username = name("self-placing");
        long self = account(username, Map.of(), Roles.PROGRAMME);
        var token = Fixtures.token(username, PASSWORD);

        setOrganisation(withToken(token), self, SHERWOOD).statusCode(403).contentType("application/problem+json");
        withToken(token).when().get("/api/me").then().body("account.organisation", nullValue());
        setOrganisation(as("demo-admin"), self, SHERWOOD).statusCode(200);
    }
}
