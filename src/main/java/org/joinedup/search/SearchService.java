package org.joinedup.search;

import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.joinedup.organisation.OrganisationDirectory;
import org.joinedup.leader.ProfileAudience;
import org.joinedup.vocabulary.Area;
import org.joinedup.vocabulary.Geography;

/** Runs searches against the leaders alias and turns Elasticsearch's answer into {@link SearchResult}s. */
@ApplicationScoped
public class SearchService {

    @Inject
    AliasSearch alias;

    @Inject
    SearchExplanation explanation;

    @Inject
    Geography geography;

    @Inject
    OrganisationDirectory organisations;

    @Inject
    ObjectMapper json;

    public SearchResult search(SearchCriteria criteria) {
        var response = execute(searchBody(criteria));
        long total = response.hits().total() == null ? 0 : response.hits().total().value();
        var filterReasons = explanation.ofFilters(criteria);
        var hits = response.hits().hits().stream().map(hit -> hit(hit, criteria, filterReasons)).toList();
        var facets = new LinkedHashMap<String, List<SearchResult.FacetCount>>();
        for (var facet : Facet.values()) {
            if (facet.counted) {
                facets.put(facet.param, counts(facet, response.aggregations()));
            }
        }
        int pages = (int) Math.min(Integer.MAX_VALUE, (total + criteria.size() - 1) / criteria.size());
        return new SearchResult(total, criteria.page(), criteria.size(), pages, hits, facets);
    }

    public RegionOverview regions(SearchCriteria criteria) {
        var response = execute(new LeaderQuery(criteria).regionsBody());
        long leaders = response.hits().total() == null ? 0 : response.hits().total().value();
        var matching = response.aggregations().get(LeaderQuery.RECORDS).nested().aggregations().get("matching").filter().aggregations();
        return new RegionOverview(leaders, areaCounts(matching.get("regions")), areaCounts(matching.get("icbs")));
    }

    /** The exact request body the service sends for these criteria (for benchmarks and debugging). */
    public ObjectNode searchBody(SearchCriteria criteria) {
        return new LeaderQuery(criteria).searchBody();
    }

    private SearchResponse<ObjectNode> execute(ObjectNode body) {
        return alias.search(body);
    }

    private SearchResult.Hit hit(Hit<ObjectNode> hit, SearchCriteria criteria, List<String> filterReasons) {
        var source = hit.source();
        var records = new ArrayList<SearchResult.MatchedRecord>();
        var inner = hit.innerHits().get("matched");
        if (inner != null) {
            for (var record : inner.hits().hits()) {
                var recordSource = record.source() == null ? null : record.source().to(JsonNode.class);
                if (recordSource != null) {
                    records.add(matchedRecord(recordSource, record.matchedQueries(), criteria));
                }
            }
        }
        Double distance = null;
        if (criteria.sort() == SearchCriteria.Sort.DISTANCE && !hit.sort().isEmpty() && hit.sort().get(0).isDouble()) {
            distance = round(hit.sort().get(0).doubleValue());
        } else if (criteria.near() != null) {
            distance = records.stream().map(SearchResult.MatchedRecord::distanceKm).filter(d -> d != null).min(Double::compare).orElse(null);
        }
        var why = new ArrayList<>(explanation.ofText(criteria, hit.matchedQueries()));
        why.addAll(filterReasons);
        return new SearchResult.Hit(leader(source, criteria.audience()), hit.score() == null ? 0 : round(hit.score()), distance, records, why);
    }

    private SearchResult.Leader leader(ObjectNode s, Audience audience) {
        boolean doingNow = audience.forLeader(s.path("id").asLong()).sees(ProfileAudience.Field.DOING_NOW);
        var home = s.path("home_area");
        var region = geography.find(home.path("region").asText()).map(Area::name).orElse(null);
        var mentoring = s.path("mentoring");
        return new SearchResult.Leader(s.path("id").asLong(), s.path("name").asText(), Json.text(s, "current_role"),
                organisations.find(Json.text(s, "organisation_code")).orElse(null),
                doingNow ? Json.text(s, "doing_now") : null, doingNow ? date(s, "doing_now_as_of") : null,
                new SearchResult.Place(Json.text(home, "code"), Json.text(home, "name"), Json.text(home, "icb"), Json.text(home, "region"), region),
                new SearchResult.Mentoring(mentoring.path("willing").asBoolean(), mentoring.path("capacity_left").asInt(),
                        Json.strings(mentoring.path("formats")), mentoring.path("trained").asBoolean()),
                s.path("record_count").asInt(), s.path("illustrative").asBoolean());
    }

    private SearchResult.MatchedRecord matchedRecord(JsonNode r, List<String> matchedQueries, SearchCriteria criteria) {
        Double distance = null;
        if (criteria.near() != null) {
            for (var location : r.path("locations")) {
                double km = Geography.distanceKm(criteria.near().lat(), criteria.near().lon(), location.path("lat").asDouble(),
                        location.path("lon").asDouble());
                distance = distance == null ? km : Math.min(distance, km);
            }
        }
        boolean text = matchedQueries.stream().anyMatch(q -> q.startsWith("record:"));
        return new SearchResult.MatchedRecord(r.path("id").asLong(), r.path("title").asText(), Json.strings(r.path("services")),
                Json.strings(r.path("approaches")), Json.text(r, "scope"), Json.text(r, "programme"), Json.strings(r.path("area_names")),
                date(r, "period_start"), date(r, "period_end"), Json.text(r, "verification"), instant(r, "verification_since"),
                Json.strings(r.path("outcome_metrics")),
                Json.strings(r.path("improved_outcomes")), r.path("evidence_count").asInt(), distance == null ? null : round(distance), text);
    }

    private List<RegionOverview.AreaCount> areaCounts(Aggregate terms) {
        return terms.sterms().buckets().array().stream().map(b -> {
            var area = geography.find(b.key().stringValue());
            return new RegionOverview.AreaCount(b.key().stringValue(), area.map(Area::name).orElse(null),
                    area.map(Area::regionCode).orElse(null), area.map(Area::latitude).orElse(null),
                    area.map(Area::longitude).orElse(null), leaders(b), b.docCount());
        }).toList();
    }

    /** Leaders per value: straight from the leader-level terms, or through the nested records and back (see {@link LeaderQuery}). */
    private List<SearchResult.FacetCount> counts(Facet facet, Map<String, Aggregate> aggregations) {
        var aggregate = aggregations.get(facet.param);
        Map<String, Long> reported;
        Map<String, Long> improved = null;
        if (facet.onLeader()) {
            reported = leaderCounts(aggregate.isFilter() ? aggregate.filter().aggregations().get("values") : aggregate);
        } else if (aggregate.isSterms()) {
            reported = leaderCounts(aggregate);
            if (facet.judged()) {
                improved = leaderCounts(aggregations.get(LeaderQuery.improvedAgg(facet)));
            }
        } else {
            var matching = aggregate.nested().aggregations().get("matching").filter().aggregations();
            reported = leaderCounts(matching.get("values"));
            if (facet.judged()) {
                improved = leaderCounts(matching.get("improved"));
            }
        }
        var counts = new ArrayList<SearchResult.FacetCount>();
        for (var entry : reported.entrySet()) {
            var code = entry.getKey();
            counts.add(new SearchResult.FacetCount(code, explanation.label(facet, code), entry.getValue(),
                    improved == null ? null : improved.getOrDefault(code, 0L)));
        }
        return counts;
    }

    /** Leaders per value, in Elasticsearch's order: straight from leader-level terms, or back from nested records. */
    private static Map<String, Long> leaderCounts(Aggregate terms) {
        var counts = new LinkedHashMap<String, Long>();
        for (var b : terms.sterms().buckets().array()) {
            counts.put(b.key().stringValue(), b.aggregations().containsKey("leaders") ? leaders(b) : b.docCount());
        }
        return counts;
    }

    private static long leaders(StringTermsBucket bucket) {
        return bucket.aggregations().get("leaders").reverseNested().docCount();
    }

    private static LocalDate date(JsonNode node, String field) {
        var value = Json.text(node, field);
        return value == null ? null : LocalDate.parse(value);
    }

    private static Instant instant(JsonNode node, String field) {
        var value = Json.text(node, field);
        return value == null ? null : Instant.parse(value);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
