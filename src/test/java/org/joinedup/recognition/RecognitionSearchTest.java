package org.joinedup.recognition;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.joinedup.Fixtures.awaitIndexInStep;
import static org.joinedup.Fixtures.createLeader;
import static org.joinedup.Fixtures.createRecord;
import static org.joinedup.Fixtures.leader;
import static org.joinedup.Fixtures.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.joinedup.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * "Recognised" in search and on profiles (docs/recognition.md). The rounds and their results
 * are written here as the judging feature will store them, then published the way it will: by
 * firing {@link RoundPublished} in the publishing transaction.
 */
@QuarkusTest
class RecognitionSearchTest {

    private static final String WORD = "Quillonmere";

    /** Selected by a published public round, ranked 1. */
    private static long publicOne;
    /** Selected by a published round whose list is for signed-in people. */
    private static long signedInOne;
    /** Selected by a published programme-only round. */
    private static long programmeOne;
    /** On the public round's list, not selected. */
    private static long notSelected;
    /** Selected by a public round that is closed, not yet published. */
    private static long unpublished;
    /** In no round. */
    private static long nobody;
    private static long publicRound;
    private static int publicYear;

    @Inject
    EntityManager entityManager;

    @Inject
    Event<RoundPublished> publishing;

    @BeforeEach
    void rounds() {
        Fixtures.actAs("demo-admin");
        if (publicOne != 0) {
            return;
        }
        publicOne = leaderWithRecord("Ada " + WORD);
        signedInOne = leaderWithRecord("Ben " + WORD);
        programmeOne = leaderWithRecord("Cai " + WORD);
        notSelected = leaderWithRecord("Dee " + WORD);
        unpublished = leaderWithRecord("Eve " + WORD);
        nobody = leaderWithRecord("Fay " + WORD);
        awaitIndexInStep(Duration.ofSeconds(60));
        assertEquals(List.of(), found(search(Map.of("recognised", "yes"))), "no one is recognised before any round is published");

        var published = Instant.now().minus(1, ChronoUnit.DAYS);
        publicYear = published.atZone(ZoneId.of("Europe/London")).getYear();
        QuarkusTransaction.requiringNew().run(() -> {
            publicRound = round("Public round " + WORD, NominationRound.LIST_PUBLIC, published);
            result(publicRound, 1, publicOne, true, true);
            result(publicRound, 2, notSelected, false, false);
            // a place kept for someone who has since left the registry: publishing passes over it
            entityManager.createNativeQuery("insert into round_result (round_id, position, nominee_leader_id, computed_position,"
                    + " judges_counted, selected, ranked) values (:round, 3, null, 3, 0, false, false)").setParameter("round", publicRound)
                    .executeUpdate();
            result(round("Signed-in round " + WORD, NominationRound.LIST_SIGNED_IN, published), 1, signedInOne, true, false);
            result(round("Programme round " + WORD, NominationRound.LIST_PROGRAMME, published), 1, programmeOne, true, false);
            result(round("Closed round " + WORD, NominationRound.LIST_PUBLIC, null), 1, unpublished, true, true);
        });
        // the index does not know yet: nothing has told it
        awaitIndexInStep(Duration.ofSeconds(60));
        assertEquals(List.of(), found(search(Map.of("recognised", "yes"))), "not reindexed before the publication's event");
        QuarkusTransaction.requiringNew().run(() -> publishing.fire(new RoundPublished(publicRound)));
        awaitIndexInStep(Duration.ofSeconds(60));
    }

    private static long leaderWithRecord(String name) {
        long id = createLeader(leader(name));
        createRecord(id, record("Joined-up work of " + name));
        return id;
    }

    /** A round as the round and judging features store it: closed, and published when {@code published} is given. */
    private long round(String name, String list, Instant published) {
        var round = new NominationRound();
        round.name = name;
        round.question = "Who joined up care?";
        var today = java.time.LocalDate.now();
        round.nominationsOpenOn = today.minusDays(90);
        round.nominationsCloseOn = today.minusDays(60);
        round.judgingCloseOn = today.minusDays(30);
        round.selectCount = 1;
        round.rankCount = 1;
        round.nominators = NominationRound.NOMINATORS_SIGNED_IN;
        round.listVisibility = list;
        round.closedAt = Instant.now().minus(2, ChronoUnit.DAYS);
        round.publishedAt = published;
        round.persist();
        entityManager.flush();
        return round.id;
    }

    private void result(long round, int position, long leader, boolean selected, boolean ranked) {
        entityManager.createNativeQuery("insert into round_result (round_id, position, nominee_leader_id, computed_position, mean_score,"
                + " judges_counted, selected, ranked) values (:round, :position, :leader, :position, 4.0, 3, :selected, :ranked)")
                .setParameter("round", round).setParameter("position", position).setParameter("leader", leader)
                .setParameter("selected", selected).setParameter("ranked", ranked).executeUpdate();
    }

    private static JsonPath search(Map<String, ?> params) {
        return given().queryParam("q", WORD).queryParams(params).when().get("/api/search/leaders").then().statusCode(200).extract().jsonPath();
    }

    private static List<Long> found(JsonPath result) {
        return result.getList("hits.leader.id", Long.class);
    }

    private static Map<String, Integer> counts(JsonPath result) {
        var counts = new HashMap<String, Integer>();
        for (Map<?, ?> bucket : result.getList("facets.recognised", Map.class)) {
            counts.put((String) bucket.get("code"), ((Number) bucket.get("leaders")).intValue());
        }
        return counts;
    }

    @Test
    void recognisedYesFindsExactlyTheSelectedOfPublishedPublicRounds() {
        Fixtures.actAnonymously();
        assertEquals(List.of(publicOne), found(search(Map.of("recognised", "yes"))));
        var no = found(search(Map.of("recognised", "no")));
        assertEquals(5, no.size(), "" + no);
        assertTrue(no.containsAll(List.of(signedInOne, programmeOne, notSelected, unpublished, nobody)));
        assertTrue(search(Map.of("recognised", "yes")).getList("hits[0].why", String.class).stream()
                .anyMatch(w -> w.contains("recognised in a published nomination round")));
    }

    @Test
    void theFacetCountsTheSameForEveryoneAndFollowsItsFilter() {
        for (var account : List.of("demo-leader", "demo-programme")) {
            Fixtures.actAs(account);
            assertEquals(Map.of("yes", 1, "no", 5), counts(search(Map.of())), account + ": only public rounds count");
        }
        Fixtures.actAnonymously();
        var all = search(Map.of());
        assertEquals(Map.of("yes", 1, "no", 5), counts(all));
        assertTrue(all.getList("facets.recognised.label", String.class).containsAll(List.of("Recognised", "Not recognised")));
        assertEquals(Map.of("yes", 1), counts(search(Map.of("recognised", "yes"))), "choosing yes leaves no to count");
    }

    @Test
    void theFindPageOffersTheFacetWithItsCounts() {
        Fixtures.actAnonymously();
        var page = given().queryParam("q", WORD).when().get("/find").then().statusCode(200).extract().asString();
        assertTrue(page.contains("id=\"filter-recognised\""), page);
        assertTrue(page.contains("Recognised <span class=\"facet-count\">(1)</span>"), page);
        assertTrue(page.contains("Not recognised <span class=\"facet-count\">(5)</span>"), page);
    }

    @Test
    void aValueOtherThanYesOrNoIsA400NamingTheParameter() {
        given().queryParam("recognised", "maybe").when().get("/api/search/leaders").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("recognised")).body("violations[0].allowed", equalTo(List.of("yes", "no")));
    }

    @Test
    void theProfileListsRecognitionsAsFarAsTheCallerMaySeeEachList() {
        Fixtures.actAnonymously();
        var line = given().when().get("/api/leaders/" + publicOne).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(Map.of("roundId", (int) publicRound, "round", "Public round " + WORD, "year", publicYear, "position", 1,
                "ranked", true)), line.getList("recognitions"));
        for (var leader : List.of(signedInOne, programmeOne, notSelected, unpublished, nobody)) {
            given().when().get("/api/leaders/" + leader).then().statusCode(200).body("recognitions", equalTo(List.of()));
        }
        Fixtures.actAs("demo-leader");
        given().when().get("/api/leaders/" + signedInOne).then().statusCode(200)
                .body("recognitions.round", equalTo(List.of("Signed-in round " + WORD)));
        given().when().get("/api/leaders/" + programmeOne).then().statusCode(200).body("recognitions", equalTo(List.of()));
        Fixtures.actAs("demo-programme");
        given().when().get("/api/leaders/" + programmeOne).then().statusCode(200)
                .body("recognitions.round", equalTo(List.of("Programme round " + WORD)))
                .body("recognitions[0].ranked", equalTo(false));
        given().when().get("/api/leaders/" + notSelected).then().statusCode(200).body("recognitions", equalTo(List.of()));
        given().when().get("/api/leaders/" + unpublished).then().statusCode(200).body("recognitions", equalTo(List.of()));
    }

    @Test
    void theProfilePageSaysRecognisedInTheRoundAndYear() {
        Fixtures.actAnonymously();
        given().when().get("/leaders/" + publicOne).then().statusCode(200)
                .body(containsString("Recognised in Public round " + WORD + ", " + publicYear + " (ranked 1)"));
        given().when().get("/leaders/" + signedInOne).then().statusCode(200).body(not(containsString("Recognised in")));
        Fixtures.actAs("demo-leader");
        var page = given().when().get("/leaders/" + signedInOne).then().statusCode(200).extract().asString();
        assertTrue(page.contains("Recognised in Signed-in round " + WORD + ", " + publicYear), page);
        assertFalse(page.contains("(ranked"), "not ranked: no rank shown");
    }
}
