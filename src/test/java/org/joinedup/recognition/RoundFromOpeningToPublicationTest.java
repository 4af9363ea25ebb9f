package org.joinedup.recognition;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.joinedup.recognition.RecognitionFixtures.account;
import static org.joinedup.recognition.RecognitionFixtures.as;
import static org.joinedup.recognition.RecognitionFixtures.today;
import static org.joinedup.recognition.RecognitionFixtures.withToken;

import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.joinedup.Fixtures;
import org.joinedup.security.Roles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One round from opening to publication through the API, as each role meets it (docs/recognition.md):
 * staff open it, a leader and a commissioner nominate, nominations close, each judge sees the
 * conflicts suggested for them and declares, scores without seeing the others, staff watch progress
 * and close; the stored order equals the hand computation below; staff move one person with a
 * reason, cite and publish; the public sees the list, the profile says "recognised" and search
 * finds exactly those selected.
 */
@QuarkusTest
class RoundFromOpeningToPublicationTest {

    /** The six default criteria, in order (seed-data/recognition/criteria.csv). */
    private static final List<String> CRITERIA = List.of("leadership", "local-impact", "buy-in", "outcomes", "innovation", "peer-support");

    /** Requests without a token are the public's: another test class may have left its account on every request. */
    @BeforeAll
    static void anonymous() {
        Fixtures.actAnonymously();
    }

    @Test
    void aRoundFromOpeningToPublication() {
        var tag = "Round flow " + System.nanoTime();
        // three nominees; Ash's record names Sherwood Forest Hospitals (RK5) as a partner, the others' do not
        long ash = nominee(tag + " Ash", List.of("RK5", "E54000060"));
        long birch = nominee(tag + " Birch", List.of("E54000060"));
        long cedar = nominee(tag + " Cedar", List.of("E54000060"));
        long ashRecord = as("demo-programme").when().get("/api/leaders/" + ash + "/records").then().statusCode(200).extract().jsonPath()
                .getLong("items[0].id");

        // judges: the first works at RK5, a partner on Ash's record, so a conflict with Ash is suggested to them
        var judge1 = judge("RK5");
        var judge2 = judge(null);
        var judge3 = judge(null);
        var round = RecognitionFixtures.round(tag, today().minusDays(1), today().plusDays(10), today().plusDays(20),
                List.of(judge1.id(), judge2.id(), judge3.id()));
        round.put("selectCount", 2);
        round.put("rankCount", 1);
        long id = RecognitionFixtures.open(round);
        as("demo-programme").when().get("/api/rounds/" + id).then().statusCode(200).body("phase", equalTo("nominating"))
                .body("criteria.code", equalTo(CRITERIA));

        // nominating: a leader (through their own account) and a commissioner
        long nominatorLeader = createLeader(tag + " Nominator");
        var nominator = account(Roles.LEADER, nominatorLeader);
        for (long nominee : List.of(ash, birch, cedar)) {
            withToken(nominator.token()).body(nomination(nominee, nominee == ash ? List.of(ashRecord) : List.of()))
                    .when().post("/api/rounds/" + id + "/nominations").then().statusCode(201);
        }
        as("demo-commissioner").body(nomination(ash, List.of())).when().post("/api/rounds/" + id + "/nominations").then().statusCode(201);
        // judges see nothing of the nominations before judging
        withToken(judge2.token()).when().get("/api/rounds/" + id + "/nominations").then().statusCode(403);

        // staff close nominations by bringing the closing date forward: the round is judging
        var current = as("demo-programme").when().get("/api/rounds/" + id).then().statusCode(200).extract().jsonPath();
        var changed = new HashMap<>(round);
        changed.put("nominationsCloseOn", today().minusDays(1).toString());
        changed.put("version", current.getInt("version"));
        as("demo-programme").body(changed).when().put("/api/rounds/" + id).then().statusCode(200).body("phase", equalTo("judging"));

        // the judges' view: every nominee with the evidence, Ash twice nominated and their record linked, nominators hidden
        var nominees = withToken(judge2.token()).when().get("/api/rounds/" + id + "/nominations").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(ash, birch, cedar).stream().sorted().toList(), nominees.getList("items.leaderId", Long.class).stream().sorted().toList());
        assertEquals(ash, nominees.getLong("items[0].leaderId"), "the most nominated first");
        assertEquals(2, nominees.getList("items[0].nominations").size());
        assertTrue(nominees.getList("items[0].nominations.nominatedBy").stream().allMatch(n -> n == null), "judges do not see who nominated");
        assertTrue(nominees.getList("items[0].nominations.records.id.flatten()", Long.class).contains(ashRecord));

        // conflicts: suggested to judge 1 for Ash (partner organisation), to no one else; each declares
        withToken(judge1.token()).when().get("/api/rounds/" + id + "/judging/conflicts").then().statusCode(200)
                .body("suggested.leaderId", contains((int) ash)).body("suggested.reason", contains("partner-organisation"));
        withToken(judge2.token()).when().get("/api/rounds/" + id + "/judging/conflicts").then().statusCode(200).body("suggested", hasSize(0));
        withToken(judge1.token()).body(Map.of("conflicts", List.of(Map.of("leaderId", ash, "reason", "partner-organisation"))))
                .when().put("/api/rounds/" + id + "/judging/conflicts").then().statusCode(200);
        for (var judge : List.of(judge2, judge3)) {
            withToken(judge.token()).body(Map.of("conflicts", List.of())).when().put("/api/rounds/" + id + "/judging/conflicts").then().statusCode(200);
        }

        // scores (each judge's mean over the six criteria in brackets):
        //            judge 1      judge 2   judge 3
        //   Ash      conflicted   5 (5)     4 (4)                 -> (5 + 4) / 2     = 4.500
        //   Birch    4 (4)        3 (3)     5 (5)                 -> (4 + 3 + 5) / 3 = 4.000
        //   Cedar    3 (3)        4 (4)     4,4,4,4,5,3 (4)       -> (3 + 4 + 4) / 3 = 3.667
        // so Ash, Birch, Cedar; two selected (Ash, Birch), one ranked (Ash)
        withToken(judge1.token()).body(scores(5, 5, 5, 5, 5, 5)).when().put("/api/rounds/" + id + "/judging/scores/" + ash).then().statusCode(403);
        score(judge1, id, birch, 4, 4, 4, 4, 4, 4);
        score(judge1, id, cedar, 3, 3, 3, 3, 3, 3);
        score(judge2, id, ash, 5, 5, 5, 5, 5, 5);
        score(judge2, id, birch, 3, 3, 3, 3, 3, 3);
        score(judge2, id, cedar, 4, 4, 4, 4, 4, 4);
        score(judge3, id, ash, 4, 4, 4, 4, 4, 4);
        score(judge3, id, birch, 5, 5, 5, 5, 5, 5);
        score(judge3, id, cedar, 4, 4, 4, 4, 5, 3);

        // before close a judge sees only their own scores; staff see progress, not values
        withToken(judge2.token()).when().get("/api/rounds/" + id + "/judging/scores").then().statusCode(200)
                .body("all", equalTo(false)).body("sheets", hasSize(3)).body("sheets.judgeAccountId", everyItem(equalTo((int) judge2.id())));
        var progress = as("demo-programme").when().get("/api/rounds/" + id + "/progress").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(2, 3, 3), List.of(judge1, judge2, judge3).stream()
                .map(j -> progress.getInt("judges.find { it.accountId == " + j.id() + " }.scored")).toList());
        assertEquals(2, progress.getInt("judges.find { it.accountId == " + judge1.id() + " }.mayScore"));
        assertFalse(progress.prettify().contains("\"scores\""), "progress carries no score values");

        // close: the stored order is the hand computation's
        var result = as("demo-programme").when().post("/api/rounds/" + id + "/close").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(ash, birch, cedar), result.getList("entries.leaderId", Long.class));
        assertEquals(List.of(new BigDecimal("4.500"), new BigDecimal("4.000"), new BigDecimal("3.667")),
                result.getList("entries.mean", BigDecimal.class).stream().map(m -> m.setScale(3)).toList());
        assertEquals(List.of(2, 3, 3), result.getList("entries.judgesCounted", Integer.class));
        assertEquals(List.of(true, true, false), result.getList("entries.selected", Boolean.class));
        assertEquals(List.of(true, false, false), result.getList("entries.ranked", Boolean.class));
        // after close the panel sees every judge's scores
        withToken(judge3.token()).when().get("/api/rounds/" + id + "/judging/scores").then().statusCode(200)
                .body("all", equalTo(true)).body("sheets", hasSize(8));

        // staff move Cedar up with a reason, write citations, publish
        var reason = "Cedar's outcomes were confirmed by the ICB after scoring";
        as("demo-programme").body(Map.of("leaderId", cedar, "toPosition", 2, "reason", reason))
                .when().post("/api/rounds/" + id + "/result/moves").then().statusCode(200)
                .body("entries.leaderId", contains((int) ash, (int) cedar, (int) birch))
                .body("entries.selected", contains(true, true, false))
                .body("adjustments.reason", hasItem(reason));
        given().when().get("/api/rounds/" + id + "/list").then().statusCode(404);
        for (long leader : List.of(ash, cedar)) {
            as("demo-programme").body(Map.of("citation", "For work partners call their own (" + leader + ")"))
                    .when().put("/api/rounds/" + id + "/result/citations/" + leader).then().statusCode(200);
        }
        as("demo-programme").when().post("/api/rounds/" + id + "/publish").then().statusCode(200);

        // the public finds the published round among the rounds, and its page links the list
        given().when().get("/api/rounds/" + id).then().statusCode(200).body("phase", equalTo("published")).body("judges", hasSize(0));
        assertTrue(given().queryParam("size", 100).when().get("/api/rounds").then().statusCode(200).extract().jsonPath()
                .getList("items.id", Long.class).contains(id), "a published public round is listed to the public");
        given().accept("text/html").when().get("/rounds/" + id).then().statusCode(200).body(containsString("href=\"/rounds/" + id + "/list\""));

        // the public sees the list; the profile says so; search finds exactly the selected
        given().when().get("/api/rounds/" + id + "/list").then().statusCode(200)
                .body("entries.leaderId", contains((int) ash, (int) cedar))
                .body("entries.ranked", contains(true, false))
                .body("entries[1].citation", equalTo("For work partners call their own (" + cedar + ")"));
        given().when().get("/api/leaders/" + ash).then().statusCode(200)
                .body("recognitions.round", contains(tag)).body("recognitions[0].ranked", equalTo(true))
                .body("recognitions[0].year", equalTo(today().getYear()));
        Fixtures.awaitIndexInStep(Duration.ofSeconds(30));
        var found = given().queryParam("q", tag).queryParam("recognised", "yes").queryParam("size", 50).when().get("/api/search/leaders")
                .then().statusCode(200).extract().jsonPath().getList("hits.leader.id", Long.class);
        assertEquals(List.of(ash, cedar).stream().sorted().toList(), found.stream().sorted().toList());
    }

    private static long nominee(String name, List<String> partners) {
        long leader = createLeader(name);
        var record = Fixtures.record(name + "'s neighbourhood teams");
        record.put("partnerOrganisations", partners);
        as("demo-admin").body(record).when().post("/api/leaders/" + leader + "/records").then().statusCode(201);
        return leader;
    }

    private static long createLeader(String name) {
        return as("demo-programme").body(Fixtures.leader(name)).when().post("/api/leaders").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static RecognitionFixtures.NewAccount judge(String organisation) {
        var username = "round-judge-" + System.nanoTime();
        var body = new HashMap<String, Object>(Map.of("username", username, "password", RecognitionFixtures.PASSWORD,
                "roles", List.of(Roles.COMMISSIONER), "fullName", "Judge " + username));
        if (organisation != null) {
            body.put("organisation", organisation);
        }
        long id = as("demo-admin").body(body).when().post("/api/admin/accounts").then().statusCode(201).extract().jsonPath().getLong("id");
        return new RecognitionFixtures.NewAccount(id, username, Fixtures.token(username, RecognitionFixtures.PASSWORD));
    }

    private static Map<String, Object> nomination(long nominee, List<Long> records) {
        return Map.of("nominee", Map.of("leaderId", nominee),
                "reasons", Map.of("leadership", "Brought the council and two trusts to one plan.", "outcomes", "Admissions fell."),
                "recordIds", records);
    }

    private static Map<String, Object> scores(int... values) {
        var scores = new LinkedHashMap<String, Integer>();
        for (int i = 0; i < CRITERIA.size(); i++) {
            scores.put(CRITERIA.get(i), values[i]);
        }
        return Map.of("scores", scores);
    }

    private static void score(RecognitionFixtures.NewAccount judge, long round, long nominee, int... values) {
        withToken(judge.token()).body(scores(values)).when().put("/api/rounds/" + round + "/judging/scores/" + nominee).then().statusCode(200);
    }
}
