package org.joinedup.search;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.joinedup.Fixtures;
import org.joinedup.leader.MentoringOffer;
import org.joinedup.security.Roles;
import org.joinedup.vocabulary.GeoPoint;
import org.junit.jupiter.api.Test;

/**
 * The Elasticsearch request bodies, byte for byte as they were when they were pinned in
 * src/test/resources/search/: a refactoring of how the bodies are built (field names, helpers)
 * must not change what is sent. A change meant to alter a body reruns this test once with
 * {@code -Djoinedup.request-bodies.update=true}, which rewrites the files, and shows the
 * difference in review.
 */
@QuarkusTest
class RequestBodiesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final boolean UPDATE = Boolean.getBoolean("joinedup.request-bodies.update");

    /** The benchmark's mix (bench/SearchScaleBenchmark.MIX), then the filters and sorts it leaves out. */
    static final List<String> SEARCHES = List.of(
            "q=discharge",
            "q=GP",
            "service=gp&service=social-care",
            "region=E40000011",
            "region=E40000003&service=mental-health&service=social-care",
            "nearArea=E10000024&within=50km",
            "nearArea=E08000025&sort=distance",
            "verification=verified",
            "mentoring=available",
            "programme=vanguard&outcome=non-elective-admissions",
            "q=reablement&region=E40000014&verification=endorsed",
            "service=social-care&page=10",
            // beyond the mix: every other facet, improved outcomes, the track record, recent first
            "icb=E54000060&approach=integrated-teams&scope=place",
            "area=E10000024&outcome=non-elective-admissions&improved=true",
            "improved=true&mentored=yes&sort=recent&size=5",
            "q=integrated care&near=52.9,-1.2&within=30mi&sort=distance");

    @Inject
    SearchCriteriaParser parser;

    @Test
    void searchBodiesAreAsPinned() {
        var token = Fixtures.token("demo-admin");
        var bodies = new LinkedHashMap<String, String>();
        for (var search : SEARCHES) {
            bodies.put(search, given().header("Authorization", Fixtures.bearer(token)).queryParams(params(search))
                    .when().get("/api/admin/search/query").then().statusCode(200).extract().asString());
        }
        assertAsPinned("search-bodies.json", bodies);
    }

    @Test
    void otherBodiesAreAsPinned() {
        var bodies = new LinkedHashMap<String, String>();
        // outside a request the parser reads for the system (no audience filter); a leader's audience is set after
        var plain = parser.parse(searchParams("service=gp&q=discharge&region=E40000011"));
        var reader = plain.forAudience(Audience.ofAccount(List.of(Roles.LEADER), 7L));
        var near = parser.parse(searchParams("nearArea=E10000024&within=25km&improved=true&sort=distance"));
        for (var c : Map.of("filtered", reader, "near", near, "none", parser.parse(searchParams(""))).entrySet()) {
            var query = new LeaderQuery(c.getValue());
            bodies.put("matches:" + c.getKey(), query.matchesBody(100, 50).toString());
            bodies.put("regions:" + c.getKey(), query.regionsBody().toString());
            // the map of England by ICB asks for no per-council counts
            bodies.put("regionsByIcb:" + c.getKey(), query.regionsBody(false).toString());
            bodies.put("export:" + c.getKey(), query.exportBody("pit-1", "2m", 500, List.of(3.5, 42L)).toString());
            bodies.put("moreRecords:" + c.getKey(), query.moreRecordsBody(42L, 1234L).toString());
        }
        var centroids = new LinkedHashMap<String, double[]>();
        centroids.put("E54000060", new double[] {53.1, -1.05});
        centroids.put("E54000058", new double[] {52.9, -1.5});
        bodies.put("coverage:icbs", new LeaderQuery(plain).coverageBody("records.icbs", centroids, 25).toString());
        var weights = new MentorCandidates.Weights(4, 2, 2, 1, 1.5, 1, 2, 25, 0.5, 0.5, 1.5);
        var need = new MentorCandidate.Need(9L, "E10000024", "Nottinghamshire County Council", List.of(" Other Trust "),
                List.of("gp", "social-care"), List.of("integrated-teams"), List.of("calls"), new GeoPoint(52.95, -1.15));
        var bare = new MentorCandidate.Need(9L, null, null, List.of(), List.of("gp"), List.of(), List.of(), null);
        bodies.put("candidates:need", MentorCandidates.findBody(need, weights, 10, Audience.ofAccount(List.of(Roles.COMMISSIONER), null)).toString());
        bodies.put("candidates:bare", MentorCandidates.findBody(bare, weights, 300, Audience.EVERYONE).toString());
        bodies.put("pool:all", MentorCandidates.poolBody(null, Audience.EVERYONE, null).toString());
        bodies.put("pool:some", MentorCandidates.poolBody(List.of(3L, 5L), Audience.ofAccount(List.of(Roles.LEADER), 3L),
                Json.arr(5L)).toString());
        bodies.put("words", LearnerWords.body(new LearnerWords.Ask("a frailty hub for older people", List.of("gp", "social-care")),
                Audience.ofAccount(List.of(Roles.COMMISSIONER), null)).toString());
        assertAsPinned("other-bodies.json", sorted(bodies));
    }

    private static Map<String, String> sorted(Map<String, String> bodies) {
        var keys = new ArrayList<>(bodies.keySet());
        keys.sort(null);
        var out = new LinkedHashMap<String, String>();
        keys.forEach(k -> out.put(k, bodies.get(k)));
        return out;
    }

    /** Bodies name today's date (they are cacheable, see LeaderQuery); the pinned files say {today}. */
    private static void assertAsPinned(String file, Map<String, String> sent) {
        var today = "\"" + MentoringOffer.today() + "\"";
        var bodies = new LinkedHashMap<String, String>();
        sent.forEach((name, body) -> bodies.put(name, body.replace(today, "\"{today}\"")));
        var path = Path.of("src/test/resources/search", file);
        try {
            if (UPDATE) {
                var pinned = JSON.createObjectNode();
                for (var e : bodies.entrySet()) {
                    pinned.set(e.getKey(), JSON.readTree(e.getValue()));
                }
                Files.createDirectories(path.getParent());
                Files.writeString(path, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(pinned) + "\n");
                return;
            }
            var pinned = (ObjectNode) JSON.readTree(path.toFile());
            var names = new ArrayList<String>();
            pinned.fieldNames().forEachRemaining(names::add);
            assertEquals(names, new ArrayList<>(bodies.keySet()), "the bodies pinned in " + path);
            for (var e : bodies.entrySet()) {
                // written compact again, a pinned body is the very bytes sent: key order and number forms included
                JsonNode body = pinned.get(e.getKey());
                assertEquals(undated(JSON.writeValueAsString(body)), undated(e.getValue()), e.getKey());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The ended-experience factor is a decay worked out from today's date: compared as a placeholder, like the date. */
    private static String undated(String body) {
        return body.replaceAll("(\"field\":\"experience[.]ended\",\"factor\":)[0-9.Ee-]+", "$1{factor}");
    }

    private static Map<String, List<String>> params(String query) {
        var params = new LinkedHashMap<String, List<String>>();
        for (var pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            var kv = pair.split("=", 2);
            params.computeIfAbsent(kv[0], k -> new ArrayList<>()).add(URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return params;
    }

    /** The parameters as the resource would bind them, defaults included. */
    private static SearchParams searchParams(String query) {
        var p = new SearchParams();
        p.sort = "relevance";
        p.page = "0";
        p.size = "20";
        params(query).forEach((name, values) -> {
            try {
                var field = SearchParams.class.getField(name);
                field.set(p, field.getType() == List.class ? values : values.get(0));
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException(name, e);
            }
        });
        return p;
    }
}
