package org.joinedup.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.joinedup.Fixtures;
import org.joinedup.leader.ProfileAudience;
import org.junit.jupiter.api.Test;

/**
 * What suggestions add to a search that finds nobody, on the demo data, for an anonymous caller:
 * the median of {@link #RUNS} runs of the search alone and of the search with its suggestions,
 * interleaved, in the service's own JVM (docs/search.md, "When nothing is found"). A measurement,
 * not a test: named so that the build never runs it; run it by name with {@code -Dtest=SuggestionCostBenchmark}.
 */
@QuarkusTest
class SuggestionCostBenchmark {

    private static final int RUNS = 30;
    private static final int WARM_UP = 5;
    private static final Audience ANONYMOUS = new Audience(List.of("public"), null, ProfileAudience.PUBLIC);

    @Inject
    SearchService search;

    @Inject
    SearchSuggestions suggestions;

    @Inject
    SearchCriteriaParser parser;

    @Test
    void measuresTheExtraCostOfSuggestions() {
        Fixtures.awaitIndexInStep(Duration.ofSeconds(120));
        var cases = new TreeMap<>(Map.of(
                "filters: 3 services in London, verified (no single drop finds anybody)", params(Map.of("service", List.of("gp", "pharmacy", "housing"),
                        "region", List.of("E40000003"), "verification", List.of("verified"))),
                "distance: GP and pharmacy within 10km of Hartlepool", params(Map.of("service", List.of("gp", "pharmacy"),
                        "nearArea", List.of("E06000001"), "within", List.of("10km"))),
                "text: a misspelt word", params(Map.of("q", List.of("dischrage"))),
                "text and filter: a misspelt word in London", params(Map.of("q", List.of("integraton"), "region", List.of("E40000003")))));
        var report = new StringBuilder("\nSuggestion cost on the demo data (ms, median of " + RUNS + ", interleaved):\n");
        for (var entry : cases.entrySet()) {
            var params = entry.getValue();
            var criteria = criteria(params);
            assertEquals(0, search.search(criteria).total(), entry.getKey() + " must find nobody");
            var alone = new ArrayList<Long>();
            var with = new ArrayList<Long>();
            for (int i = 0; i < WARM_UP + RUNS; i++) {
                long t0 = System.nanoTime();
                search.search(criteria);
                long t1 = System.nanoTime();
                var result = search.search(criteria);
                suggestions.suggest(params, criteria);
                long t2 = System.nanoTime();
                if (i >= WARM_UP && result.total() == 0) {
                    alone.add(t1 - t0);
                    with.add(t2 - t1);
                }
            }
            double a = median(alone), w = median(with);
            report.append(String.format("  %-72s search %6.1f  with suggestions %6.1f  extra %6.1f  (%s)%n", entry.getKey(), a, w, w - a,
                    suggestions.suggest(params, criteria).stream().map(s -> s.label() + " " + s.count()).toList()));
        }
        System.out.println(report);
    }

    private SearchCriteria criteria(SearchParams params) {
        // parsed as a request would be, then for anonymous eyes (there is no request here)
        return parser.parse(params).forAudience(ANONYMOUS);
    }

    private static SearchParams params(Map<String, List<String>> values) {
        var p = new SearchParams();
        p.sort = "relevance";
        p.page = "0";
        p.size = "20";
        var q = values.get("q");
        p.q = q == null ? null : q.get(0);
        p.service = values.get("service");
        p.region = values.get("region");
        p.verification = values.containsKey("verification") ? values.get("verification").get(0) : null;
        p.nearArea = values.containsKey("nearArea") ? values.get("nearArea").get(0) : null;
        p.within = values.containsKey("within") ? values.get("within").get(0) : null;
        return p;
    }

    private static double median(List<Long> nanos) {
        var sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return sorted.length == 0 ? Double.NaN : Arrays.stream(sorted).skip(sorted.length / 2).findFirst().getAsLong() / 1e6;
    }
}
