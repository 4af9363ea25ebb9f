package org.joinedup.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.joinedup.places.Boundaries;
import org.joinedup.places.Choropleth;
import org.joinedup.places.Populations;
import org.joinedup.platform.ProblemException;
import org.joinedup.platform.Violation;
import org.joinedup.search.Facet;
import org.joinedup.search.RegionOverview;
import org.joinedup.search.SearchParams;
import org.joinedup.search.SearchService;
import org.joinedup.vocabulary.Area;
import org.joinedup.vocabulary.Geography;

/**
 * The map on /find: England by ICB, or the councils of the chosen region, ICB or council's ICB,
 * shaded by leaders found per 100,000 people. The counts are the search's own (its count per ICB
 * and per council a record covered), so choosing an area finds exactly the number it shows. When
 * the search names services or an approach, the map is the gap view: the areas where nobody found
 * has done it stand out and are listed, each with a link to the nearest leaders who have. National
 * work (England as a whole) is in no ICB or council: the table gives it its own line.
 */
@ApplicationScoped
public class FindMap {

    /** What the page draws: the map, what it shows, the councils chosen, and the way back to England. */
    public record Section(Choropleth map, boolean councils, String heading, List<FindPages.Option> chosenAreas, String englandHref,
            List<String> areaParams, Integer gapWithinKm, long national, String nationalHref) {

        public String kind() {
            return councils ? "council" : "ICB";
        }

        /** The distances the gap view offers (any whole km up to the maximum is accepted). */
        public List<String> gapDistances() {
            return GAP_DISTANCES_KM;
        }
    }

    @Inject
    SearchService search;

    @Inject
    Boundaries boundaries;

    @Inject
    Populations populations;

    @Inject
    Geography geography;

    Section of(SearchParams params, SearchLinks links) {
        return of(params, links, null);
    }

    /**
     * With {@code gapWithinKm} (checked by the caller: {@link #gapWithin}), the gap view counts an
     * area as covered when somebody found did it there or within that many km of its centroid.
     */
    Section of(SearchParams params, SearchLinks links, Integer gapWithinKm) {
        var chosenAreas = chosenAreas(params);
        var councils = councilsShown(params);
        boolean gaps = gapView(params);
        Integer within = gaps ? gapWithinKm : null;
        if (councils.isEmpty()) {
            // no council is drawn, so none is counted
            var overview = search.regions(params, false);
            var icbs = geography.ofType(Area.ICB).stream().filter(a -> Boolean.TRUE.equals(a.current())).toList();
            var counts = leaders(overview.icbs());
            var chosenIcbs = chosenIcbs(params);
            var figures = icbs.stream().map(icb -> new Choropleth.Figures(icb.code(), icb.name(), counts.getOrDefault(icb.code(), 0L),
                    populations.of(icb.code()), links.icb(icb.code()), chosenIcbs.contains(icb.code()))).toList();
            var drawing = boundaries.draw(Boundaries.Layer.ICBS, icbs.stream().map(Area::code).toList());
            var covered = within == null ? Set.<String>of() : covered(params, icbs, within, false);
            return new Section(Choropleth.of(drawing, figures, gaps, covered), false, "England by ICB", chosenAreas, null, List.of(), within,
                    overview.national().leaders(), links.area(Geography.ENGLAND));
        }
        // every council of the view stays choosable while one is chosen
        var overview = search.regions(params, Facet.AREA);
        var counts = leaders(overview.councils());
        var chosen = params.area == null ? List.<String>of() : params.area;
        var figures = councils.stream().map(c -> new Choropleth.Figures(c.code(), c.name(), counts.getOrDefault(c.code(), 0L),
                populations.of(c.code()), links.area(c.code()), chosen.contains(c.code()))).toList();
        var drawing = boundaries.draw(Boundaries.Layer.COUNCILS, councils.stream().map(Area::code).toList());
        var covered = within == null ? Set.<String>of() : covered(params, councils, within, true);
        return new Section(Choropleth.of(drawing, figures, gaps, covered), true, "Councils in " + heading(params), chosenAreas, links.england(),
                chosen, within, overview.national().leaders(), links.area(Geography.ENGLAND));
    }

    /** The largest distance the gap view takes: beyond it most of England is "near" anything. */
    static final int MAX_GAP_WITHIN_KM = 100;
    static final List<String> GAP_DISTANCES_KM = List.of("10", "25", "50", "100");

    /** The distance the page asks for, in whole km from 1 to {@link #MAX_GAP_WITHIN_KM}; none when blank; a 400 naming gapWithin otherwise. */
    static Integer gapWithin(String given) {
        if (given == null || given.isBlank()) {
            return null;
        }
        var text = given.strip().replaceFirst("(?i)\\s*km$", "");
        if (text.matches("\\d{1,3}")) {
            int km = Integer.parseInt(text);
            if (km >= 1 && km <= MAX_GAP_WITHIN_KM) {
                return km;
            }
        }
        throw ProblemException.invalid(Violation.query("gapWithin",
                "must be a whole number of km from 1 to " + MAX_GAP_WITHIN_KM));
    }

    /** The areas where somebody found did it there or within {@code km} of the centroid. */
    private Set<String> covered(SearchParams params, List<Area> areas, int km, boolean councils) {
        var centroids = new LinkedHashMap<String, double[]>();
        areas.stream().filter(a -> a.latitude() != null && a.longitude() != null)
                .forEach(a -> centroids.put(a.code(), new double[] {a.latitude(), a.longitude()}));
        var covered = new HashSet<String>();
        var ignored = councils ? new Facet[] {Facet.AREA} : new Facet[0];
        search.coveredWithin(params, centroids, km, councils, ignored).forEach((code, leaders) -> {
            if (leaders > 0) {
                covered.add(code);
            }
        });
        return covered;
    }

    /** The councils to draw: those of the chosen ICBs, else of the chosen regions, else of the chosen councils' ICBs; none for England. */
    private List<Area> councilsShown(SearchParams params) {
        Set<String> icbs = chosenIcbs(params);
        Set<String> regions = new LinkedHashSet<>();
        if (icbs.isEmpty() && params.region != null) {
            params.region.forEach(code -> geography.find(code).ifPresent(a -> regions.add(a.code())));
        }
        if (icbs.isEmpty() && regions.isEmpty() && params.area != null) {
            params.area.forEach(code -> geography.resolve(code).ifPresent(a -> icbs.add(a.isLocalAuthority() ? a.icbCode() : a.code())));
        }
        return geography.all().stream().filter(Area::isLocalAuthority)
                .filter(c -> icbs.contains(c.icbCode()) || regions.contains(c.regionCode())).toList();
    }

    /** A search for services or an approach asks where nobody has done it: the gap view. */
    private static boolean gapView(SearchParams params) {
        return given(params.service) || given(params.approach);
    }

    private Set<String> chosenIcbs(SearchParams params) {
        var icbs = new LinkedHashSet<String>();
        if (params.icb != null) {
            params.icb.forEach(code -> geography.resolve(code).ifPresent(a -> icbs.add(a.code())));
        }
        return icbs;
    }

    /** The names of what the council map shows: the chosen ICBs, else regions, else the chosen councils' ICBs. */
    private String heading(SearchParams params) {
        var codes = given(params.icb) ? params.icb : given(params.region) ? params.region : params.area;
        var names = new LinkedHashSet<String>();
        for (var code : codes) {
            geography.resolve(code).map(a -> a.isLocalAuthority() ? geography.find(a.icbCode()).orElse(a) : a).ifPresent(a -> names.add(a.name()));
        }
        return String.join(" and ", names);
    }

    private static boolean given(List<String> values) {
        return values != null && !values.isEmpty();
    }

    private List<FindPages.Option> chosenAreas(SearchParams params) {
        if (params.area == null) {
            return List.of();
        }
        return params.area.stream().map(code -> new FindPages.Option(code, Geography.isNational(code) ? "England as a whole (national)"
                : geography.find(code).map(Area::name).orElse(code), 0, true)).toList();
    }

    private static Map<String, Long> leaders(List<RegionOverview.AreaCount> counts) {
        var byCode = new HashMap<String, Long>();
        counts.forEach(c -> byCode.put(c.code(), c.leaders()));
        return byCode;
    }
}
