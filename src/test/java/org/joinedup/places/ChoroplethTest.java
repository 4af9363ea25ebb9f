package org.joinedup.places;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The shading: none found apart, then four equal steps up to the highest rate on the map. */
class ChoroplethTest {

    @Test
    void ratesFallInEqualStepsUpToTheHighest() {
        var drawing = new Boundaries.Drawing(10, 10, Map.of("a", "M0 0l1 0 0 1z", "b", "M0 0l1 0 0 1z", "c", "M0 0l1 0 0 1z",
                "d", "M0 0l1 0 0 1z"), 0, 0);
        var map = Choropleth.of(drawing, List.of(
                new Choropleth.Figures("a", "Alpha", 0, 100_000, "/find?area=a", false),
                new Choropleth.Figures("b", "Beta", 1, 400_000, "/find?area=b", false), // 0.25 per 100k: the lowest step
                new Choropleth.Figures("c", "Gamma", 4, 200_000, "/find?area=c", true), // 2.0: the highest
                new Choropleth.Figures("d", "Delta", 3, 200_000, "/find?area=d", false), // 1.5: the third step
                new Choropleth.Figures("x", "Not drawn", 9, 1, "/find?area=x", false)));
        var bands = map.areas().stream().collect(Collectors.toMap(Choropleth.Shade::code, Choropleth.Shade::band));
        assertEquals(Map.of("a", 0, "b", 1, "c", 4, "d", 3), bands, "an area without an outline is left out, and so is its rate");
        assertEquals("c", map.areas().get(map.areas().size() - 1).code(), "the chosen area is drawn last, on top");
        assertEquals("Gamma: 4 leaders found, 2.0 per 100,000 people", map.areas().get(3).label());
        assertEquals("Beta: 1 leader found, 0.3 per 100,000 people", map.areas().get(1).label());
        assertEquals(List.of("none found", "over 0.0 to 0.5", "over 0.5 to 1.0", "over 1.0 to 1.5", "over 1.5 to 2.0"),
                map.legend().stream().map(Choropleth.Band::label).toList());
        assertEquals(List.of(), map.gapsByName(), "outside the gap view nothing is a gap");
        assertEquals(List.of("Alpha", "Beta", "Delta", "Gamma"), map.byName().stream().map(Choropleth.Shade::name).toList());

        var gaps = Choropleth.of(drawing, List.of(new Choropleth.Figures("a", "Alpha", 0, 100_000, "/find?area=a", false),
                new Choropleth.Figures("b", "Beta", 2, 100_000, "/find?area=b", false)), true);
        assertEquals(List.of("gap", "b4"), gaps.areas().stream().map(Choropleth.Shade::shade).toList());
        assertEquals(List.of("Alpha"), gaps.gapsByName().stream().map(Choropleth.Shade::name).toList());
        assertEquals("gap: nobody found", gaps.legend().get(0).label());
    }

    @Test
    void smallRatesKeepTwoSignificantFiguresSoNoBandOrAreaWithLeadersReadsAsZero() {
        var drawing = new Boundaries.Drawing(10, 10, Map.of("a", "M0 0l1 0 0 1z", "b", "M0 0l1 0 0 1z"), 0, 0);
        var map = Choropleth.of(drawing, List.of(new Choropleth.Figures("a", "Alpha", 0, 1_000_000, "/find?area=a", false),
                new Choropleth.Figures("b", "Beta", 1, 2_100_000, "/find?area=b", false))); // 0.048 per 100k
        assertEquals(List.of("none found", "over 0.0 to 0.012", "over 0.012 to 0.024", "over 0.024 to 0.036", "over 0.036 to 0.048"),
                map.legend().stream().map(Choropleth.Band::label).toList());
        assertEquals("Beta: 1 leader found, 0.048 per 100,000 people", map.areas().get(1).label());
        assertEquals("0.0", map.areas().get(0).rateText());
    }
}
