package org.joinedup.matching;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.joinedup.Fixtures.awaitIndexInStep;
import static org.joinedup.Fixtures.createLeader;
import static org.joinedup.Fixtures.createRecord;
import static org.joinedup.matching.MatchingFixtures.TEST_PLACE;
import static org.joinedup.matching.MatchingFixtures.createRequest;
import static org.joinedup.matching.MatchingFixtures.learner;
import static org.joinedup.matching.MatchingFixtures.mentor;
import static org.joinedup.matching.MatchingFixtures.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.joinedup.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Issue 19's matching profiles through the API: read, replace (staff only, versioned, audited, refusals naming the field), and used. */
@QuarkusTest
class MatchingProfileResourceTest {

    @BeforeAll
    static void actAsAdmin() {
        Fixtures.actAs("demo-admin");
    }

    private static JsonPath profile(String programme) {
        return given().when().get("/api/matching-profiles/" + programme).then().statusCode(200).extract().jsonPath();
    }

    private static io.restassured.response.ValidatableResponse put(String programme, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).when().put("/api/matching-profiles/" + programme).then();
    }

    @Test
    void everyProgrammeIsListedWithItsProfileOrTheDefault() {
        var list = given().when().get("/api/matching-profiles?size=50").then().statusCode(200).extract().jsonPath();
        assertEquals(7, list.getInt("total"));
        assertTrue(list.getList("items.programme").containsAll(List.of("pioneer-2013", "vanguard", "bcf", "ics", "other")));
        var leader = Fixtures.bearer(Fixtures.token("demo-leader"));
        given().header("Authorization", leader).when().get("/api/matching-profiles/stp").then().statusCode(200)
                .body("weights.services", equalTo(5)).body("weights.role", equalTo(0)).body("builtIn", equalTo(true))
                .body("version", equalTo(0)).body("musts.size()", equalTo(0));
        given().when().get("/api/matching-profiles/no-such-programme").then().statusCode(404).contentType("application/problem+json")
                .body("violations[0].field", equalTo("programme")).body("violations[0].allowed", hasItem("vanguard"));
    }

    @Test
    void aBuiltInProfileSentBackAsReadStaysBuiltIn() {
        var read = given().when().get("/api/matching-profiles/stp").then().statusCode(200).body("builtIn", equalTo(true)).extract();
        Map<String, Object> asRead = read.jsonPath().getMap("");
        given().contentType(ContentType.JSON).header("If-Match", read.header("ETag")).body(asRead).when().put("/api/matching-profiles/stp")
                .then().statusCode(200).body("version", equalTo(0)).body("builtIn", equalTo(true));
        assertTrue(profile("stp").getBoolean("builtIn"));
        given().header("Authorization", Fixtures.bearer(Fixtures.token("demo-admin"))).queryParam("entityType", "matching-profile")
                .queryParam("entityId", "stp").when().get("/api/admin/audit").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void staffReplaceAProfileAndWhatTheyReadCanBeSentBack() {
        var current = profile("bcf");
        int version = current.getInt("version");
        // a weight other than the stored one, so that this is a change however often the test has run on this database
        int services = current.getInt("weights.services") == 8 ? 7 : 8;
        var body = new HashMap<String, Object>(Map.of("weights", Map.of("services", services, "distance", 0, "role", 5), "musts", List.of("trained",
                "same-region"), "version", version));
        var changed = put("bcf", body).statusCode(200).header("ETag", "\"" + (version + 1) + "\"").extract().jsonPath();
        assertEquals(services, changed.getInt("weights.services"));
        assertEquals(0, changed.getInt("weights.distance"));
        assertEquals(5, changed.getInt("weights.approaches"), "a part left out keeps the default's weight");
        assertEquals(List.of("same-region", "trained"), changed.getList("musts"), "in the fixed order");
        assertFalse(changed.getBoolean("builtIn"));

        // GET, then PUT back as it is (If-Match from the ETag): the same profile, and no change, so no new version and no audit entry
        var read = given().when().get("/api/matching-profiles/bcf").then().statusCode(200).extract();
        Map<String, Object> asRead = read.jsonPath().getMap("");
        var back = given().contentType(ContentType.JSON).header("If-Match", read.header("ETag")).body(asRead)
                .when().put("/api/matching-profiles/bcf").then().statusCode(200).extract().jsonPath();
        assertEquals(asRead.get("weights"), back.getMap("weights"));
        assertEquals(asRead.get("musts"), back.getList("musts"));
        assertEquals(version + 1, back.getInt("version"));

        // stale: 409 on the body's version, 412 on If-Match
        put("bcf", Map.of("weights", Map.of(), "version", version)).statusCode(409);
        given().contentType(ContentType.JSON).header("If-Match", "\"" + version + "\"").body(Map.of("weights", Map.of()))
                .when().put("/api/matching-profiles/bcf").then().statusCode(412);

        var audit = given().header("Authorization", Fixtures.bearer(Fixtures.token("demo-admin")))
                .queryParam("entityType", "matching-profile").queryParam("entityId", "bcf")
                .when().get("/api/admin/audit").then().statusCode(200).extract().jsonPath();
        assertEquals("update", audit.getString("items[0].action"));
        assertEquals(services, audit.getInt("items[0].after.weights.services"), "the PUT back changed nothing, so it left no entry");
    }

    @Test
    void badWeightsPartsMustsAndProgrammesAreNamedAndNothingIsWritten() {
        int version = profile("vanguard").getInt("version");
        put("vanguard", Map.of("weights", Map.of("services", 11), "version", version)).statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("weights.services"));
        put("vanguard", Map.of("weights", Map.of("services", -1), "version", version)).statusCode(400)
                .body("violations[0].field", equalTo("weights.services"));
        put("vanguard", Map.of("weights", Map.of("services", 2.5), "version", version)).statusCode(400)
                .body("violations[0].field", equalTo("weights.services"));
        put("vanguard", Map.of("weights", Map.of("charm", 3), "version", version)).statusCode(400)
                .body("violations[0].field", equalTo("weights.charm")).body("violations[0].allowed", hasItem("role"));
        put("vanguard", Map.of("musts", List.of("trained", "nice"), "version", version)).statusCode(400)
                .body("violations[0].field", equalTo("musts[1]")).body("violations[0].allowed", hasItem("verified-record"));
        put("no-such-programme", Map.of("weights", Map.of(), "version", 0)).statusCode(404).body("violations[0].field", equalTo("programme"));
        assertEquals(version, profile("vanguard").getInt("version"), "nothing was written");
    }

    @Test
    void onlyProgrammeStaffAndAdminsMayReplaceAProfile() {
        int version = profile("ics").getInt("version");
        given().header("Authorization", Fixtures.bearer(Fixtures.token("demo-programme"))).contentType(ContentType.JSON)
                .body(Map.of("weights", Map.of("services", 6), "version", version)).when().put("/api/matching-profiles/ics").then().statusCode(200)
                .body("weights.services", equalTo(6));
        for (var account : List.of("demo-leader", "demo-commissioner")) {
            given().header("Authorization", Fixtures.bearer(Fixtures.token(account))).contentType(ContentType.JSON)
                    .body(Map.of("weights", Map.of("services", 1), "version", 0)).when().put("/api/matching-profiles/ics").then().statusCode(403);
        }
        given().header("Authorization", "").contentType(ContentType.JSON).body(Map.of("weights", Map.of()))
                .when().put("/api/matching-profiles/ics").then().statusCode(401);
    }

    @Test
    void eightFirstChangesAtOnceAreOneChangeAndSevenStaleVersions() throws Exception {
        String programme = "pioneer-2015";
        int version = profile(programme).getInt("version");
        int stored = profile(programme).getInt("weights.scope");
        var pool = Executors.newFixedThreadPool(8);
        try {
            var calls = new java.util.ArrayList<Callable<Integer>>();
            for (int i = 0; i < 8; i++) {
                // never the stored weight: sending the profile as it is changes nothing and answers 200 whatever the version
                int weight = i >= stored ? i + 1 : i;
                calls.add(() -> put(programme, Map.of("weights", Map.of("scope", weight), "version", version)).extract().statusCode());
            }
            var statuses = pool.invokeAll(calls).stream().map(f -> {
                try {
                    return f.get();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
            assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
            assertEquals(7, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(version + 1, profile(programme).getInt("version"));
    }

    /** A programme whose profile says trained mentors only and weighs the role: matches and cohorts under it keep to that. */
    @Test
    void singleMatchesAndCohortsUseTheProgrammesProfile() {
        String suffix = Long.toString(System.nanoTime() % 1_000_000);
        int version = profile("other").getInt("version");
        put("other", Map.of("weights", Map.of("role", 5), "musts", List.of("trained"), "version", version)).statusCode(200);
        long untrained = mentor("Profile Untrained " + suffix, "Profile Org U " + suffix, 2, List.of("gp", "housing"));
        long trained = trainedMentor("Profile Trained " + suffix, "Profile Org T " + suffix);
        var ask = request(learner("Profile Learner " + suffix, "Profile L " + suffix, List.of()), List.of("gp", "housing"));
        long plain = createRequest(ask);
        var underProgramme = new HashMap<>(ask);
        underProgramme.put("programme", "other");
        long steered = createRequest(underProgramme);
        given().when().get("/api/learning-requests/" + steered).then().statusCode(200).body("programme", equalTo("other"));
        var bad = new HashMap<>(ask);
        bad.put("programme", "nonsense");
        given().contentType(ContentType.JSON).body(bad).when().post("/api/learning-requests").then().statusCode(400)
                .body("violations[0].field", equalTo("programme"));
        awaitIndexInStep(Duration.ofSeconds(10));

        var both = given().when().get("/api/learning-requests/" + plain + "/matches?size=50").then().statusCode(200).extract().jsonPath();
        assertTrue(both.getList("mentor.id", Long.class).containsAll(List.of(trained, untrained)), "without a programme, both");
        var onlyTrained = given().when().get("/api/learning-requests/" + steered + "/matches?size=50").then().statusCode(200).extract().jsonPath();
        var ids = onlyTrained.getList("mentor.id", Long.class);
        assertTrue(ids.contains(trained) && !ids.contains(untrained), ids.toString());
        int row = ids.indexOf(trained);
        assertEquals(4.0, onlyTrained.getDouble("[" + row + "].parts.role"), "the record was led");
        assertTrue(onlyTrained.getList("[" + row + "].reasons").contains("led it"));

        var cohort = Map.<String, Object>of("requests", List.of(plain), "mentors", List.of(trained, untrained), "programme", "other");
        var result = given().contentType(ContentType.JSON).body(cohort).when().post("/api/cohort-matches").then().statusCode(201).extract().jsonPath();
        assertEquals("other", result.getString("profile.programme"));
        assertEquals(List.of("trained"), result.getList("profile.musts"));
        assertEquals(List.of(trained), result.getList("assignments.mentorId", Long.class));
        given().when().get("/api/cohort-matches/" + result.getLong("id")).then().statusCode(200)
                .body("profile.programme", equalTo("other")).body("profile.weights.role", equalTo(5));
        var locked = new HashMap<>(cohort);
        locked.put("locks", List.of(Map.of("requestId", plain, "mentorId", untrained)));
        given().contentType(ContentType.JSON).body(locked).when().post("/api/cohort-matches").then().statusCode(409)
                .body("violations[0].field", equalTo("locks[0]")).body("detail", containsString("must trained"));
        var unknown = new HashMap<>(cohort);
        unknown.put("programme", "nonsense");
        given().contentType(ContentType.JSON).body(unknown).when().post("/api/cohort-matches").then().statusCode(400)
                .body("violations[0].field", equalTo("programme"));
        var byDefault = given().contentType(ContentType.JSON).body(Map.of("requests", List.of(plain), "mentors", List.of(untrained)))
                .when().post("/api/cohort-matches").then().statusCode(201).extract().jsonPath();
        assertEquals(List.of(untrained), byDefault.getList("assignments.mentorId", Long.class), "no programme: the default, no musts");
        assertTrue(byDefault.getBoolean("profile.builtIn"));
    }

    /**
     * The words part: under a profile that weighs only the words, the mentor whose record answers the learner's own words (a word no
     * other record has) is first with the part's full points and says why, though the index's candidate query knows nothing of
     * words; a cohort under the profile prefers them to an otherwise equal mentor; the default profile leaves the part out.
     */
    @Test
    void theLearnersOwnWordsCountUnderAProfileThatWeighsThem() {
        String suffix = Long.toString(System.nanoTime() % 1_000_000);
        String word = "quorvwords" + suffix.chars().mapToObj(c -> String.valueOf((char) ('a' + c - '0'))).reduce("", String::concat);
        var onlyWords = new HashMap<String, Object>();
        MatchProfile.PARTS.forEach(part -> onlyWords.put(part, part.equals("words") ? 10 : 0));
        int version = profile("other").getInt("version");
        put("other", Map.of("weights", onlyWords, "version", version)).statusCode(200);
        long plainMentor = mentor("Words Plain " + suffix, "Words Org P " + suffix, 2, List.of("gp", "housing"));
        long answering = mentor("Words " + word, "Words Org A " + suffix, 2, List.of("gp", "housing")); // its record's title has the word
        var ask = new HashMap<>(request(learner("Words Learner " + suffix, "Words L " + suffix, List.of()), List.of("gp", "housing")));
        ask.put("need", "Wants to learn how the " + word + " hub was set up");
        long plain = createRequest(ask);
        ask.put("programme", "other");
        long worded = createRequest(ask);
        awaitIndexInStep(Duration.ofSeconds(10));

        var matches = given().when().get("/api/learning-requests/" + worded + "/matches?size=5").then().statusCode(200).extract().jsonPath();
        assertEquals(answering, matches.getLong("[0].mentor.id"), "the only mentor whose records answer the words: " + matches.getList("mentor.id"));
        assertEquals(20.0, matches.getDouble("[0].parts.words"), "10 points x relevance 1 x weight 10 / 5");
        assertEquals(Set.of("words"), matches.getMap("[0].parts").keySet(), "the parts at weight 0 are left out");
        assertTrue(matches.getList("[0].reasons").contains("their records answer the words of your request best"),
                matches.getList("[0].reasons").toString());

        var byDefault = given().when().get("/api/learning-requests/" + plain + "/matches?size=5").then().statusCode(200).extract().jsonPath();
        assertFalse(byDefault.getMap("[0].parts").containsKey("words"), "the default profile leaves the words out");

        var cohort = Map.<String, Object>of("requests", List.of(plain), "mentors", List.of(plainMentor, answering), "programme", "other");
        var result = given().contentType(ContentType.JSON).body(cohort).when().post("/api/cohort-matches").then().statusCode(201).extract().jsonPath();
        assertEquals(List.of(answering), result.getList("assignments.mentorId", Long.class), "the cohort weighs the words the same way");
        assertEquals(20.0, result.getDouble("assignments[0].parts.words"));
    }

    /** Same region: the index filters on the home area's region or a record's, and the scorer agrees. */
    @Test
    void sameRegionKeepsMentorsWhoLiveOrWorkedInTheLearnersRegion() {
        String suffix = Long.toString(System.nanoTime() % 1_000_000);
        int version = profile("pioneer-2013").getInt("version");
        put("pioneer-2013", Map.of("musts", List.of("same-region"), "version", version)).statusCode(200);
        long near = regionalMentor("Region Near " + suffix, "E10000024", TEST_PLACE);
        long far = regionalMentor("Region Far " + suffix, "E09000033", TEST_PLACE);
        long workedHere = regionalMentor("Region Worked " + suffix, "E09000033", Map.of("code", "E10000024"));
        var ask = new HashMap<>(request(learner("Region Learner " + suffix, "Region L " + suffix, List.of()), List.of("gp", "housing")));
        ask.put("programme", "pioneer-2013");
        long requestId = createRequest(ask);
        awaitIndexInStep(Duration.ofSeconds(10));
        var ids = given().when().get("/api/learning-requests/" + requestId + "/matches?size=50").then().statusCode(200).extract().jsonPath()
                .getList("mentor.id", Long.class);
        assertTrue(ids.contains(near), "lives in the learner's region (Nottinghamshire, Midlands): " + ids);
        assertTrue(ids.contains(workedHere), "a record in the learner's region: " + ids);
        assertFalse(ids.contains(far), "lives in London, records abroad: " + ids);
    }

    private static long regionalMentor(String name, String homeArea, Map<String, Object> place) {
        var leader = Fixtures.leader(name);
        leader.put("organisation", Fixtures.organisation(name + " Org"));
        leader.put("homeArea", homeArea);
        leader.put("mentoring", Map.of("willing", true, "capacity", 2, "formats", List.of(), "trained", false));
        long id = createLeader(leader);
        var work = Fixtures.record(name + " work");
        work.put("services", List.of("gp", "housing"));
        work.put("areas", List.of(place));
        work.put("outcomes", List.of());
        work.remove("programme");
        createRecord(id, work);
        return id;
    }

    private static long trainedMentor(String name, String organisation) {
        var leader = Fixtures.leader(name);
        leader.put("organisation", Fixtures.organisation(organisation));
        leader.put("mentoring", Map.of("willing", true, "capacity", 2, "formats", List.of(), "trained", true));
        long id = createLeader(leader);
        var work = Fixtures.record(name + " work");
        work.put("services", List.of("gp", "housing"));
        work.put("approaches", List.of());
        work.put("areas", List.of(TEST_PLACE));
        work.put("outcomes", List.of());
        work.remove("programme");
        createRecord(id, work);
        return id;
    }
}
