package org.joinedup.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.joinedup.export.LeaderExport;
import org.joinedup.platform.ProblemException;
import org.joinedup.search.Facet;
import org.joinedup.search.SearchCriteriaParser;
import org.joinedup.search.SearchParams;
import org.joinedup.search.SearchResult;
import org.joinedup.search.SearchService;
import org.joinedup.search.SearchSuggestions;
import org.joinedup.vocabulary.Area;
import org.joinedup.vocabulary.Geography;

/** Find leaders: the search box, filters with counts, results with reasons, the map of leaders per 100,000 people and the CSV export. */
@Path("/find")
@Blocking
public class FindPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance find(FindView view);
    }

    /** One filter's choices with their counts in leaders. */
    public record FacetGroup(String param, String legend, List<Option> options) {

        public boolean anyChecked() {
            return options.stream().anyMatch(Option::checked);
        }
    }

    /** {@code improved}: for outcomes, how many of the {@code count} leaders improved on it; null elsewhere. */
    public record Option(String value, String label, long count, boolean checked, Long improved) {

        public Option(String value, String label, long count, boolean checked) {
            this(value, label, count, checked, null);
        }
    }

    /** "Places like mine": a council to search it and its nearest neighbours, and how many neighbours. */
    public record PlacesLike(List<Option> councils, List<Option> counts) {
    }

    public record PageLink(int number, String href, boolean current) {
    }

    public record FindView(String q, SearchLinks links, FormErrors errors, SearchResult result, List<FacetGroup> groups, FindMap.Section map,
            List<Option> places, List<Option> distances, PlacesLike placesLike, List<Option> sorts, List<PageLink> pages, String previous, String next,
            List<Option> chosenIcbs, boolean signedOut) {

        public long first() {
            return result == null || result.total() == 0 ? 0 : (long) result.page() * result.size() + 1;
        }

        public long last() {
            return result == null ? 0 : first() + result.hits().size() - (result.hits().isEmpty() ? 0 : 1);
        }
    }

    @Inject
    SearchService search;

    @Inject
    Geography geography;

    @Inject
    LeaderExport export;

    @Inject
    FindMap findMap;

    @GET
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    public Response find(@BeanParam SearchParams params, @QueryParam("signedOut") boolean signedOut, @QueryParam("gapWithin") String gapWithin,
            @Context UriInfo uri) {
        var links = new SearchLinks(params).withGapWithin(gapWithin);
        SearchResult result = null;
        FindMap.Section map = null;
        var problems = FormErrors.NONE;
        int status = 200;
        Integer gapWithinKm = null;
        try {
            gapWithinKm = FindMap.gapWithin(gapWithin);
        } catch (ProblemException e) {
            // the search and its map still show, without the distance, the error beside the field
            problems = new FormErrors(e.problem().violations(), field -> field);
            status = 400;
        }
        try {
            // a misspelt name (servcie=gp) would otherwise show everyone: said beside the search, as other bad parameters are
            SearchParams.requireKnownNames(uri.getQueryParameters(), "signedOut", "gapWithin");
            result = search.search(params);
            map = findMap.of(params, links, gapWithinKm);
        } catch (ProblemException e) {
            if (e.problem().status() != 400) {
                throw e;
            }
            problems = new FormErrors(e.problem().violations(), field -> field);
            status = 400;
        }
        var view = new FindView(params.q == null ? "" : params.q, links, problems, result, groups(result, links), map, places(params),
                distances(params), placesLike(params), sorts(params), pages(result, links), previous(result, links), next(result, links), chosenIcbs(params),
                signedOut);
        return Pages.html(status, Templates.find(view));
    }

    @GET
    @Path("/export.csv")
    @PermitAll
    @Produces("text/csv")
    public Response export(@BeanParam SearchParams params, @Context UriInfo uri) {
        SearchParams.requireKnownNames(uri.getQueryParameters());
        return LeaderExport.attachment(export.search(params));
    }

    private List<String> chosen(SearchParams p) {
        return p.icb == null ? List.of() : p.icb.stream().map(code -> geography.resolve(code).map(Area::code).orElse(code)).toList();
    }

    private List<Option> chosenIcbs(SearchParams p) {
        return chosen(p).stream().map(code -> new Option(code, geography.find(code).map(Area::name).orElse(code), 0, true)).toList();
    }

    private static List<FacetGroup> groups(SearchResult result, SearchLinks links) {
        var groups = new ArrayList<FacetGroup>();
        if (result == null) {
            return groups;
        }
        for (var facet : Facet.values()) {
            if (!facet.counted) {
                continue;
            }
            var param = facet.param;
            var options = new ArrayList<Option>();
            for (var count : result.facets().getOrDefault(param, List.of())) {
                options.add(new Option(count.code(), count.label(), count.leaders(), links.has(param, count.code()), count.improved()));
            }
            options.sort(Comparator.comparing(Option::checked).reversed().thenComparing(Comparator.comparingLong(Option::count).reversed()));
            groups.add(new FacetGroup(param, facet.legend, options));
        }
        return groups;
    }

    private List<Option> places(SearchParams p) {
        var places = new ArrayList<Option>();
        places.add(new Option("", "Anywhere", 0, p.nearArea == null || p.nearArea.isBlank()));
        geography.all().stream()
                .filter(a -> a.latitude() != null && (a.isLocalAuthority() || Area.ICB.equals(a.type()) && Boolean.TRUE.equals(a.current())))
                .sorted(Comparator.comparing(Area::name))
                .forEach(a -> places.add(new Option(a.code(), a.name(), 0, a.code().equals(p.nearArea))));
        return places;
    }

    private PlacesLike placesLike(SearchParams p) {
        var councils = new ArrayList<Option>();
        councils.add(new Option("", "Anywhere", 0, p.likeArea == null || p.likeArea.isBlank()));
        geography.all().stream().filter(Area::isLocalAuthority).sorted(Comparator.comparing(Area::name))
                .forEach(a -> councils.add(new Option(a.code(), a.name(), 0, a.code().equals(p.likeArea))));
        var counts = new ArrayList<Option>();
        counts.add(new Option("", "and the " + SearchCriteriaParser.DEFAULT_LIKE + " councils most like it", 0, p.like == null || p.like.isBlank()));
        for (var n : List.of(5, 20)) {
            counts.add(new Option(String.valueOf(n), "and the " + n + " councils most like it", 0, String.valueOf(n).equals(p.like)));
        }
        return new PlacesLike(councils, counts);
    }

    private static List<Option> distances(SearchParams p) {
        var options = new ArrayList<Option>();
        options.add(new Option("", "Any distance", 0, p.within == null || p.within.isBlank()));
        for (var km : SearchSuggestions.DISTANCES_KM) {
            options.add(new Option(km + "km", "Within " + km + " km", 0, (km + "km").equals(p.within)));
        }
        return options;
    }

    private static List<Option> sorts(SearchParams p) {
        return List.of(new Option("relevance", "Best match", 0, p.sort == null || "relevance".equals(p.sort)),
                new Option("distance", "Nearest first (needs a place)", 0, "distance".equals(p.sort)),
                new Option("recent", "Most recent work", 0, "recent".equals(p.sort)));
    }

    private static List<PageLink> pages(SearchResult result, SearchLinks links) {
        var pages = new ArrayList<PageLink>();
        if (result == null || result.totalPages() <= 1) {
            return pages;
        }
        int last = Math.min(result.totalPages(), SearchCriteriaParser.MAX_RESULT_WINDOW / result.size()) - 1;
        int from = Math.max(0, result.page() - 2), to = Math.min(last, result.page() + 2);
        for (int n = from; n <= to; n++) {
            pages.add(new PageLink(n + 1, links.page(n), n == result.page()));
        }
        return pages;
    }

    private static String previous(SearchResult result, SearchLinks links) {
        return result == null || result.page() == 0 ? null : links.page(result.page() - 1);
    }

    private static String next(SearchResult result, SearchLinks links) {
        if (result == null) {
            return null;
        }
        int last = Math.min(result.totalPages(), SearchCriteriaParser.MAX_RESULT_WINDOW / result.size()) - 1;
        return result.page() >= last ? null : links.page(result.page() + 1);
    }

}
