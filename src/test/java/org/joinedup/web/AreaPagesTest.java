package org.joinedup.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.joinedup.Fixtures.createLeader;
import static org.joinedup.Fixtures.createRecord;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import jakarta.inject.Inject;
import java.text.NumberFormat;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.joinedup.Fixtures;
import org.joinedup.places.NearestNeighbours;
import org.joinedup.places.Populations;
import org.joinedup.vocabulary.Area;
import org.joinedup.vocabulary.AreaStatistics;
import org.joinedup.vocabulary.Geography;
import org.joinedup.vocabulary.Vocabularies;
import org.joinedup.vocabulary.VocabularyKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The area page (/areas/{code}) read as HTML against the figures it shows and the search it rests on,
 * and the gap view's distance on /find against leaders made at known places: the leaders made here
 * carry one made-up word in their record titles, so the word narrows /find to them.
 */
@QuarkusTest
class AreaPagesTest {

    private static final RestAssuredConfig NO_REDIRECTS = RestAssuredConfig.config().redirect(RedirectConfig.redirectConfig().followRedirects(false));
    private static final String WORD = "Gapwhistle";
    private static final String NOTTINGHAMSHIRE = "E10000024";
    private static final String RUTLAND = "E06000017";
    private static final String SCILLY = "E06000053";
    private static final Pattern FIGURE = Pattern.compile("<tr data-figure=\"([a-z0-9-]+)\"><th scope=\"row\">[^<]+</th><td>([^<]+)</td></tr>");
    private static final Pattern GAP = Pattern.compile("<li data-code=\"(E\\d+)\">[^<]+: <a href=");
    private static final Pattern MAP_ROW = Pattern.compile("<tr data-code=\"(E\\d+)\"><td><a href=\"/find[^\"]*\">");

    private static long inRutland;
    private static long inScilly;
    private static long hiddenInScilly;

    @Inject
    Geography geography;

    @Inject
    AreaStatistics statistics;

    @Inject
    Populations populations;

    @Inject
    NearestNeighbours neighbours;

    @Inject
    Vocabularies vocabularies;

    @BeforeEach
    void leaders() {
        if (inRutland == 0) {
            Fixtures.actAs("demo-admin");
            inRutland = leaderWithRecord("Rutland Whistle", RUTLAND, "public", List.of("pooled-budgets"));
            inScilly = leaderWithRecord("Scilly Whistle", SCILLY, "public", List.of("pooled-budgets", "integrated-teams"));
            hiddenInScilly = leaderWithRecord("Hidden Whistle", SCILLY, "registered", List.of("care-coordinators"));
        }
        Fixtures.actAnonymously();
        Fixtures.awaitIndexInStep(Duration.ofSeconds(60));
    }

    private static long leaderWithRecord(String name, String council, String visibility, List<String> approaches) {
        var leader = Fixtures.leader(name);
        leader.put("visibility", visibility);
        long id = createLeader(leader);
        var record = Fixtures.record(WORD + " pooled fund for frailty");
        record.put("areas", List.of(Map.of("code", council)));
        record.put("approaches", approaches);
        createRecord(id, record);
        return id;
    }

    @Test
    void aCouncilsPageShowsItsFiguresAsPublishedAndItsPlaces() {
        var html = page("/areas/" + NOTTINGHAMSHIRE);
        var figures = figures(html);
        var c = statistics.find(NOTTINGHAMSHIRE).orElseThrow();
        assertEquals(NumberFormat.getIntegerInstance(Locale.UK).format(c.population()), figures.get("population"));
        assertEquals(String.format(Locale.ROOT, "%.1f%%", c.percentAged65Plus()), figures.get("aged-65-plus"));
        assertEquals(String.format(Locale.ROOT, "%.3f", c.deprivation2025()), figures.get("deprivation-2025"));
        assertEquals(String.format(Locale.ROOT, "%.3f", c.deprivation2019()), figures.get("deprivation-2019"));
        assertTrue(html.contains("<h1 id=\"area-name\">Nottinghamshire</h1>"), "its name");
        var area = geography.find(NOTTINGHAMSHIRE).orElseThrow();
        assertTrue(html.contains("<a href=\"/areas/" + area.icbCode() + "\">"), "its ICB, linked");
        assertTrue(html.contains("<a href=\"/areas/" + area.regionCode() + "\">"), "its region, linked");
        assertTrue(html.contains("id=\"figures-source\">Sources: Office for National Statistics"), "where the figures come from");

        // the nearest neighbours, in order, each linked to its own page
        var listed = Pattern.compile("<li data-code=\"(E\\d+)\"><a href=\"/areas/\\1\">").matcher(section(html, "area-neighbours")).results()
                .map(m -> m.group(1)).toList();
        assertEquals(neighbours.of(NOTTINGHAMSHIRE, 10).stream().map(n -> n.code()).toList(), listed);
        assertEquals("E10000007", listed.get(0), "Derbyshire is the nearest (docs/places.md)");

        // the map: the councils of its ICB, this one outlined, each a link to its own page
        var councilsOfIcb = geography.all().stream().filter(a -> a.isLocalAuthority() && area.icbCode().equals(a.icbCode())).map(Area::code)
                .collect(Collectors.toSet());
        var drawn = Pattern.compile("<a href=\"/areas/(E\\d+)\" class=\"(?:b[0-4])( sel)?\" data-code=\"\\1\"").matcher(html).results().toList();
        assertEquals(councilsOfIcb, drawn.stream().map(m -> m.group(1)).collect(Collectors.toSet()));
        assertEquals(List.of(NOTTINGHAMSHIRE), drawn.stream().filter(m -> m.group(2) != null).map(m -> m.group(1)).toList());
    }

    @Test
    void anIcbsAndARegionsPagesSumTheirCouncilsAndListWhatIsInThem() {
        var icb = geography.find(NOTTINGHAMSHIRE).orElseThrow().icbCode();
        var html = page("/areas/" + icb);
        long sum = statistics.all().stream().filter(f -> icb.equals(geography.find(f.code()).orElseThrow().icbCode())).mapToLong(f -> f.population())
                .sum();
        assertEquals(NumberFormat.getIntegerInstance(Locale.UK).format(sum), figures(html).get("population"));
        assertEquals(NumberFormat.getIntegerInstance(Locale.UK).format(populations.of(icb)), figures(html).get("population"));
        assertTrue(section(html, "area-councils").contains("<a href=\"/areas/" + NOTTINGHAMSHIRE + "\">Nottinghamshire</a>"), "its councils");
        assertTrue(html.contains("Integrated care board (ICB)"));
        assertFalse(html.contains("id=\"area-neighbours\""), "neighbours are between councils only");

        var region = geography.find(icb).orElseThrow().regionCode();
        var regionPage = page("/areas/" + region);
        assertEquals(NumberFormat.getIntegerInstance(Locale.UK).format(populations.of(region)), figures(regionPage).get("population"));
        var icbs = geography.ofType(Area.ICB).stream().filter(a -> Boolean.TRUE.equals(a.current()) && region.equals(a.regionCode())).map(Area::code)
                .collect(Collectors.toSet());
        var listed = Pattern.compile("<a href=\"/areas/(E\\d+)\">").matcher(section(regionPage, "area-region-icbs")).results().map(m -> m.group(1))
                .collect(Collectors.toSet());
        assertEquals(icbs, listed, "the region's ICBs");
        var drawn = Pattern.compile("data-code=\"(E54\\d+)\" aria-label").matcher(regionPage).results().map(m -> m.group(1)).collect(Collectors.toSet());
        assertEquals(icbs, drawn, "the map of a region draws its ICBs");

        // region outlines over England by ICB, and ICB outlines over a region's councils
        assertTrue(Pattern.compile("<path class=\"borders\" d=\"M\\d+ \\d+l[^\"]+\" aria-hidden=\"true\"/></svg>").matcher(page("/find")).find(),
                "the regions' borders drawn over the ICBs");
        assertTrue(page("/find?region=" + region).contains("Dark lines: ICB borders."), "a region's councils show their ICBs' borders");
    }

    @Test
    void theLeadersAndGapsAreTheSearchsForTheAreaAndHiddenLeadersStayHidden() {
        var html = page("/areas/" + SCILLY);
        var found = given().queryParam("area", SCILLY).when().get("/api/search/leaders").then().statusCode(200).extract().jsonPath();
        assertTrue(html.contains("id=\"area-leader-count\">" + found.getLong("total") + " leader"), "the count is the search's");
        assertTrue(html.contains("<li data-leader=\"" + inScilly + "\">"), "the leader who worked there");
        assertFalse(html.contains("data-leader=\"" + hiddenInScilly + "\""), "a leader hidden from the visitor is not shown");
        assertTrue(html.contains("href=\"/find?area=" + SCILLY + "\""), "a way on to /find narrowed to the area");

        var approachGaps = Pattern.compile("<li data-code=\"([a-z-]+)\">").matcher(section(html, "gaps-approaches")).results().map(m -> m.group(1))
                .collect(Collectors.toSet());
        assertFalse(approachGaps.contains("pooled-budgets"), "somebody found used pooled budgets there");
        assertFalse(approachGaps.contains("integrated-teams"));
        for (var approach : vocabularies.get(VocabularyKind.APPROACHES).codes()) {
            long there = given().queryParam("area", SCILLY).queryParam("approach", approach).when().get("/api/search/leaders").then().statusCode(200)
                    .extract().jsonPath().getLong("total");
            assertEquals(there == 0, approachGaps.contains(approach), approach + ": a gap exactly where the search finds nobody");
        }
        // signed in as staff the hidden leader is found, so care coordinators is no gap
        var staff = given().cookie("joinedup-session", PagesTest.signIn("demo-admin")).when().get("/areas/" + SCILLY).then().statusCode(200).extract().asString();
        assertTrue(staff.contains("data-leader=\"" + hiddenInScilly + "\""), "staff see the leader hidden from the public");
        assertTrue(staff.contains("id=\"area-assessment\""), "the self-assessment summary (or an invitation to record one), for staff");
        assertFalse(html.contains("id=\"area-assessment\""), "not for the public");
    }

    @Test
    void anUnknownCodeIsANotFoundPageAndASupersededIcbMovesOn() {
        given().when().get("/areas/E99999999").then().statusCode(404).contentType(startsWith("text/html")).body(containsString("Not found"));
        given().when().get("/areas/%3Cscript%3E").then().statusCode(404).contentType(startsWith("text/html"));
        given().config(NO_REDIRECTS).when().get("/areas/E54000022").then().statusCode(301).header("Location", containsString("/areas/E54000068"));
    }

    @Test
    void theGapViewByDistanceCountsAnAreaCoveredWhenSomebodyDidItWithinTheDistance() {
        var rutland = geography.find(RUTLAND).orElseThrow();
        var scilly = geography.find(SCILLY).orElseThrow();
        var icbs = geography.ofType(Area.ICB).stream().filter(a -> Boolean.TRUE.equals(a.current())).toList();
        var search = "/find?q=" + WORD + "&approach=pooled-budgets";

        Set<String> there = icbs.stream().map(Area::code).filter(c -> !c.equals(rutland.icbCode()) && !c.equals(scilly.icbCode()))
                .collect(Collectors.toSet());
        assertEquals(there, gaps(page(search)), "without a distance, only the ICBs they worked in are covered");

        for (int km : List.of(25, 50, 100)) {
            var html = page(search + "&gapWithin=" + km);
            var gaps = gaps(html);
            for (var icb : icbs) {
                double fromRutland = Geography.distanceKm(icb.latitude(), icb.longitude(), rutland.latitude(), rutland.longitude());
                double fromScilly = Geography.distanceKm(icb.latitude(), icb.longitude(), scilly.latitude(), scilly.longitude());
                double nearest = Math.min(fromRutland, fromScilly);
                if (Math.abs(nearest - km) < 0.5) {
                    continue; // too close to the line to say which side rounding puts it
                }
                boolean covered = nearest < km || icb.code().equals(rutland.icbCode()) || icb.code().equals(scilly.icbCode());
                assertEquals(!covered, gaps.contains(icb.code()), km + " km: " + icb.name() + " at " + Math.round(nearest) + " km");
            }
            assertTrue(html.contains("there or within " + km + " km in " + gaps.size() + " of " + icbs.size() + " ICBs"), km + " km: the heading");
            assertTrue(html.contains("<option value=\"" + km + "\" selected>"), "the distance stays chosen");
            assertTrue(Pattern.compile("href=\"/find\\?[^\"]*gapWithin=" + km).matcher(html).find(), "the map's links keep the distance");
        }
        assertTrue(gaps(page(search + "&gapWithin=100")).size() < there.size(), "100 km covers more than the ICBs themselves");

        // the councils of Rutland's region, by distance from Rutland's centroid
        var councilsHtml = page(search + "&region=" + rutland.regionCode() + "&gapWithin=50");
        var councils = geography.all().stream().filter(a -> a.isLocalAuthority() && rutland.regionCode().equals(a.regionCode())).toList();
        var councilGaps = gaps(councilsHtml);
        for (var c : councils) {
            double km = Geography.distanceKm(c.latitude(), c.longitude(), rutland.latitude(), rutland.longitude());
            if (Math.abs(km - 50) >= 0.5) {
                assertEquals(!(km < 50), councilGaps.contains(c.code()), c.name() + " at " + Math.round(km) + " km");
            }
        }
        assertFalse(councilGaps.contains(RUTLAND));
        assertEquals(councils.size(), MAP_ROW.matcher(councilsHtml).results().count(), "every council of the region drawn");
    }

    @Test
    void aDistanceOutOfRangeIsTheFormsErrorBesideItsField() {
        for (var bad : List.of("0", "101", "abc", "25.5", "99999999999999999999", "-5")) {
            var html = given().when().get("/find?approach=pooled-budgets&gapWithin=" + bad).then().statusCode(400).extract().asString();
            assertTrue(html.contains("id=\"gapWithin-error\""), bad + ": the error beside the field");
            assertTrue(html.contains("href=\"#gapWithin\""), bad + ": the summary links to it");
            assertTrue(html.contains("id=\"england-map\""), bad + ": the map still shows");
        }
        given().when().get("/find?approach=pooled-budgets&gapWithin=25km").then().statusCode(200);
        given().when().get("/find?approach=pooled-budgets&gapWithin=").then().statusCode(200);
    }

    private static Set<String> gaps(String html) {
        return GAP.matcher(html).results().map(m -> m.group(1)).collect(Collectors.toCollection(HashSet::new));
    }

    private static Map<String, String> figures(String html) {
        return FIGURE.matcher(html).results().collect(Collectors.toMap(m -> m.group(1), m -> m.group(2)));
    }

    /** The element with that id, to its first closing list or table tag. */
    private static String section(String html, String id) {
        int from = html.indexOf("id=\"" + id + "\"");
        assertTrue(from >= 0, "the page has #" + id);
        int to = html.indexOf("</ul>", from);
        int ol = html.indexOf("</ol>", from);
        if (ol >= 0 && (to < 0 || ol < to)) {
            to = ol;
        }
        return html.substring(from, to);
    }

    private static String page(String path) {
        return given().when().get(path).then().statusCode(200).contentType(startsWith("text/html")).extract().asString();
    }
}
