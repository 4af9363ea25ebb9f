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
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.joinedup.Fixtures;
import org.joinedup.integration.IntegrationRecord;
import org.joinedup.integration.Outcome;
import org.joinedup.vocabulary.Direction;
import org.joinedup.vocabulary.Geography;
import org.joinedup.vocabulary.Vocabularies;
import org.joinedup.vocabulary.VocabularyKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The improved filter, the outcome facet's two counts and the ranking, checked against the records in PostgreSQL. */
@QuarkusTest
class SearchOutcomesTest {

    private static final String MIDLANDS = "E40000011";

    @Inject
    Vocabularies vocabularies;

    @Inject
    Geography geography;

    @BeforeAll
    static void actAsAdmin() {
        Fixtures.actAs("demo-admin");
    }

    @BeforeEach
    void indexCaughtUp() {
        awaitIndexInStep(Duration.ofSeconds(60));
    }

    private static JsonPath search(Map<String, ?> params) {
        return given().queryParams(params).when().get("/api/search/leaders").then().statusCode(200).extract().jsonPath();
    }

    /** Recounted here from the figures and the vocabulary's direction, not through the service's own judgement. */
    private boolean improved(Outcome o) {
        if (o.metric == null || o.baseline == null || o.result == null) {
            return false;
        }
        var direction = vocabularies.get(VocabularyKind.OUTCOME_METRICS).find(o.metric).orElseThrow().direction();
        int moved = o.result.compareTo(o.baseline);
        return direction == Direction.LOWER_IS_BETTER ? moved < 0 : direction == Direction.HIGHER_IS_BETTER && moved > 0;
    }

    private boolean inMidlands(IntegrationRecord record) {
        return Recount.inRegion(geography, record, MIDLANDS);
    }

    /** Per metric: {leaders reporting it, leaders who improved it}, over the records that pass {@code midlandsOnly}. */
    private Map<String, List<Integer>> expectedCounts(boolean midlandsOnly) {
        Map<String, Set<Long>> reported = new TreeMap<>();
        Map<String, Set<Long>> improved = new TreeMap<>();
        var leadersOf = Recount.leaders();
        for (IntegrationRecord record : IntegrationRecord.<IntegrationRecord>listAll()) {
            if (midlandsOnly && !inMidlands(record)) {
                continue;
            }
            for (var o : record.outcomes) {
                if (o.metric != null) {
                    reported.computeIfAbsent(o.metric, k -> new HashSet<>()).addAll(leadersOf.apply(record));
                    if (improved(o)) {
                        improved.computeIfAbsent(o.metric, k -> new HashSet<>()).addAll(leadersOf.apply(record));
                    }
                }
            }
        }
        return reported.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> List.of(e.getValue().size(), improved.getOrDefault(e.getKey(), Set.of()).size()), (a, b) -> a, TreeMap::new));
    }

    private static Map<String, List<Integer>> counted(JsonPath result) {
        Map<String, List<Integer>> counted = new TreeMap<>();
        for (Map<?, ?> bucket : result.getList("facets.outcome", Map.class)) {
            counted.put((String) bucket.get("code"), List.of((Integer) bucket.get("leaders"), (Integer) bucket.get("improved")));
        }
        return counted;
    }

    @Test
    @Transactional
    void outcomeFacetCountsReportedAndImprovedLeadersAsTheDatabaseDoes() {
        var everywhere = expectedCounts(false);
        assertTrue(everywhere.values().stream().anyMatch(c -> c.get(1) > 0 && c.get(1) < c.get(0)),
                "the data has metrics some leaders improved and others did not: " + everywhere);
        // counted on the leaders' summaries (no record filter), then through the nested records (a region filter)
        assertEquals(everywhere, counted(search(Map.of("size", 1))));
        assertEquals(expectedCounts(true), counted(search(Map.of("region", MIDLANDS, "size", 1))));
        // its own filter given: counted in its own aggregation under the region alone, from the facet values by region
        assertEquals(expectedCounts(true), counted(search(Map.of("region", MIDLANDS, "outcome", "delayed-transfers", "size", 1))));
    }

    @Test
    @Transactional
    void improvedFilterFindsTheLeadersWhoImprovedThatMetricInOneRecord() {
        Set<Long> expected = new HashSet<>();
        Set<Long> reportedOnly = new HashSet<>();
        for (IntegrationRecord record : IntegrationRecord.<IntegrationRecord>listAll()) {
            for (var o : record.outcomes) {
                if ("delayed-transfers".equals(o.metric)) {
                    (improved(o) ? expected : reportedOnly).add(record.leaderId);
                }
            }
        }
        var result = search(Map.of("outcome", "delayed-transfers", "improved", "true", "size", 100));
        assertEquals(expected.size(), result.getInt("total"));
        var reported = search(Map.of("outcome", "delayed-transfers", "size", 1)).getInt("total");
        assertTrue(reported > expected.size(), "some leaders reported delayed transfers without improving them: " + reported);
        assertTrue(result.getList("hits.why.flatten()", String.class).contains("improved delayed transfers of care"));
        assertEquals(400, given().queryParam("improved", "yes").when().get("/api/search/leaders").then().extract().statusCode());
    }

    @Test
    void rankingRewardsAnImprovedOutcomeWithASourceMoreThanWithoutAndAWorseOneNotAtAll() {
        long sourced = leaderWith("Improved With Source", 14.2, 9.8, "BCF quarterly return Q4 2019");
        long unsourced = leaderWith("Improved No Source", 14.2, 9.8, null);
        long worse = leaderWith("Got Worse", 9.8, 14.2, "BCF quarterly return Q4 2019");
        long none = leaderWith("No Outcome", null, null, null);
        awaitIndexInStep(Duration.ofSeconds(10));

        var result = search(Map.of("near", "1.5,103.5", "within", "5km"));
        assertEquals(List.of(sourced, unsourced, worse, none).stream().sorted().toList(),
                result.getList("hits.leader.id", Long.class).stream().sorted().toList(), "only this test's leaders are here");
        Map<Long, Float> scores = new HashMap<>();
        for (int i = 0; i < 4; i++) {
            scores.put(result.getLong("hits[" + i + "].leader.id"), result.getFloat("hits[" + i + "].score"));
        }
        assertTrue(scores.get(sourced) > scores.get(unsourced), scores.toString());
        assertTrue(scores.get(unsourced) > scores.get(worse), scores.toString());
        assertEquals(scores.get(none), scores.get(worse), "a worse outcome earns what no outcome does: " + scores);
    }

    private static long leaderWith(String name, Double baseline, Double result, String source) {
        long id = createLeader(leader(name));
        var r = record("Discharge to assess in " + name);
        r.put("areas", List.of(Map.of("country", "SG", "place", "Outcome test place", "latitude", 1.5, "longitude", 103.5)));
        if (baseline == null) {
            r.put("outcomes", List.of());
        } else {
            var outcome = new HashMap<String, Object>(Map.of("metric", "delayed-transfers", "baseline", baseline, "result", result));
            if (source != null) {
                outcome.put("source", source);
            }
            r.put("outcomes", List.of(outcome));
        }
        createRecord(id, r);
        return id;
    }
}
