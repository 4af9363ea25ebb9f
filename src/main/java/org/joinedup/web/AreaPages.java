package org.joinedup.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.text.NumberFormat;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.joinedup.places.AssessmentService;
import org.joinedup.places.AssessmentView;
import org.joinedup.places.Boundaries;
import org.joinedup.places.Choropleth;
import org.joinedup.places.NearestNeighbours;
import org.joinedup.places.Populations;
import org.joinedup.places.Strengths;
import org.joinedup.places.StrengthsForGaps;
import org.joinedup.platform.ProblemException;
import org.joinedup.search.Facet;
import org.joinedup.search.SearchParams;
import org.joinedup.search.SearchResult;
import org.joinedup.search.SearchService;
import org.joinedup.vocabulary.Area;
import org.joinedup.vocabulary.AreaStatistics;
import org.joinedup.vocabulary.Geography;
import org.joinedup.vocabulary.Vocabularies;
import org.joinedup.vocabulary.VocabularyKind;

/**
 * The page of one council, ICB or NHS region: where it sits, its figures, its nearest neighbours,
 * who has worked there, what nobody in the registry has done there, and the map zoomed to it.
 * Public, as /find is: the search it shows is the visitor's own, so hidden leaders stay hidden.
 */
@Path("/areas")
@Blocking
public class AreaPages {

    /** How many leaders the page shows before sending on to /find, and how many neighbours. */
    static final int LEADERS_SHOWN = 10;
    static final int NEIGHBOURS_SHOWN = 10;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance area(AreaView view);
    }

    /** An area linked to its own page. */
    public record Link(String code, String name) {

        public String href() {
            return "/areas/" + code;
        }
    }

    /** One line of the figures: what, how much, and (optionally) a note. */
    public record Figure(String id, String label, String value) {
    }

    /** A council like this one: its distance and what both share. */
    public record Neighbour(Link area, String distance, String traits) {
    }

    /** A service or approach nobody found has done here, with where to find the nearest who have (none for a region). */
    public record Gap(String code, String label, String nearestHref) {
    }

    public record AreaView(String code, String name, String kind, List<Link> icbs, Link region, List<Link> councils, List<Link> icbsOfRegion,
            List<Figure> figures, String figuresSource, List<Neighbour> neighbours, SearchResult leaders, String findHref,
            List<Gap> serviceGaps, List<Gap> approachGaps, Choropleth map, String mapHeading, SelfAssessment assessment) {

        public boolean council() {
            return "council".equals(kind);
        }
    }

    /**
     * For those who may read self-assessments, on a council's or ICB's page: the latest one's date and
     * weakest dimensions ({@code latest} null when there is none yet); null for everyone else and for regions.
     */
    public record SelfAssessment(String href, AssessmentView latest, List<StrengthsForGaps.WeakDimension> weakest) {
    }

    @Inject
    Geography geography;

    @Inject
    PageContext page;

    @Inject
    AssessmentService assessments;

    @Inject
    Strengths strengths;

    @Inject
    AreaStatistics statistics;

    @Inject
    Populations populations;

    @Inject
    NearestNeighbours neighbours;

    @Inject
    SearchService search;

    @Inject
    Boundaries boundaries;

    @Inject
    Vocabularies vocabularies;

    @GET
    @Path("/{code}")
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    public Response area(@PathParam("code") String code) {
        var area = geography.find(code).orElseThrow(() -> ProblemException.notFound("Area", code));
        if (area.successorCode() != null) {
            // a superseded ICB's page is its successor's
            return Response.status(301).location(URI.create("/areas/" + area.successorCode())).build();
        }
        return Pages.html(200, Templates.area(view(area)));
    }

    private AreaView view(Area area) {
        var params = searchParams();
        params.size = String.valueOf(LEADERS_SHOWN);
        String kind;
        String findHref;
        if (area.isLocalAuthority()) {
            kind = "council";
            params.area = List.of(area.code());
            findHref = "/find?area=" + area.code();
        } else if (Area.ICB.equals(area.type())) {
            kind = "ICB";
            params.icb = List.of(area.code());
            findHref = "/find?icb=" + area.code();
        } else {
            kind = "region";
            params.region = List.of(area.code());
            findHref = "/find?region=" + area.code();
        }
        var leaders = search.search(params);
        var region = geography.find(area.regionCode()).map(r -> new Link(r.code(), r.name())).orElse(null);
        var icbs = area.isLocalAuthority() ? geography.find(area.icbCode()).map(i -> List.of(new Link(i.code(), i.name()))).orElse(List.of())
                : List.<Link>of();
        var councils = Area.ICB.equals(area.type()) ? councilsOf(area.code()) : List.<Link>of();
        var icbsOfRegion = Area.REGION.equals(area.type()) ? icbsOf(area.code()) : List.<Link>of();
        return new AreaView(area.code(), area.name(), kind, icbs, Area.REGION.equals(area.type()) ? null : region, councils, icbsOfRegion,
                figures(area), figuresSource(area), neighbours(area), leaders, findHref,
                gaps(area, leaders, Facet.SERVICE, VocabularyKind.SERVICES), gaps(area, leaders, Facet.APPROACH, VocabularyKind.APPROACHES),
                map(area), mapHeading(area), selfAssessment(area));
    }

    private SelfAssessment selfAssessment(Area area) {
        if (Area.REGION.equals(area.type()) || !(page.commissioner() || page.staff())) {
            return null;
        }
        var latest = assessments.latest(area.code());
        return new SelfAssessment("/areas/" + area.code() + "/assessment", latest.orElse(null),
                latest.map(strengths::weakest).orElse(List.of()));
    }

    /** A search with nothing chosen, as /find starts (the defaults its query parameters declare). */
    private static SearchParams searchParams() {
        var params = new SearchParams();
        params.sort = "relevance";
        params.page = "0";
        params.size = "20";
        return params;
    }

    private List<Link> councilsOf(String icbCode) {
        return geography.all().stream().filter(Area::isLocalAuthority).filter(c -> icbCode.equals(c.icbCode()))
                .sorted(Comparator.comparing(Area::name)).map(c -> new Link(c.code(), c.name())).toList();
    }

    private List<Link> icbsOf(String regionCode) {
        return currentIcbs().stream().filter(i -> regionCode.equals(i.regionCode())).sorted(Comparator.comparing(Area::name))
                .map(i -> new Link(i.code(), i.name())).toList();
    }

    private List<Area> currentIcbs() {
        return geography.ofType(Area.ICB).stream().filter(a -> Boolean.TRUE.equals(a.current())).toList();
    }

    private List<Figure> figures(Area area) {
        var whole = NumberFormat.getIntegerInstance(Locale.UK);
        if (area.isLocalAuthority()) {
            var f = statistics.find(area.code());
            if (f.isEmpty()) {
                return List.of();
            }
            var c = f.get();
            return List.of(new Figure("population", "Population (mid-2022)", whole.format(c.population())),
                    new Figure("aged-65-plus", "Aged 65 and over", String.format(Locale.ROOT, "%.1f%%", c.percentAged65Plus())),
                    new Figure("deprivation-2025", "Indices of Deprivation 2025, average score (higher is more deprived)",
                            String.format(Locale.ROOT, "%.3f", c.deprivation2025())),
                    new Figure("deprivation-2019", "Indices of Deprivation 2019, average score", String.format(Locale.ROOT, "%.3f", c.deprivation2019())),
                    new Figure("area-sq-km", "Land area", String.format(Locale.UK, "%,.1f sq km", c.areaSqKm())),
                    new Figure("density", "People per sq km", String.format(Locale.UK, "%,.1f", c.densityPerSqKm())));
        }
        long councils = Area.ICB.equals(area.type()) ? councilsOf(area.code()).size()
                : geography.all().stream().filter(Area::isLocalAuthority).filter(c -> area.code().equals(c.regionCode())).count();
        return List.of(new Figure("population", "Population (mid-2022, the sum of its councils)", whole.format(populations.of(area.code()))),
                new Figure("councils", "Upper-tier councils", String.valueOf(councils)));
    }

    private String figuresSource(Area area) {
        var ons = "Office for National Statistics mid-2022 population estimates";
        if (area.isLocalAuthority()) {
            var note = statistics.find(area.code()).map(c -> c.sourceNote()).filter(n -> n != null && !n.isBlank()).map(n -> " Note: " + n)
                    .orElse("");
            return "Sources: " + ons + " (population, share aged 65 and over, land area); Ministry of Housing, Communities and Local Government, "
                    + "English Indices of Deprivation 2019 and 2025 (average scores; the two editions are not comparable)." + note;
        }
        return "Source: " + ons + ". Each council is counted whole in one ICB, so where a council straddles two ICBs all its people "
                + "count in its main one.";
    }

    private List<Neighbour> neighbours(Area area) {
        if (!neighbours.isCouncil(area.code())) {
            return List.of();
        }
        return neighbours.of(area.code(), NEIGHBOURS_SHOWN).stream().map(n -> {
            var name = geography.find(n.code()).map(Area::name).orElse(n.code());
            var traits = neighbours.sharedTraits(n.code(), area.code());
            return new Neighbour(new Link(n.code(), name), String.format(Locale.ROOT, "%.3f", n.distance()),
                    traits.isEmpty() ? "" : "both " + String.join(", ", traits));
        }).toList();
    }

    /** The vocabulary's codes the search's facet counts for the area do not name: nobody found has done them there. */
    private List<Gap> gaps(Area area, SearchResult leaders, Facet facet, VocabularyKind kind) {
        Map<String, Long> counted = new HashMap<>();
        leaders.facets().getOrDefault(facet.param, List.of()).forEach(c -> counted.put(c.code(), c.leaders()));
        boolean near = area.latitude() != null && !Area.REGION.equals(area.type());
        return vocabularies.get(kind).items().stream().filter(item -> counted.getOrDefault(item.code(), 0L) == 0)
                .map(item -> new Gap(item.code(), item.label(),
                        near ? "/find?" + facet.param + "=" + Pages.encode(item.code()) + "&nearArea=" + area.code() + "&sort=distance" : null))
                .toList();
    }

    /** Councils: their ICB's councils, this one outlined. ICBs: their councils. Regions: their ICBs. Each links to its own page. */
    private Choropleth map(Area area) {
        boolean councils = !Area.REGION.equals(area.type());
        var overview = search.regions(searchParams(), councils);
        List<Area> shown;
        Map<String, Long> counts = new HashMap<>();
        (councils ? overview.councils() : overview.icbs()).forEach(c -> counts.put(c.code(), c.leaders()));
        if (councils) {
            var icb = area.isLocalAuthority() ? area.icbCode() : area.code();
            shown = geography.all().stream().filter(Area::isLocalAuthority).filter(c -> icb.equals(c.icbCode())).toList();
        } else {
            shown = currentIcbs().stream().filter(i -> area.code().equals(i.regionCode())).toList();
        }
        var figures = shown.stream().map(a -> new Choropleth.Figures(a.code(), a.name(), counts.getOrDefault(a.code(), 0L), populations.of(a.code()),
                "/areas/" + a.code(), a.code().equals(area.code()))).toList();
        var drawing = boundaries.draw(councils ? Boundaries.Layer.COUNCILS : Boundaries.Layer.ICBS, shown.stream().map(Area::code).toList());
        return Choropleth.of(drawing, figures);
    }

    private String mapHeading(Area area) {
        if (area.isLocalAuthority()) {
            return "Councils in " + geography.find(area.icbCode()).map(Area::name).orElse(area.icbCode());
        }
        return Area.ICB.equals(area.type()) ? "Councils in " + area.name() : "ICBs in " + area.name();
    }
}
