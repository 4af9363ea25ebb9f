package org.joinedup.web;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import org.joinedup.Fixtures;
import org.joinedup.recognition.NominationRound;
import org.joinedup.recognition.RoundFixtures;
import org.joinedup.security.Roles;

/**
 * A round in judging for the judging pages: judge A of an organisation (so the nominee of that
 * organisation is a suggested conflict) signs in on pages; judge B has declared none and scored all
 * three through the API. Selects two, ranks one.
 */
final class JudgingPagesFixtures {

    final String judgeA;
    final long judgeAId;
    final RoundFixtures.TestAccount judgeB;
    final long own;
    final long other;
    final long third;
    final long round;

    JudgingPagesFixtures(EntityManager em, String listVisibility) {
        var admin = Fixtures.bearer(Fixtures.token("demo-admin"));
        var organisation = Fixtures.organisation("Judging Pages Test Trust");
        judgeA = "judging-pages-a-" + System.nanoTime();
        judgeAId = given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(Map.of("username", judgeA, "password", Fixtures.DEMO_PASSWORD, "roles", List.of(Roles.COMMISSIONER), "organisation", organisation))
                .when().post("/api/admin/accounts").then().statusCode(201).extract().jsonPath().getLong("id");
        judgeB = RoundFixtures.account(Roles.COMMISSIONER, null, null);
        var ownLeader = Fixtures.leader("Ada Ownorg");
        ownLeader.put("organisation", organisation);
        own = leader(admin, ownLeader);
        other = leader(admin, Fixtures.leader("Ben Otherorg"));
        third = leader(admin, Fixtures.leader("Cy Thirdorg"));
        round = RoundFixtures.judgingRound(em, List.of(judgeAId, judgeB.id()), listVisibility, 2, 1);
        for (long nominee : List.of(own, other, third)) {
            RoundFixtures.nominate(em, round, nominee, judgeB.id());
        }
        RoundFixtures.declareNone(judgeB, round);
        RoundFixtures.score(judgeB, round, own, 4, 4);
        RoundFixtures.score(judgeB, round, other, 5, 5);
        RoundFixtures.score(judgeB, round, third, 3, 3);
    }

    static JudgingPagesFixtures publicList(EntityManager em) {
        return new JudgingPagesFixtures(em, NominationRound.LIST_PUBLIC);
    }

    static long leader(String admin, Map<String, Object> body) {
        return given().header("Authorization", admin).contentType(ContentType.JSON).body(body).when().post("/api/leaders").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }
}
