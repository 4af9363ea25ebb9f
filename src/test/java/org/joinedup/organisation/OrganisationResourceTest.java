package org.joinedup.organisation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.joinedup.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Finding organisations and adding unlisted ones through /api/organisations. */
@QuarkusTest
class OrganisationResourceTest {

    @BeforeAll
    static void anonymous() {
        Fixtures.actAnonymously();
    }

    private static String token(String account) {
        return Fixtures.bearer(Fixtures.token(account));
    }

    @Test
    void findsByEveryWordOfTheName() {
        given().queryParam("q", "sherwood hospitals").when().get("/api/organisations").then().statusCode(200)
                .body("items.code", hasItem("RK5"))
                .body("items.name", everyItem(containsString("Sherwood")));
        given().queryParam("q", "Nottinghamshire County Council").when().get("/api/organisations").then().statusCode(200)
                .body("items[0].code", equalTo("E10000024")).body("items[0].kind", equalTo("council"));
    }

    @Test
    void filtersByKind() {
        given().queryParam("q", "nottingham").queryParam("kind", "icb").when().get("/api/organisations").then().statusCode(200)
                .body("items.code", hasItem("E54000060")).body("items.kind", everyItem(equalTo("icb")));
        given().queryParam("kind", "hospital").when().get("/api/organisations").then().statusCode(400)
                .body("violations[0].field", equalTo("kind"));
    }

    @Test
    void closedTrustsOnlyWhenAskedAndWithTheirSuccessor() {
        given().queryParam("q", "Southport Ormskirk").when().get("/api/organisations").then().statusCode(200)
                .body("items.code", not(hasItem("RVY"))).body("items.closed", everyItem(equalTo(false)));
        given().queryParam("q", "Southport Ormskirk").queryParam("closed", "true").queryParam("size", 100).when().get("/api/organisations")
                .then().statusCode(200).body("items.code", hasItem("RVY"));
        given().when().get("/api/organisations/RVY").then().statusCode(200)
                .body("closed", equalTo(true)).body("successorCode", equalTo("RBN")).body("successorName", containsString("Mersey and West Lancashire"));
    }

    @Test
    void oneByCodeOr404() {
        given().when().get("/api/organisations/RK5").then().statusCode(200)
                .body("name", equalTo("Sherwood Forest Hospitals NHS Foundation Trust")).body("kind", equalTo("nhs-trust")).body("closed", equalTo(false));
        given().when().get("/api/organisations/NOPE1").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void programmeStaffAddAnUnlistedOrganisation() {
        var name = "Quillby Valley GP Federation " + System.nanoTime();
        var code = given().header("Authorization", token("demo-programme")).contentType(ContentType.JSON).body(Map.of("name", name))
                .when().post("/api/organisations").then().statusCode(201)
                .header("Location", matchesPattern(".*/api/organisations/U\\d{5}"))
                .body("kind", equalTo("unlisted")).body("name", equalTo(name)).body("code", matchesPattern("U\\d{5}"))
                .extract().jsonPath().getString("code");
        given().when().get("/api/organisations/" + code).then().statusCode(200).body("name", equalTo(name));
    }

    @Test
    void aNameVariantOfAnExistingOrganisationIsAConflictNamingIt() {
        given().header("Authorization", token("demo-programme")).contentType(ContentType.JSON).body(Map.of("name", "sherwood forest hospitals trust"))
                .when().post("/api/organisations").then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("RK5"));
    }

    @Test
    void aNameOfNothingButNoiseIsRefused() {
        given().header("Authorization", token("demo-programme")).contentType(ContentType.JSON).body(Map.of("name", "NHS Foundation Trust"))
                .when().post("/api/organisations").then().statusCode(400).body("violations[0].field", equalTo("name"));
    }

    @Test
    void onlyProgrammeStaffAndAdminsAdd() {
        given().header("Authorization", token("demo-commissioner")).contentType(ContentType.JSON).body(Map.of("name", "Commissioned Body"))
                .when().post("/api/organisations").then().statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("name", "Anonymous Body")).when().post("/api/organisations").then().statusCode(401);
        given().queryParam("q", "Commissioned Body").when().get("/api/organisations").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void theSameNewNameAddedEightTimesAtOnceIsAddedOnce() throws Exception {
        var name = "Simultaneous Voluntary Alliance " + System.nanoTime();
        var bearer = token("demo-programme");
        var pool = Executors.newFixedThreadPool(8);
        var start = new CountDownLatch(1);
        try {
            var answers = new ArrayList<Future<Integer>>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return given().header("Authorization", bearer).contentType(ContentType.JSON).body(Map.of("name", name))
                            .when().post("/api/organisations").then().extract().statusCode();
                }));
            }
            start.countDown();
            var statuses = new ArrayList<Integer>();
            for (var answer : answers) {
                statuses.add(answer.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
            assertEquals(7, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
        given().queryParam("q", name).when().get("/api/organisations").then().statusCode(200).body("total", equalTo(1));
    }
}
