package org.joinedup.search;

import static io.restassured.RestAssured.given;
import static org.joinedup.Fixtures.awaitIndexInStep;
import static org.joinedup.Fixtures.createLeader;
import static org.joinedup.Fixtures.createRecord;
import static org.joinedup.Fixtures.leader;
import static org.joinedup.Fixtures.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.joinedup.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * English stemming and the vocabulary synonyms in the index (docs/stemming.md): each test puts its
 * leaders on a spot of open ocean of its own and searches within 1 km of it, so only they can match.
 */
@QuarkusTest
class StemmingSearchTest {

    @BeforeAll
    static void actAsAdmin() {
        Fixtures.actAs("demo-admin");
    }

    /** A fresh spot in the South Pacific, far from the demo data and from other tests' spots. */
    private static double[] spot() {
        var random = ThreadLocalRandom.current();
        return new double[] {-40 + random.nextDouble() * 10, -130 + random.nextDouble() * 10};
    }

    private static long leaderWithRecord(String name, double[] spot, String title, String summary) {
        var leader = leader(name);
        // neutral profile words, so only the name and the record can match
        leader.put("currentRole", "Director");
        leader.put("doingNow", "Planning next year");
        long id = createLeader(leader);
        var record = record(title);
        record.put("summary", summary);
        record.put("partnerOrganisations", List.of());
        record.put("areas", List.of(Map.of("country", "NZ", "place", "Open ocean", "latitude", spot[0], "longitude", spot[1])));
        createRecord(id, record);
        return id;
    }

    private static JsonPath search(String q, double[] spot) {
        return given().queryParam("q", q).queryParam("near", spot[0] + "," + spot[1]).queryParam("within", "1km")
                .when().get("/api/search/leaders").then().statusCode(200).extract().jsonPath();
    }

    private static List<Long> found(String q, double[] spot) {
        return search(q, spot).getList("hits.leader.id", Long.class);
    }

    @Test
    void otherFormsOfAWordFindTheRecord() {
        var spot = spot();
        long id = leaderWithRecord("Stem Tester", spot, "Hospital integration programme", "One discharge team for older people.");
        awaitIndexInStep(Duration.ofSeconds(10));
        assertEquals(List.of(id), found("integrated", spot), "integrated finds integration");
        assertEquals(List.of(id), found("discharges", spot), "discharges finds discharge");
        assertEquals(List.of(id), found("teams", spot), "teams finds team");
        assertEquals(List.of(), found("interest", spot), "a different word with a similar start finds nothing");
        var hit = search("integrated", spot);
        assertEquals(List.of(true), hit.getList("hits[0].matchedRecords.matchedText"));
        assertTrue(hit.getList("hits[0].why", String.class).contains("words like 'integrated' in a record"),
                hit.getList("hits[0].why").toString());
    }

    @Test
    void exactWordsRankAboveStemmedOnes() {
        var spot = spot();
        // created first, so it would win an otherwise even tie (ties go to the lower id)
        long stemmed = leaderWithRecord("Stemmed Match", spot, "Integration of services", "Health and care staff in one place.");
        long exact = leaderWithRecord("Exact Match", spot, "Integrated services", "Health and care staff in one place.");
        awaitIndexInStep(Duration.ofSeconds(10));
        assertEquals(List.of(exact, stemmed), found("integrated", spot));
        assertEquals(List.of(stemmed, exact), found("integration", spot));
    }

    @Test
    void namesAreNotStemmed() {
        var spot = spot();
        long id = leaderWithRecord("Pat Integrations", spot, "Frailty pathway", "A new pathway for frail people.");
        awaitIndexInStep(Duration.ofSeconds(10));
        assertEquals(List.of(id), found("Integrations", spot));
        assertEquals(List.of(), found("integration", spot));
    }

    @Test
    void vocabularySynonymsMatchSummaries() {
        var spot = spot();
        long id = leaderWithRecord("Summary Synonym Tester", spot, "Frailty pathway", "We worked with general practice and district nurses.");
        awaitIndexInStep(Duration.ofSeconds(10));
        var hits = search("family doctor", spot);
        assertEquals(List.of(id), hits.getList("hits.leader.id", Long.class));
        assertEquals(List.of(true), hits.getList("hits[0].matchedRecords.matchedText"));
        assertTrue(hits.getList("hits[0].why", String.class).contains("a record on GP and primary care (read from your words)"),
                hits.getList("hits[0].why").toString());
        assertEquals(List.of(id), found("GPs", spot));
    }

    @Test
    void multiWordSynonymsMatchAsPhrases() {
        var spot = spot();
        long phrase = leaderWithRecord("Phrase Holder", spot, "Hospital flow", "We halved delayed transfers of care in a year.");
        long acronym = leaderWithRecord("Acronym Holder", spot, "Winter plan", "DToC fell after the discharge hub opened.");
        // the same words, not as the phrase: no synonym of DToC
        leaderWithRecord("Scattered Words", spot, "Staffing", "Staff transfers were delayed because of care home closures.");
        awaitIndexInStep(Duration.ofSeconds(10));
        assertEquals(Set.of(phrase, acronym), Set.copyOf(found("DToC", spot)), "DToC finds the phrase and itself, not the scattered words");
        assertEquals(Set.of(phrase, acronym), Set.copyOf(found("bed blocking", spot)), "another way of saying it finds both");
        var byPhrase = found("delayed transfers of care", spot);
        assertTrue(byPhrase.containsAll(List.of(phrase, acronym)), "the phrase finds the acronym: " + byPhrase);
    }

    @Test
    void wordsOfAPhraseStillFindItOnTheirOwn() {
        // the index keeps a vocabulary phrase's words beside its concept token, so a word that makes no token finds them
        var spot = spot();
        long id = leaderWithRecord("Phrase Words Holder", spot, "Practice links", "We joined up general practice with the council.");
        awaitIndexInStep(Duration.ofSeconds(10));
        assertEquals(List.of(id), found("practices", spot), "a word of the phrase, stemmed");
        assertEquals(List.of(id), found("general practices", spot), "another form of the phrase, read as its words");
        assertEquals(List.of(id), found("primary care", spot), "a synonym, read as the concept");
    }
}
