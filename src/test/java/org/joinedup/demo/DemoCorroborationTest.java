package org.joinedup.demo;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.joinedup.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo's corroboration is given by illustrative demo accounts, and demo-leader's records show each state. */
@QuarkusTest
class DemoCorroborationTest {

    @BeforeAll
    static void anonymous() {
        Fixtures.actAnonymously();
    }

    private static JsonPath as(String account, String path) {
        return given().header("Authorization", Fixtures.bearer(Fixtures.token(account))).when().get(path).then().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    void demoPartnerAccountsAreIllustrativeAndBelongToTheirOrganisation() {
        List<Map<String, Object>> accounts = as("demo-admin", "/api/admin/accounts?size=100&page=0").getList("items");
        var all = new ArrayList<Map<String, Object>>(accounts);
        int total = as("demo-admin", "/api/admin/accounts?size=100&page=0").getInt("total");
        for (int page = 1; page * 100 < total; page++) {
            all.addAll(as("demo-admin", "/api/admin/accounts?size=100&page=" + page).getList("items"));
        }
        var partners = all.stream().filter(a -> a.get("username").toString().startsWith("demo-partner-")).toList();
        assertTrue(partners.size() >= 10, "demo partner accounts: " + partners.size());
        for (var partner : partners) {
            @SuppressWarnings("unchecked")
            var organisation = (Map<String, Object>) partner.get("organisation");
            assertEquals(Boolean.TRUE, partner.get("illustrative"), partner.toString());
            assertEquals("demo-partner-" + organisation.get("code").toString().toLowerCase(Locale.ROOT), partner.get("username"));
            assertTrue(partner.get("fullName") != null && partner.get("jobTitle") != null, partner.toString());
        }
        assertTrue(all.stream().anyMatch(a -> a.get("username").equals(DemoCorroboration.VERIFIER) && Boolean.TRUE.equals(a.get("illustrative"))));
    }

    @Test
    void demoLeadersRecordsShowAskedConfirmedRejectedAndChangedSinceVerified() {
        long leaderId = as("demo-leader", "/api/me").getLong("leader.id");
        var records = as("demo-leader", "/api/leaders/" + leaderId + "/records?size=100");
        List<Map<String, Object>> items = records.get("$") instanceof List ? records.getList("$") : records.getList("items");
        assertTrue(items.size() >= 3, "demo-leader's records: " + items.size());
        // by state, whatever order the records are listed in
        assertTrue(items.stream().anyMatch(r -> "endorsed".equals(r.get("verification")) && endorsements(r).stream().anyMatch(e ->
                "confirmed".equals(e.get("decision")) && Boolean.TRUE.equals(e.get("illustrative"))
                        && e.get("source").toString().startsWith("confirmed by "))), "a record confirmed by a demo partner");
        assertTrue(items.stream().anyMatch(r -> given().header("Authorization", Fixtures.bearer(Fixtures.token("demo-leader"))).when()
                .get("/api/records/" + r.get("id") + "/corroboration-requests").then().statusCode(200).extract().jsonPath()
                .getList("answered").contains(false)), "a record asked of a partner who has not answered");
        assertTrue(items.stream().anyMatch(r -> endorsements(r).stream().anyMatch(e -> "rejected".equals(e.get("decision")))),
                "a record a partner rejected");
        assertTrue(items.stream().anyMatch(r -> "changed since it was verified: ask again".equals(r.get("corroboration"))
                && endorsements(r).stream().anyMatch(e -> "verification".equals(e.get("kind")) && "earlier-version".equals(e.get("status")))),
                "a record changed since it was verified");
    }

    @Test
    void theFilesVerifiedRecordsAreVerifiedByTheDemoProgrammeAccount() {
        Fixtures.awaitIndexInStep(Duration.ofSeconds(120));
        long verified = given().header("Authorization", Fixtures.bearer(Fixtures.token("demo-admin")))
                .when().get("/api/search/leaders?verification=verified&size=1").then().statusCode(200).extract().jsonPath().getLong("total");
        assertTrue(verified >= 10, "verified demo leaders in search: " + verified);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> endorsements(Map<String, Object> record) {
        return (List<Map<String, Object>>) record.get("endorsements");
    }
}
