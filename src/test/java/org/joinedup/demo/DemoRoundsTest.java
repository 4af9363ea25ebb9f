package org.joinedup.demo;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.joinedup.Fixtures;
import org.joinedup.leader.Leader;
import org.joinedup.recognition.NominationRound;
import org.joinedup.recognition.RoundPhase;
import org.joinedup.security.Account;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo's nomination rounds (DemoRounds) and its national record, loaded with the demo set at start. */
@QuarkusTest
class DemoRoundsTest {

    private static final String ENGLAND = "E92000001";

    @Inject
    EntityManager entityManager;

    @BeforeAll
    static void anonymous() {
        Fixtures.actAnonymously();
    }

    private static NominationRound named(String name) {
        return NominationRound.<NominationRound>find("name", name).singleResult();
    }

    @Test
    @Transactional
    void thePublishedRoundHasAListComputedFromItsScoresWithCitations() {
        var round = named(DemoRounds.PUBLISHED);
        var today = LocalDate.now(ZoneId.of("Europe/London"));
        assertEquals(RoundPhase.PUBLISHED, round.phase(today));
        assertEquals(NominationRound.LIST_PUBLIC, round.listVisibility);
        assertEquals(6, round.criteria.size());
        assertEquals(3, round.judges.size());
        for (var judge : round.judges) {
            Account account = Account.findById(judge.accountId);
            assertTrue(account.illustrative, account.username + " judges and is marked illustrative");
        }
        @SuppressWarnings("unchecked")
        List<Object[]> list = entityManager.createNativeQuery("select nominee_leader_id, mean_score, selected, ranked, citation, judges_counted"
                + " from round_result where round_id = :round order by position").setParameter("round", round.id).getResultList();
        assertEquals(6, list.size());
        // the method, recomputed: each non-conflicted judge's mean over the criteria, then the mean of those
        @SuppressWarnings("unchecked")
        List<Object[]> means = entityManager.createNativeQuery("select nominee_leader_id, round(avg(judge_mean), 3), count(*) from ("
                + " select s.nominee_leader_id, s.judge_account_id, avg(s.score) judge_mean from judge_score s where s.round_id = :round"
                + " and not exists (select 1 from judge_conflict c where c.round_id = s.round_id and c.judge_account_id = s.judge_account_id"
                + " and c.nominee_leader_id = s.nominee_leader_id) group by 1, 2) j group by 1").setParameter("round", round.id).getResultList();
        assertEquals(6, means.size());
        BigDecimal previous = null;
        for (int i = 0; i < list.size(); i++) {
            var row = list.get(i);
            var mean = (BigDecimal) row[1];
            var recomputed = means.stream().filter(m -> ((Number) m[0]).longValue() == ((Number) row[0]).longValue()).findFirst().orElseThrow();
            assertEquals(0, mean.compareTo((BigDecimal) recomputed[1]), "position " + (i + 1));
            assertEquals(((Number) recomputed[2]).intValue(), ((Number) row[5]).intValue());
            assertTrue(previous == null || previous.compareTo(mean) >= 0, "highest first");
            previous = mean;
            boolean selected = i < round.selectCount;
            assertEquals(selected, row[2]);
            assertEquals(i < round.rankCount, row[3]);
            assertEquals(selected, row[4] != null, "a citation for each selected nominee");
            Leader nominee = Leader.findById(((Number) row[0]).longValue());
            assertTrue(nominee.illustrative);
        }
        var conflicts = ((Number) entityManager.createNativeQuery("select count(*) from judge_conflict where round_id = :round")
                .setParameter("round", round.id).getSingleResult()).intValue();
        assertEquals(1, conflicts);
        var linked = ((Number) entityManager.createNativeQuery("select count(*) from nomination n where n.round_id = :round"
                + " and exists (select 1 from nomination_reason r where r.nomination_id = n.id)"
                + " and exists (select 1 from nomination_record d join integration_record i on i.id = d.record_id"
                + " where d.nomination_id = n.id and i.leader_id = n.nominee_leader_id)")
                .setParameter("round", round.id).getSingleResult()).intValue();
        assertEquals(6, linked, "every nomination has reasons and a record of the nominee's");
    }

    @Test
    @Transactional
    void theOpenRoundTakesNominationsToday() {
        var round = named(DemoRounds.OPEN);
        assertEquals(RoundPhase.NOMINATING, round.phase(LocalDate.now(ZoneId.of("Europe/London"))));
        assertNull(round.closedAt);
        assertFalse(round.name.isBlank());
    }

    @Test
    void theSelectedOfThePublishedRoundAreFoundAsRecognisedAndShowItOnTheirProfile() {
        // programme staff see every demo leader (some are for signed-in people only); the round's list is public
        Fixtures.actAs("demo-programme");
        List<Long> selected = selected();
        var recognised = given().queryParam("recognised", "yes").queryParam("size", 100).when().get("/api/search/leaders")
                .then().statusCode(200).extract().jsonPath().getList("hits.leader.id", Long.class);
        assertTrue(recognised.containsAll(selected), recognised + " should hold " + selected);
        given().when().get("/api/leaders/" + selected.get(0)).then().statusCode(200)
                .body("recognitions[0].round", org.hamcrest.Matchers.equalTo(DemoRounds.PUBLISHED))
                .body("recognitions[0].position", org.hamcrest.Matchers.equalTo(1));
    }

    @SuppressWarnings("unchecked")
    private List<Long> selected() {
        List<Number> ids = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("select r.nominee_leader_id from round_result r join nomination_round n"
                + " on n.id = r.round_id where n.name = :name and r.selected order by r.position")
                .setParameter("name", DemoRounds.PUBLISHED).getResultList());
        assertEquals(4, ids.size());
        return ids.stream().map(Number::longValue).toList();
    }

    @Test
    void theNationalDemoRecordIsFoundNationallyAndCountedInNoRegion() {
        Fixtures.actAnonymously();
        Fixtures.awaitIndexInStep(java.time.Duration.ofSeconds(120));
        var national = given().queryParam("area", ENGLAND).queryParam("size", 100).when()
                .get("/api/search/leaders").then().statusCode(200).extract().jsonPath();
        assertTrue(national.getList("hits.leader.name", String.class).contains("Robert Finch"), national.prettify());
        var overview = given().queryParam("area", ENGLAND).when().get("/api/search/regions").then().statusCode(200).extract().jsonPath();
        assertTrue(overview.getLong("national.leaders") >= 1, overview.prettify());
        long inRegions = overview.getList("regions.leaders", Long.class).stream().mapToLong(Long::longValue).sum();
        assertEquals(0, inRegions, "national work counts in no region: " + overview.prettify());
        assertNotNull(overview.get("national"));
    }
}
