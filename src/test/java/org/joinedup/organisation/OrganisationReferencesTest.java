package org.joinedup.organisation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.joinedup.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A record's partners and a leader's own organisation are organisation codes: checked, shown as organisations, round-tripped. */
@QuarkusTest
class OrganisationReferencesTest {

    @BeforeAll
    static void actAsAdmin() {
        Fixtures.actAs("demo-admin");
    }

    @Test
    void anUnknownPartnerCodeIsA400NamingItWithTheHintAndWritesNothing() {
        long leader = Fixtures.createLeader(Fixtures.leader("Partner Checker " + System.nanoTime()));
        var record = Fixtures.record("Unknown partner");
        record.put("partnerOrganisations", List.of("ZZZ99", "RK5"));
        given().contentType(ContentType.JSON).body(record).when().post("/api/leaders/" + leader + "/records").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("partnerOrganisations[0]"))
                .body("violations[0].message", containsString("GET /api/organisations?q="));
        given().when().get("/api/leaders/" + leader + "/records").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void partnersAreShownAsOrganisationsAndAcceptedAsObjectsSoAGetCanBePutBack() {
        long leader = Fixtures.createLeader(Fixtures.leader("Partner Round Trip " + System.nanoTime()));
        var record = Fixtures.record("Partners round trip");
        record.put("partnerOrganisations", List.of(Map.of("code", "RK5", "name", "whatever the client kept"), "E54000060"));
        long id = Fixtures.createRecord(leader, record);
        var shown = given().when().get("/api/records/" + id).then().statusCode(200)
                .body("partnerOrganisations[0].code", equalTo("RK5"))
                .body("partnerOrganisations[0].name", equalTo("Sherwood Forest Hospitals NHS Foundation Trust"))
                .body("partnerOrganisations[1].kind", equalTo("icb"))
                .extract().asString();
        var updated = given().contentType(ContentType.JSON).body(shown).when().put("/api/records/" + id).then().statusCode(200)
                .body("partnerOrganisations.code", equalTo(List.of("RK5", "E54000060"))).extract().asString();
        // an unknown code on update leaves the record as it was
        var broken = updated.replace("\"E54000060\"", "\"E54999999\"");
        given().contentType(ContentType.JSON).body(broken).when().put("/api/records/" + id).then().statusCode(400)
                .body("violations[0].field", equalTo("partnerOrganisations[1]"));
        given().when().get("/api/records/" + id).then().statusCode(200).body("partnerOrganisations.code", equalTo(List.of("RK5", "E54000060")));
    }

    @Test
    void anOrganisationOrAreaObjectHoldsOnlyWhatAGetShowsAndItsCodeIsAString() {
        long leader = Fixtures.createLeader(Fixtures.leader("Partner Object Checker " + System.nanoTime()));
        Map<Object, String> badPartners = new LinkedHashMap<>();
        badPartners.put(Map.of("code", "RK5", "colour", "green"), "partnerOrganisations[0].colour");
        badPartners.put(Map.of("code", 5), "partnerOrganisations[0].code");
        badPartners.put(Map.of("code", List.of("RK5")), "partnerOrganisations[0].code");
        badPartners.put(Map.of("name", "no code"), "partnerOrganisations[0]");
        badPartners.forEach((partner, field) -> {
            var record = Fixtures.record("Bad partner object");
            record.put("partnerOrganisations", List.of(partner, "E54000060"));
            given().contentType(ContentType.JSON).body(record).when().post("/api/leaders/" + leader + "/records").then().statusCode(400)
                    .contentType("application/problem+json").body("violations.field", equalTo(List.of(field)));
        });
        given().when().get("/api/leaders/" + leader + "/records").then().statusCode(200).body("total", equalTo(0));

        var shown = given().when().get("/api/leaders/" + leader).then().statusCode(200).extract().jsonPath().getMap("");
        Map<String, Object> area = new HashMap<>(Map.of("code", "E10000024", "name", "Nottinghamshire", "favourite", true));
        for (var bad : List.of(Map.of("homeArea", area, "field", "homeArea.favourite"),
                Map.of("homeArea", Map.of("code", 42), "field", "homeArea.code"),
                Map.of("organisation", Map.of("code", "RK5", "phone", "0115"), "field", "organisation.phone"))) {
            var body = new HashMap<>(shown);
            body.put("name", "Renamed by a bad request");
            bad.forEach((key, value) -> {
                if (!key.equals("field")) {
                    body.put(key, value);
                }
            });
            given().contentType(ContentType.JSON).body(body).when().put("/api/leaders/" + leader).then().statusCode(400)
                    .contentType("application/problem+json").body("violations.field", equalTo(List.of(bad.get("field"))));
        }
        given().when().get("/api/leaders/" + leader).then().statusCode(200).body("name", containsString("Partner Object Checker"));
    }

    @Test
    void aLeadersOrganisationIsACodeShownAsAnOrganisation() {
        var leader = Fixtures.leader("Organisation Leader " + System.nanoTime());
        leader.put("organisation", "RK5");
        long id = Fixtures.createLeader(leader);
        var shown = given().when().get("/api/leaders/" + id).then().statusCode(200)
                .body("organisation.code", equalTo("RK5"))
                .body("organisation.name", equalTo("Sherwood Forest Hospitals NHS Foundation Trust"))
                .extract().asString();
        given().contentType(ContentType.JSON).body(shown).when().put("/api/leaders/" + id).then().statusCode(200)
                .body("organisation.code", equalTo("RK5"));

        int before = given().when().get("/api/leaders").then().statusCode(200).extract().jsonPath().getInt("total");
        var unknown = Fixtures.leader("Unknown Organisation Leader " + System.nanoTime());
        unknown.put("organisation", "Sherwood Forest Hospitals");
        given().contentType(ContentType.JSON).body(unknown).when().post("/api/leaders").then().statusCode(400)
                .body("violations[0].field", equalTo("organisation"))
                .body("violations[0].message", containsString("GET /api/organisations?q="));
        given().when().get("/api/leaders").then().statusCode(200).body("total", equalTo(before));

        var none = Fixtures.leader("No Organisation Leader " + System.nanoTime());
        none.remove("organisation");
        long noneId = Fixtures.createLeader(none);
        given().when().get("/api/leaders/" + noneId).then().statusCode(200).body("organisation", nullValue());
    }
}
