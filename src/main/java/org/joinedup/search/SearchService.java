package org.joinedup.search;

import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.joinedup.leader.ProfileAudience;
import org.joinedup.organisation.OrganisationDirectory;
import org.joinedup.search.index.DocumentFields;
import org.joinedup.search.index.LeaderDocument;
import org.joinedup.vocabulary.Area;
import org.joinedup.vocabulary.Geography;

/** Runs searches against the leaders alias and turns Elasticsearch's answer into {@link SearchResult}s. */
@ApplicationScoped
public class SearchService {

    @Inject
    AliasSearch alias;

    @Inject
    SearchCriteriaParser parser;

    @Inject
    SearchExplanation explanation;

    @Inject
    Geography geography;

    @Inject
    OrganisationDirectory organisations;

    @Inject
    SearchSuggestions suggestions;

    /**
     * The search the parameters ask for, as the caller may see it; bad parameters are a 400 naming
     * each. When it finds nobody, the result suggests searches that would find somebody.
     */
    public SearchResult search(SearchParams params) {
        var criteria = parser.parse(params);
        var result = search(criteria);
        return result.total() == 0 ? result.withSuggestions(suggestions.suggest(params, criteria)) : result;
    }

    /**
     * Leaders and records per region, ICB and council for the parameters, leaving out the filters of the
     * {@code ignored} facets (the map keeps every ICB's count while one is chosen).
     */
    public RegionOverview regions(SearchParams params, Facet... ignored) {
        return regions(params, true, ignored);
    }

    /** As {@link #regions(SearchParams, Facet...)}, counting councils only when {@code councils} (a map of ICBs needs none). */
    public RegionOverview regions(SearchParams params, boolean councils, Facet... ignored) {
        return regions(without(parser.parse(params), ignored), councils);
    }

    /**
     * Per area of {@code centroids} (code to {lat, lon}): leaders the parameters find with a record
     * that covered the area or lies within {@code km} of its centroid, leaving out the filters of the
     * {@code ignored} facets. {@code councils}: the codes are councils (else current ICBs).
     */
    public Map<String, Long> coveredWithin(SearchParams params, Map<String, double[]> centroids, double km, boolean councils, Facet... ignored) {
        var criteria = without(parser.parse(params), ignored);
        var field = councils ? DocumentFields.RECORDS_AREA_CODES : DocumentFields.RECORDS_ICBS;
        var response = execute(new LeaderQuery(criteria).coverageBody(field, centroids, km));
        var matching = response.aggregations().get(LeaderQuery.RECORDS).nested().aggregations().get(LeaderQuery.MATCHING).filter().aggregations();
        var counts = new LinkedHashMap<String, Long>();
        matching.get("covered").filters().buckets().keyed()
                .forEach((code, bucket) -> counts.put(code, bucket.aggregations().get("leaders").reverseNested().docCount()));
        return counts;
    }

    private static SearchCriteria without(SearchCriteria criteria, Facet... ignored) {
        for (var facet : ignored) {
            criteria = criteria.without(facet);
        }
        return criteria;
    }

    /** The exact request body the service sends for these parameters (for benchmarks and debugging). */
    public ObjectNode searchBody(SearchParams params) {
        return searchBody(parser.parse(params));
    }

    SearchResult search(SearchCriteria criteria) {
        var response = execute(searchBody(criteria));
        boolean noStoredHits = response.hits().stream().anyMatch(hit -> hit.leader() == null);
        if (noStoredHits || leaderFacetsMissing(response)) {
            // an index of an older mapping, live while the new one is built: asked again as it can answer
            response = execute(new LeaderQuery(criteria).searchBodyOfAnOlderMapping(noStoredHits));
        }
        long total = response.total();
        var filterReasons = explanation.ofFilters(criteria);
        var hits = response.hits().stream().map(hit -> hit(hit, criteria, filterReasons)).toList();
        var facets = new LinkedHashMap<String, List<SearchResult.FacetCount>>();
        for (var facet : Facet.values()) {
            if (facet.counted) {
                facets.put(facet.param, counts(facet, response.aggregations()));
            }
        }
        int pages = (int) Math.min(Integer.MAX_VALUE, (total + criteria.size() - 1) / criteria.size());
        return new SearchResult(total, criteria.page(), criteria.size(), pages, hits, facets, List.of());
    }

    RegionOverview regions(SearchCriteria criteria) {
        return regions(criteria, true);
    }

    RegionOverview regions(SearchCriteria criteria, boolean withCouncils) {
        var response = execute(new LeaderQuery(criteria).regionsBody(withCouncils));
        long leaders = response.total();
        var matching = response.aggregations().get(LeaderQuery.RECORDS).nested().aggregations().get(LeaderQuery.MATCHING).filter().aggregations();
        var councils = !withCouncils ? List.<RegionOverview.AreaCount>of() : areaCounts(matching.get("areas")).stream()
                .filter(a -> geography.find(a.code()).filter(Area::isLocalAuthority).isPresent()).toList();
        var national = matching.get(LeaderQuery.NATIONAL).filter();
        return new RegionOverview(leaders, areaCounts(matching.get("regions")), areaCounts(matching.get("icbs")), councils,
                new RegionOverview.National(national.aggregations().get("leaders").reverseNested().docCount(), records(national.aggregations())));
    }

    ObjectNode searchBody(SearchCriteria criteria) {
        return new LeaderQuery(criteria).searchBody();
    }

    private LeaderHits execute(ObjectNode body) {
        return alias.search(body);
    }

    private SearchResult.Hit hit(LeaderHits.Hit hit, SearchCriteria criteria, List<String> filterReasons) {
        var records = new ArrayList<SearchResult.MatchedRecord>();
        var areaCodes = new LinkedHashSet<String>();
        for (var matched : hit.matched()) {
            records.add(matchedRecord(matched.record(), matched.matchedQueries(), criteria));
            areaCodes.addAll(listOf(matched.record().areaCodes()));
        }
        Double distance = null;
        // a leader with no place sorts at Infinity, which comes as a string
        if (criteria.sort() == SearchCriteria.Sort.DISTANCE && !hit.sort().isEmpty() && hit.sort().get(0) instanceof Number km) {
            distance = round(km.doubleValue());
        } else if (criteria.near() != null) {
            distance = records.stream().map(SearchResult.MatchedRecord::distanceKm).filter(d -> d != null).min(Double::compare).orElse(null);
        }
        var matchedQueries = new ArrayList<>(hit.matchedQueries());
        hit.matched().forEach(matched -> matchedQueries.addAll(matched.matchedQueries()));
        var why = new ArrayList<>(explanation.ofText(criteria, matchedQueries));
        why.addAll(explanation.ofLikeness(criteria, areaCodes));
        why.addAll(filterReasons);
        return new SearchResult.Hit(leader(hit.leader(), criteria.audience()), round(hit.score()), distance, records, why);
    }

    private SearchResult.Leader leader(LeaderDocument d, Audience audience) {
        boolean doingNow = audience.forLeader(d.id()).sees(ProfileAudience.Field.DOING_NOW);
        var home = d.homeArea();
        var place = home == null ? new SearchResult.Place(null, null, null, null, null)
                : new SearchResult.Place(home.code(), home.name(), home.icb(), home.region(),
                        home.region() == null ? null : geography.find(home.region()).map(Area::name).orElse(null));
        var mentoring = d.mentoring();
        return new SearchResult.Leader(d.id(), d.name(), d.currentRole(), organisations.find(d.organisationCode()).orElse(null),
                doingNow ? d.doingNow() : null, doingNow ? d.doingNowAsOf() : null, place,
                new SearchResult.Mentoring(mentoring.willing(), mentoring.capacityLeft(), listOf(mentoring.formats()), mentoring.trained()),
                d.recordCount(), d.illustrative());
    }

    private SearchResult.MatchedRecord matchedRecord(LeaderDocument.Record r, List<String> matchedQueries, SearchCriteria criteria) {
        Double distance = null;
        if (criteria.near() != null) {
            for (var location : listOf(r.locations())) {
                double km = Geography.distanceKm(criteria.near().lat(), criteria.near().lon(), location.lat(), location.lon());
                distance = distance == null ? km : Math.min(distance, km);
            }
        }
        boolean text = matchedQueries.contains(LeaderQuery.RECORD_TEXT) || matchedQueries.contains(LeaderQuery.RECORD_STEMMED);
        return new SearchResult.MatchedRecord(r.id(), r.title(), listOf(r.services()), listOf(r.approaches()), r.scope(), r.programme(),
                listOf(r.areaNames()), r.periodStart(), r.periodEnd(), r.verification(), r.verificationSince(), listOf(r.outcomeMetrics()),
                listOf(r.improvedOutcomes()), r.evidenceCount(), distance == null ? null : round(distance), text);
    }

    private List<RegionOverview.AreaCount> areaCounts(Aggregate terms) {
        return terms.sterms().buckets().array().stream().map(b -> {
            var area = geography.find(b.key().stringValue());
            return new RegionOverview.AreaCount(b.key().stringValue(), area.map(Area::name).orElse(null),
                    area.map(Area::regionCode).orElse(null), area.map(Area::latitude).orElse(null),
                    area.map(Area::longitude).orElse(null), leaders(b), records(b.aggregations()));
        }).toList();
    }

    /** Leaders per value: straight from the leader-level terms, or through the nested records and back (see {@link LeaderQuery}). */
    private List<SearchResult.FacetCount> counts(Facet facet, Map<String, Aggregate> aggregations) {
        var scope = scope(facet, aggregations);
        var reported = leaderCounts(scope, facet.param, facet.onLeader() ? facet.leaderField : facet.field);
        var improved = facet.judged() ? leaderCounts(scope, LeaderQuery.improvedAgg(facet), facet.improvedField) : null;
        var counts = new ArrayList<SearchResult.FacetCount>();
        for (var entry : reported.entrySet()) {
            var code = entry.getKey();
            counts.add(new SearchResult.FacetCount(code, explanation.label(facet, code), entry.getValue(),
                    improved == null ? null : improved.getOrDefault(code, 0L)));
        }
        return counts;
    }

    /**
     * Whether the leader facets were asked of the one facet aggregation and it has none of their values, though leaders
     * were found: every leader has a value of {@link Facet#MENTORED}, which an index before mapping 22 lacks there.
     */
    private static boolean leaderFacetsMissing(LeaderHits response) {
        var aggregations = response.aggregations();
        return response.total() > 0 && !aggregations.containsKey(Facet.MENTORED.param) && aggregations.containsKey(LeaderQuery.FACETS)
                && leaderCounts(aggregations, Facet.MENTORED.param, Facet.MENTORED.leaderField).isEmpty();
    }

    /**
     * The aggregations that hold a facet's counts: for a leader facet, the top level; else under its own
     * {@code global} when its filter is given, then either beside it (on the leader's summary) or under
     * the nested records' filter.
     */
    private static Map<String, Aggregate> scope(Facet facet, Map<String, Aggregate> aggregations) {
        if (facet.onLeader()) {
            return aggregations;
        }
        var own = aggregations.get(facet.param);
        if (own != null && own.isGlobal()) {
            aggregations = own.global().aggregations().get(LeaderQuery.BASE).filter().aggregations();
            own = aggregations.get(facet.param);
        }
        var records = aggregations.get(LeaderQuery.RECORDS);
        return own != null || records == null ? aggregations : records.nested().aggregations().get(LeaderQuery.MATCHING).filter().aggregations();
    }

    /**
     * Leaders per value of one record or leader field, in Elasticsearch's order (most first): from its own
     * terms aggregation {@code name} if it has one, else from its share of the facet values counted together.
     */
    private static Map<String, Long> leaderCounts(Map<String, Aggregate> scope, String name, String field) {
        var own = scope.get(name);
        var prefix = own != null ? "" : DocumentFields.facetPrefix(field);
        var buckets = (own != null ? own : scope.get(LeaderQuery.FACETS)).sterms().buckets().array();
        var counts = new LinkedHashMap<String, Long>();
        for (var b : buckets) {
            var key = b.key().stringValue();
            if (key.startsWith(prefix) && counts.size() < LeaderQuery.FACET_SIZE) {
                counts.put(key.substring(prefix.length()), b.aggregations().containsKey("leaders") ? leaders(b) : b.docCount());
            }
        }
        return counts;
    }

    /** Distinct records (a record led together is in several leaders' documents; see LeaderQuery). */
    private static long records(Map<String, Aggregate> aggregations) {
        return aggregations.get(LeaderQuery.RECORD_COUNT).cardinality().value();
    }

    private static long leaders(StringTermsBucket bucket) {
        return bucket.aggregations().get("leaders").reverseNested().docCount();
    }

    /** A list the source left out (a partial _source) as empty, as the answer has always shown it. */
    private static <T> List<T> listOf(List<T> values) {
        return values == null ? List.of() : values;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
