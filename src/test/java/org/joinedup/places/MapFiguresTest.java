package org.joinedup.places;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.joinedup.Fixtures;
import org.joinedup.vocabulary.Area;
import org.joinedup.vocabulary.AreaStatistics;
import org.joinedup.vocabulary.Geography;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The map's figures on /find, recounted: each area's leaders from the search API, its population from the ONS figures. */
@QuarkusTest
class MapFiguresTest {

    private static final Pattern ROW = Pattern.compile(
            "<tr data-code=\"(E\\d+)\"><td><a href=\"([^\"]+)\">[^<]+</a></td><td>(\\d+)</td><td>([\\d,]+)</td><td>([\\d.]+)</td>"
                    + "<td><a href=\"/areas/\\1\">Area page<span class=\"nhsuk-u-visually-hidden\"> of [^<]+</span></a></td></tr>");
    private static final Pattern AREA = Pattern.compile(
            "<a href=\"([^\"]+)\" class=\"(?:b[0-4]|gap)( sel)?\" data-(icb|area)=\"(E\\d+)\" aria-label=\"([^\"]+)\"><title>([^<]+)</title><path d=\"M[^\"]+z\"/></a>");

    @Inject
    Geography geography;

    @Inject
    AreaStatistics statistics;

    record Row(String code, String href, long leaders, long population, String rate) {
    }

    @BeforeAll
    static void anonymous() {
        Fixtures.actAnonymously();
    }

    @BeforeEach
    void indexInStep() {
        Fixtures.awaitIndexInStep(Duration.ofSeconds(60));
    }

    @Test
    void englandByIcbCountsWhatTheSearchFindsInEachIcb() {
        for (var q : List.of("", "GP")) {
            var html = page("/find?q=" + q);
            var rows = rows(html);
            var icbs = geography.ofType(Area.ICB).stream().filter(a -> Boolean.TRUE.equals(a.current())).map(Area::code).toList();
            assertEquals(new HashSet<>(icbs), new HashSet<>(rows.stream().map(Row::code).toList()), "one row per current ICB");
            long withLeaders = 0;
            for (var row : rows) {
                long found = given().queryParam("q", q).queryParam("icb", row.code()).when().get("/api/search/leaders")
                        .then().statusCode(200).extract().jsonPath().getLong("total");
                assertEquals(found, row.leaders(), row.code() + ": the map's count is what the search finds there");
                assertEquals(councilsPopulation(row.code()), row.population(), row.code() + ": the sum of its councils' populations");
                assertEquals(String.format(Locale.ROOT, "%.1f", row.leaders() * 100_000.0 / row.population()), row.rate());
                withLeaders += row.leaders() > 0 ? 1 : 0;
            }
            assertTrue(withLeaders > 5, "the demo data finds leaders in many ICBs: " + withLeaders);

            var areas = AREA.matcher(html).results().toList();
            assertEquals(icbs.size(), areas.size(), "one linked area per ICB in the SVG");
            assertEquals(new HashSet<>(icbs), new HashSet<>(areas.stream().map(m -> m.group(4)).toList()));
            for (var m : areas) {
                assertEquals("icb", m.group(3));
                assertTrue(m.group(1).contains("icb=" + m.group(4)), "choosing the area narrows the search to it: " + m.group(1));
                assertEquals(m.group(5), m.group(6), "the same name and figures on hover and for screen readers");
                assertTrue(unescape(m.group(5)).startsWith(geography.find(m.group(4)).orElseThrow().name() + ": "), m.group(5));
            }
            assertTrue(html.contains("Source: Office for National Statistics licensed under the"), "the ONS attribution is under the map");
        }
    }

    @Test
    void aRegionShowsItsCouncilsCountedAsTheAreaFilterCountsThem() {
        var region = "E40000012"; // North East and Yorkshire
        var html = page("/find?q=&region=" + region);
        var rows = rows(html);
        var councils = geography.all().stream().filter(a -> a.isLocalAuthority() && region.equals(a.regionCode())).map(Area::code).toList();
        assertEquals(new HashSet<>(councils), new HashSet<>(rows.stream().map(Row::code).toList()), "one row per council of the region");
        long withLeaders = 0;
        for (var row : rows) {
            long found = given().queryParam("region", region).queryParam("area", row.code()).when().get("/api/search/leaders")
                    .then().statusCode(200).extract().jsonPath().getLong("total");
            assertEquals(found, row.leaders(), row.code() + ": the map's count is what the search finds there");
            assertEquals(statistics.find(row.code()).orElseThrow().population(), row.population());
            assertTrue(row.href().contains("area=" + row.code()) && row.href().contains("region=" + region), row.href());
            withLeaders += row.leaders() > 0 ? 1 : 0;
        }
        assertTrue(withLeaders > 0, "somebody worked in a council of the region");
        assertEquals(councils.size(), AREA.matcher(html).results().filter(m -> "area".equals(m.group(3))).count(), "one linked area per council");
        assertTrue(html.contains("id=\"map-england\""), "a way back to England");
    }

    @Test
    void aChosenCouncilNarrowsTheSearchKeepsItsNeighboursOnTheMapAndStaysInTheForm() {
        var council = "E06000001"; // Hartlepool
        var html = page("/find?area=" + council);
        assertTrue(html.contains("id=\"chosen-area\""), "the chosen council is named");
        assertTrue(html.contains("<input type=\"hidden\" name=\"area\" value=\"" + council + "\">"), "applying other filters keeps it");
        var icb = geography.find(council).orElseThrow().icbCode();
        var neighbours = geography.all().stream().filter(a -> a.isLocalAuthority() && icb.equals(a.icbCode())).count();
        assertEquals(neighbours, rows(html).size(), "every council of its ICB stays choosable");
        assertTrue(html.contains("class=\"b0 sel\"") || Pattern.compile("class=\"b[1-4] sel\" data-area=\"" + council + "\"").matcher(html).find());

        // the odd and the hostile: an unknown area is the form's error, not a broken map; an ICB as the area draws its councils
        given().when().get("/find?area=E99999999").then().statusCode(400);
        var byIcb = page("/find?area=" + icb);
        assertEquals(neighbours, rows(byIcb).size());
        var manyIcbs = new StringBuilder("/find?q=");
        geography.ofType(Area.ICB).stream().filter(a -> Boolean.TRUE.equals(a.current())).forEach(a -> manyIcbs.append("&icb=").append(a.code()));
        assertEquals(statistics.all().size(), rows(page(manyIcbs.toString())).size(), "every ICB chosen: every council drawn");
    }

    @Test
    void theGapViewListsExactlyTheAreasWhereNobodyFoundHasDoneIt() {
        var gapItem = Pattern.compile("<li data-code=\"(E\\d+)\">[^<]+: <a href=\"([^\"]+)\">");
        for (var search : List.of("approach=pooled-budgets", "service=gp&service=social-care", "approach=pooled-budgets&region=E40000011")) {
            var html = page("/find?" + search);
            var rows = rows(html);
            var gaps = new HashSet<String>();
            var nearest = new ArrayList<String>();
            gapItem.matcher(html).results().forEach(m -> {
                gaps.add(m.group(1));
                nearest.add(m.group(2).replace("&amp;", "&"));
            });
            var empty = new HashSet<>(rows.stream().filter(r -> r.leaders() == 0).map(Row::code).toList());
            assertEquals(empty, gaps, search + ": the gaps are the areas where the search found nobody");
            assertTrue(rows.stream().anyMatch(r -> r.leaders() > 0), search + ": somebody has done it somewhere");
            for (var code : gaps) {
                assertTrue(Pattern.compile("class=\"gap( sel)?\" data-(icb|area)=\"" + code + "\"").matcher(html).find(), code + " drawn as a gap");
                var filter = code.startsWith("E54") ? "icb" : "area";
                long found = given().queryParam(filter, code).when().get("/api/search/leaders?" + search)
                        .then().statusCode(200).extract().jsonPath().getLong("total");
                assertEquals(0, found, code + ": nobody found there");
            }
            assertTrue(html.contains("Gaps: no one found who has done it in " + gaps.size() + " of " + rows.size()));
            if (!nearest.isEmpty()) {
                var link = nearest.get(0);
                assertTrue(link.contains("nearArea=") && link.contains("sort=distance") && !link.contains("region="), link);
                var answer = page(link);
                assertTrue(answer.matches("(?s).*id=\"result-count\">[1-9].*"), "the nearest who have done it: " + link);
            }
        }
        var plain = page("/find?q=GP");
        assertTrue(!plain.contains("id=\"map-gaps-heading\"") && !plain.contains("class=\"gap"), "no gap view without services or an approach");
    }

    private static String page(String path) {
        return given().when().get(path).then().statusCode(200).extract().asString();
    }

    private static List<Row> rows(String html) {
        var rows = new ArrayList<Row>();
        var m = ROW.matcher(html);
        while (m.find()) {
            rows.add(new Row(m.group(1), m.group(2).replace("&amp;", "&"), Long.parseLong(m.group(3)),
                    Long.parseLong(m.group(4).replace(",", "")), m.group(5)));
        }
        return rows;
    }

    private static String unescape(String html) {
        return html.replace("&#39;", "'").replace("&quot;", "\"").replace("&amp;", "&");
    }

    private long councilsPopulation(String icb) {
        return statistics.all().stream().filter(f -> icb.equals(geography.find(f.code()).orElseThrow().icbCode()))
                .mapToLong(c -> c.population()).sum();
    }
}
