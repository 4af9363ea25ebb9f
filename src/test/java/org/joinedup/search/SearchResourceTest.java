package org.joinedup.search;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.joinedup.Fixtures.awaitIndexInStep;
import static org.joinedup.Fixtures.createLeader;
import static org.joinedup.Fixtures.createRecord;
import static org.joinedup.Fixtures.leader;
import static org.joinedup.Fixtures.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.joinedup.integration.IntegrationRecord;
import org.joinedup.integration.VerificationLevel;
import org.joinedup.leader.MentoringOffer;
import org.joinedup.search.index.Freshness;
import org.joinedup.vocabulary.Area;
import org.joinedup.vocabulary.Geography;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.joinedup.Fixtures;

/** Search over the demo data and over leaders made for each test, against the real Elasticsearch. */
@QuarkusTest
class SearchResourceTest {

    @BeforeAll
    static void actAsAdmin() {
        Fixtures.actAs("demo-admin");
    }

    private static final String MIDLANDS = "E40000011";

    @Inject
    Geography geography;

    @BeforeEach
    void indexCaughtUp() {
        awaitIndexInStep(Duration.ofSeconds(60));
    }

    private static JsonPath search(Map<String, ?> params) {
        return given().queryParams(params).when().get("/api/search/leaders")
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void gpAndSocialCareInTheMidlandsFindsMidNottinghamshire() {
        var result = given().queryParam("service", "gp", "social-care").queryParam("region", MIDLANDS).queryParam("size", 100)
                .when().get("/api/search/leaders").then().statusCode(200).extract().jsonPath();
        List<String> titles = result.getList("hits.matchedRecords.flatten().title");
        assertTrue(titles.stream().anyMatch(t -> t.contains("mid-Nottinghamshire")), "titles: " + titles);
        List<List<String>> why = result.getList("hits.why");
        assertTrue(why.get(0).contains("joined up GP and primary care and adult social care in one record"), "why: " + why.get(0));
        assertTrue(why.get(0).contains("worked in Midlands"), "why: " + why.get(0));
    }

    @Test
    void serviceFiltersMustHoldWithinOneRecord() {
        long split = createLeader(leader("Split Across Records"));
        var gpHousing = record("GP and housing");
        gpHousing.put("areas", List.of(abroad(0.5, 100.5)));
        gpHousing.put("services", List.of("gp", "housing"));
        createRecord(split, gpHousing);
        var careAcute = record("Social care and hospital");
        careAcute.put("areas", List.of(abroad(0.5, 100.5)));
        careAcute.put("services", List.of("social-care", "acute"));
        createRecord(split, careAcute);
        long together = createLeader(leader("Both In One Record"));
        var both = record("GP and social care together");
        both.put("areas", List.of(abroad(0.5, 100.6)));
        both.put("services", List.of("gp", "social-care"));
        createRecord(together, both);
        awaitIndexInStep(Duration.ofSeconds(10));

        var result = given().queryParam("service", "gp", "social-care").queryParam("near", "0.5,100.5").queryParam("within", "50km")
                .when().get("/api/search/leaders").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(together), result.getList("hits.leader.id", Long.class));
    }

    private static Map<String, Object> abroad(double lat, double lon) {
        return Map.of("country", "SG", "place", "Test place", "latitude", lat, "longitude", lon);
    }

    @Test
    @Transactional
    void serviceFacetCountsLeadersAsTheDatabaseDoes() {
        // database: leaders with a record in the Midlands, per service in that same record
        assertCountsAsTheDatabase(Map.of("region", MIDLANDS), "service", r -> Recount.inRegion(geography, r, MIDLANDS), r -> r.services);
    }

    /** One service as the only record filter: the facets count on the leader (LeaderQuery's facet values by service). */
    @Test
    @Transactional
    void approachFacetUnderOneServiceCountsLeadersAsTheDatabaseDoes() {
        assertCountsAsTheDatabase(Map.of("service", "social-care"), "approach", r -> r.services.contains("social-care"), r -> r.approaches);
    }

    /**
     * Two services as the only record filter: the facets count on the leader (facet values by pair of services), and so
     * does the region facet when a region is chosen too (its own filter aside, the pair is the one other filter).
     */
    @Test
    @Transactional
    void facetsUnderTwoServicesCountLeadersAsTheDatabaseDoes() {
        Predicate<IntegrationRecord> both = r -> r.services.containsAll(List.of("gp", "social-care"));
        assertCountsAsTheDatabase(Map.of("service", List.of("social-care", "gp")), "approach", both, r -> r.approaches);
        assertCountsAsTheDatabase(Map.of("service", List.of("gp", "social-care"), "region", MIDLANDS), "region", both,
                r -> r.areas.stream().filter(a -> a.areaCode != null)
                        .flatMap(a -> geography.resolve(a.areaCode).map(Area::regionCode).filter(region -> region != null).stream()).toList());
    }

    /** A minimum verification level as the only record filter: the facets count on the leader (facet values by level). */
    @Test
    @Transactional
    void serviceFacetAtAMinimumVerificationCountsLeadersAsTheDatabaseDoes() {
        assertCountsAsTheDatabase(Map.of("verification", "endorsed"), "service",
                r -> r.verification.compareTo(VerificationLevel.ENDORSED) >= 0, r -> r.services);
    }

    /** The same for a programme, and for the programme facet when an outcome is the other filter (its own counted aside). */
    @Test
    @Transactional
    void facetsUnderOneProgrammeOrOneOutcomeCountLeadersAsTheDatabaseDoes() {
        assertCountsAsTheDatabase(Map.of("programme", "vanguard"), "service", r -> "vanguard".equals(r.programme), r -> r.services);
        assertCountsAsTheDatabase(Map.of("programme", "vanguard", "outcome", "non-elective-admissions"), "programme",
                r -> r.outcomes.stream().anyMatch(o -> "non-elective-admissions".equals(o.metric)),
                r -> r.programme == null ? List.of() : List.of(r.programme));
    }

    @Test
    @Transactional
    void withoutRecordFiltersFacetsCountLeadersFromTheirOwnSummary() {
        assertCountsAsTheDatabase(Map.of(), "approach", r -> true, r -> r.approaches);
    }

    /**
     * A facet whose own filter is given counts, in every other value, the leaders its filter left
     * out of the hits (LeaderQuery's global aggregation): recounted from the database per region.
     */
    @Test
    @Transactional
    void regionFacetCountsEveryRegionUnderTheOtherFilters() {
        assertCountsAsTheDatabase(Map.of("region", MIDLANDS, "service", "gp"), "region", r -> r.services.contains("gp"),
                r -> r.areas.stream().filter(a -> a.areaCode != null)
                        .flatMap(a -> geography.resolve(a.areaCode).map(Area::regionCode).filter(region -> region != null).stream()).toList());
    }

    /** The same where the other filter is a minimum level: the region facet counts on the leader (facet values by level). */
    @Test
    @Transactional
    void regionFacetCountsEveryRegionAtTheMinimumLevel() {
        assertCountsAsTheDatabase(Map.of("region", MIDLANDS, "verification", "endorsed"), "region",
                r -> r.verification.compareTo(VerificationLevel.ENDORSED) >= 0, r -> r.areas.stream().filter(a -> a.areaCode != null)
                        .flatMap(a -> geography.resolve(a.areaCode).map(Area::regionCode).filter(region -> region != null).stream()).toList());
    }

    /**
     * The search's counts of {@code facet}, per value, are the leaders the database gives: those with a record that
     * {@code passes} the filters and has the value among its {@code values}. Several values must be counted, so that
     * the check can fail.
     */
    private static void assertCountsAsTheDatabase(Map<String, ?> params, String facet, Predicate<IntegrationRecord> passes,
            Function<IntegrationRecord, List<String>> values) {
        Map<String, Set<Long>> expected = new TreeMap<>();
        var leadersOf = Recount.leaders();
        for (IntegrationRecord record : IntegrationRecord.<IntegrationRecord>listAll()) {
            if (passes.test(record)) {
                values.apply(record).forEach(v -> expected.computeIfAbsent(v, k -> new HashSet<>()).addAll(leadersOf.apply(record)));
            }
        }
        var withOnePage = new HashMap<String, Object>(params);
        withOnePage.put("size", 1);
        Map<String, Integer> counted = new TreeMap<>();
        search(withOnePage).getList("facets." + facet, Map.class)
                .forEach(bucket -> counted.put((String) bucket.get("code"), (Integer) bucket.get("leaders")));
        assertTrue(expected.size() > 1, "the demo data has several values to count: " + expected.keySet());
        assertEquals(expected.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().size(), (a, b) -> a, TreeMap::new)),
                counted);
    }

    @Test
    void aNameTheSearchDoesNotTakeOrAOneValueParameterGivenTwiceIsRefusedNamed() {
        given().queryParam("servcie", "gp").when().get("/api/search/leaders").then().statusCode(400)
                .body("violations[0].field", equalTo("servcie")).body("violations[0].in", equalTo("query"))
                .body("violations[0].allowed", hasItem("service"));
        given().queryParam("sort", "recent", "distance").when().get("/api/search/leaders").then().statusCode(400)
                .body("violations[0].field", equalTo("sort"));
        given().queryParam("service", "gp", "social-care").queryParam("size", 1).when().get("/api/search/leaders").then().statusCode(200);
        given().queryParam("colour", "red").when().get("/api/search/regions").then().statusCode(400);
        // the export and the find page take the same names: a typo exported or showed everyone
        given().queryParam("servcie", "gp").when().get("/api/search/export.csv").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("servcie"));
        given().queryParam("sort", "recent", "distance").when().get("/find/export.csv").then().statusCode(400);
        given().queryParam("servcie", "gp").when().get("/find").then().statusCode(400).contentType(containsString("text/html"))
                .body(containsString("servcie")).body(not(containsString("leaders found")));
        given().queryParam("service", "gp").queryParam("gapWithin", "25").queryParam("signedOut", "true").when().get("/find")
                .then().statusCode(200);
    }

    /** A minimum level's count is what choosing it finds: counted on the leader, from one filter's field, and through the records. */
    @Test
    void eachVerificationLevelCountsTheLeadersChoosingItFinds() {
        for (Map<String, Object> base : List.<Map<String, Object>>of(Map.of(), Map.of("service", "gp"), Map.of("region", MIDLANDS, "service", "gp"))) {
            var withOnePage = new HashMap<String, Object>(base);
            withOnePage.put("size", 1);
            var facet = search(withOnePage).getList("facets.verification", Map.class);
            assertEquals(3, facet.size(), base + ": " + facet);
            for (var bucket : facet) {
                var chosen = new HashMap<String, Object>(withOnePage);
                chosen.put("verification", bucket.get("code"));
                assertEquals(bucket.get("leaders"), search(chosen).getInt("total"), base + " and verification=" + bucket.get("code"));
            }
        }
    }

    @Test
    void regionFacetIgnoresItsOwnFilterAndTotalsAgree() {
        var result = search(Map.of("region", MIDLANDS, "service", "gp", "size", 5));
        List<String> regions = result.getList("facets.region.code");
        assertTrue(regions.size() > 1, "other regions still counted: " + regions);
        int midlands = result.getInt("facets.region.find { it.code == '" + MIDLANDS + "' }.leaders");
        assertEquals(result.getInt("total"), midlands);
        var overview = given().queryParam("region", MIDLANDS).queryParam("service", "gp").when().get("/api/search/regions")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(result.getInt("total"), overview.getInt("leaders"));
        assertEquals(midlands, overview.getInt("regions.find { it.code == '" + MIDLANDS + "' }.leaders"));
        assertTrue(overview.getList("icbs.regionCode").stream().allMatch(MIDLANDS::equals));
    }

    @Test
    void distanceFilterAndSortUseTheRecordsPlaces() {
        var result = search(Map.of("nearArea", "E10000024", "within", "40km", "sort", "distance", "size", 50));
        List<Float> distances = result.getList("hits.distanceKm", Float.class);
        assertFalse(distances.isEmpty());
        assertTrue(distances.stream().allMatch(d -> d <= 40.0), "distances " + distances);
        for (int i = 1; i < distances.size(); i++) {
            assertTrue(distances.get(i - 1) <= distances.get(i), "sorted by distance: " + distances);
        }
        var wider = search(Map.of("nearArea", "E10000024", "within", "150km", "size", 1));
        assertTrue(wider.getInt("total") > result.getInt("total"));
    }

    /**
     * With no record filter the distance sort reads the leader's copy of its records' places (LeaderQuery#byDistance); a
     * filter every record passes (the lowest level) sorts through the records. Both give the same leaders at the same distances
     * (leaders at the same distance may come in another order: a filter changes the score that breaks the tie). A leader with
     * no record is found only without the filter, and sorts last, with no place.
     */
    @Test
    void sortedByDistanceWithoutRecordFiltersAsThroughTheRecords() {
        // a point in the Peak District, at no area's centroid, so that distances differ (other tests add leaders at centroids)
        var onTheLeader = search(Map.of("near", "53.4,-1.9", "sort", "distance", "size", 40));
        var throughRecords = search(Map.of("near", "53.4,-1.9", "sort", "distance", "size", 40, "verification", "self-reported"));
        List<Float> distances = onTheLeader.getList("hits.distanceKm", Float.class);
        assertTrue(distances.stream().distinct().count() > 5, "several distances to compare: " + distances);
        assertEquals(throughRecords.getList("hits.distanceKm", Float.class), distances);
        assertEquals(distanceByLeader(throughRecords), distanceByLeader(onTheLeader));
        var shown = recordsShown(onTheLeader);
        var shownThroughRecords = recordsShown(throughRecords);
        assertTrue(shown.values().stream().allMatch(records -> !records.isEmpty()), "each hit shows its records");
        distanceByLeader(onTheLeader).keySet().forEach(id -> assertEquals(shownThroughRecords.get(id), shown.get(id),
                "the records shown for leader " + id + ", nearest first"));
    }

    private static Map<Long, List<Long>> recordsShown(JsonPath result) {
        var ids = result.getList("hits.leader.id", Long.class);
        return IntStream.range(0, ids.size()).boxed()
                .collect(Collectors.toMap(ids::get, i -> result.getList("hits[" + i + "].matchedRecords.id", Long.class)));
    }

    @Test
    void scoredOnTheLeaderWithoutWordsFiltersOrPlaceAsThroughTheRecords() {
        long ongoing = createLeader(leader("Experience Ongoing"));
        var open = record("Discharge hub in Worksop, still running");
        open.remove("periodEnd");
        createRecord(ongoing, open);
        long toCome = createLeader(leader("Experience To Come"));
        var planned = record("Neighbourhood teams in Bassetlaw, to run until a later year");
        planned.put("periodEnd", MentoringOffer.today().plusYears(2).toString());
        createRecord(toCome, planned);
        awaitIndexInStep(Duration.ofSeconds(10));

        // on the leader (its summed experience), and through the records (forced by a record filter every record passes)
        var onTheLeader = scoredLeaders(Map.of());
        var throughRecords = scoredLeaders(Map.of("verification", "self-reported"));
        assertTrue(throughRecords.size() > 100 && onTheLeader.keySet().containsAll(throughRecords.keySet()),
                "every leader with a record is found both ways");
        throughRecords.forEach((id, scored) -> {
            assertEquals(scored.score(), onTheLeader.get(id).score(), 0.011, "the score of leader " + id);
            assertEquals(scored.records(), onTheLeader.get(id).records(), "the records shown for leader " + id);
        });
        assertTrue(throughRecords.values().stream().map(Scored::score).distinct().count() > 10, "scores to compare");
        assertFalse(onTheLeader.get(ongoing).records().isEmpty(), "a leader scored on the leader still shows its records");
        var end = LocalDate.parse((String) planned.get("periodEnd"));
        double freshness = Math.pow(0.5, ChronoUnit.DAYS.between(MentoringOffer.today(), end) / (double) Freshness.HALF_LIFE_DAYS);
        assertEquals(1 - freshness, onTheLeader.get(ongoing).score() - onTheLeader.get(toCome).score(), 0.02,
                "an ongoing record counts fully fresh; one that ends later decays by the time to its end");
    }

    /** A leader's score in a search, and the ids of the records shown with it. */
    private record Scored(double score, List<Long> records) {
    }

    /** Every leader a search finds, all pages of it. */
    private static Map<Long, Scored> scoredLeaders(Map<String, Object> params) {
        var leaders = new HashMap<Long, Scored>();
        for (int page = 0; ; page++) {
            var all = new HashMap<String, Object>(params);
            all.put("size", 100);
            all.put("page", page);
            var result = search(all);
            var ids = result.getList("hits.leader.id", Long.class);
            for (int i = 0; i < ids.size(); i++) {
                leaders.put(ids.get(i), new Scored(result.getDouble("hits[" + i + "].score"),
                        result.getList("hits[" + i + "].matchedRecords.id", Long.class)));
            }
            if (page + 1 >= result.getInt("totalPages")) {
                return leaders;
            }
        }
    }

    /** Each leader's distance, but for those at the page's last distance: a tie at the end of the page may leave out either. */
    private static Map<Long, Float> distanceByLeader(JsonPath result) {
        var ids = result.getList("hits.leader.id", Long.class);
        var distances = result.getList("hits.distanceKm", Float.class);
        var last = distances.get(distances.size() - 1);
        return IntStream.range(0, ids.size()).filter(i -> !distances.get(i).equals(last)).boxed()
                .collect(Collectors.toMap(ids::get, distances::get));
    }

    @Test
    void vocabularySynonymsFindRecordsThatUseOtherWords() {
        long id = createLeader(leader("Synonym Tester"));
        var record = record("Working with general practice teams");
        record.put("summary", "Practices and district nurses met weekly.");
        record.put("services", List.of("community-health", "social-care"));
        record.put("areas", List.of(abroad(-10.5, 60.5)));
        createRecord(id, record);
        awaitIndexInStep(Duration.ofSeconds(10));
        var hits = search(Map.of("q", "family doctor", "near", "-10.5,60.5", "within", "10km"));
        assertEquals(List.of(id), hits.getList("hits.leader.id", Long.class));
        assertEquals(List.of(true), hits.getList("hits[0].matchedRecords.matchedText"));
        assertTrue(hits.getList("hits[0].why", String.class).contains("a record on GP and primary care (read from your words)"));
    }

    @Test
    void pagesAreDisjointAndCountedOnce() {
        var first = search(Map.of("service", "social-care", "size", 7));
        var second = search(Map.of("service", "social-care", "size", 7, "page", 1));
        int total = first.getInt("total");
        assertEquals(total, second.getInt("total"));
        assertEquals((total + 6) / 7, first.getInt("totalPages"));
        var ids = new HashSet<>(first.getList("hits.leader.id"));
        second.getList("hits.leader.id").forEach(id -> assertTrue(ids.add(id), "leader " + id + " on two pages"));
        assertEquals(14, ids.size());
    }

    @Test
    void mentoringAvailableKeepsOnlyWillingLeadersWithCapacity() {
        var result = search(Map.of("mentoring", "available", "size", 100));
        assertTrue(result.getInt("total") > 0);
        assertTrue(result.getList("hits.leader.mentoring.willing", Boolean.class).stream().allMatch(b -> b));
        assertTrue(result.getList("hits.leader.mentoring.capacityLeft", Integer.class).stream().allMatch(c -> c > 0));
    }

    @Test
    void hitsNeverCarryContactDetails() {
        var body = given().queryParam("q", "Whitworth").when().get("/api/search/leaders").then().statusCode(200).extract().asString();
        assertFalse(body.contains("@example.org"), body);
        assertFalse(body.contains("contact"), body);
    }

    /** A single filter's value names the field its facets count from (facet_values_by_service.gp): one shaped like a path is refused. */
    @Test
    void aFilterValueCannotNameAnotherField() {
        for (var param : List.of("service", "region", "icb", "approach", "scope", "programme", "outcome", "verification")) {
            given().queryParam(param, "gp.facet_values").when().get("/api/search/leaders")
                    .then().statusCode(400).contentType("application/problem+json").body("violations[0].field", equalTo(param));
        }
    }

    @Test
    void rejectsBadParametersNamingEach() {
        given().queryParam("service", "plumbing").queryParam("near", "north").queryParam("size", 1000).queryParam("q", "x".repeat(201))
                .when().get("/api/search/leaders")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("q", "service", "near", "size")))
                .body("violations.find { it.field == 'service' }.allowed", hasItem("gp"))
                .body("violations.in", everyItem(equalTo("query")));
        given().queryParam("within", "50km").when().get("/api/search/leaders")
                .then().statusCode(400).body("violations[0].field", equalTo("within"));
        given().queryParam("size", -1).queryParam("region", "E10000024").queryParam("sort", "best")
                .when().get("/api/search/leaders")
                .then().statusCode(400).body("violations.field", equalTo(List.of("region", "sort", "size")));
        given().queryParam("page", 600).queryParam("size", 20).when().get("/api/search/leaders")
                .then().statusCode(400).body("violations[0].field", equalTo("page"))
                .body("violations[0].message", startsWith("results beyond the first 10000"));
        given().queryParam("near", "95,10").queryParam("within", "5000km").when().get("/api/search/regions")
                .then().statusCode(400).body("violations.field", equalTo(List.of("near", "within")));
    }

    @Test
    void userTextIsNeverQuerySyntax() {
        for (var hostile : List.of("name:* OR 1=1", "\"unterminated", "records.services:gp AND (", "*", "\\", "{\"match_all\":{}}")) {
            given().queryParam("q", hostile).when().get("/api/search/leaders").then().statusCode(200);
        }
    }

    @TestHTTPResource("/api/search/leaders?size=20")
    URI pageOfTwenty;

    /**
     * A page of 20 leaders (about 50 KB) goes out in one piece with its length, not chunked
     * (application.properties, output-buffer-size). Asked for as a client that does not ask for gzip
     * (REST Assured's client always does).
     */
    @Test
    void aPageOfLeadersIsWrittenInOnePiece() throws Exception {
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(pageOfTwenty).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode());
        int bytes = response.body().length;
        assertTrue(bytes > 8192, "a page larger than the default 8 KB buffer, to show the setting: " + bytes);
        assertEquals(Optional.of(String.valueOf(bytes)), response.headers().firstValue("Content-Length"));
        assertEquals(Optional.empty(), response.headers().firstValue("Transfer-Encoding"));
    }
}
