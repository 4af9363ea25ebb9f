package org.joinedup.search;

import static org.joinedup.search.Json.arr;
import static org.joinedup.search.Json.obj;
import static org.joinedup.search.index.DocumentFields.CURRENT_ROLE;
import static org.joinedup.search.index.DocumentFields.CURRENT_ROLE_STEMMED;
import static org.joinedup.search.index.DocumentFields.DOING_NOW;
import static org.joinedup.search.index.DocumentFields.DOING_NOW_STEMMED;
import static org.joinedup.search.index.DocumentFields.FACET_VALUES;
import static org.joinedup.search.index.DocumentFields.HOME_AREA_NAME;
import static org.joinedup.search.index.DocumentFields.ID;
import static org.joinedup.search.index.DocumentFields.LATEST_ACTIVITY;
import static org.joinedup.search.index.DocumentFields.NAME;
import static org.joinedup.search.index.DocumentFields.ORGANISATION;
import static org.joinedup.search.index.DocumentFields.RECORDS_AREA_CODES;
import static org.joinedup.search.index.DocumentFields.RECORDS_AREA_NAMES;
import static org.joinedup.search.index.DocumentFields.RECORDS_AREA_NAMES_STEMMED;
import static org.joinedup.search.index.DocumentFields.RECORDS_EXPERIENCE_POINTS;
import static org.joinedup.search.index.DocumentFields.RECORDS_FACET_VALUES;
import static org.joinedup.search.index.DocumentFields.RECORDS_ICBS;
import static org.joinedup.search.index.DocumentFields.RECORDS_ID;
import static org.joinedup.search.index.DocumentFields.RECORDS_LOCATIONS;
import static org.joinedup.search.index.DocumentFields.RECORD_LOCATIONS;
import static org.joinedup.search.index.DocumentFields.RECORDS_OUTCOME_DESCRIPTIONS;
import static org.joinedup.search.index.DocumentFields.RECORDS_OUTCOME_DESCRIPTIONS_STEMMED;
import static org.joinedup.search.index.DocumentFields.RECORDS_PARTNER_ORGANISATIONS;
import static org.joinedup.search.index.DocumentFields.RECORDS_PARTNER_ORGANISATIONS_STEMMED;
import static org.joinedup.search.index.DocumentFields.RECORDS_PERIOD_END;
import static org.joinedup.search.index.DocumentFields.RECORDS_REGIONS;
import static org.joinedup.search.index.DocumentFields.RECORDS_SUMMARY;
import static org.joinedup.search.index.DocumentFields.RECORDS_SUMMARY_STEMMED;
import static org.joinedup.search.index.DocumentFields.RECORDS_TITLE;
import static org.joinedup.search.index.DocumentFields.RECORDS_TITLE_STEMMED;
import static org.joinedup.search.index.DocumentFields.RECORDS_VERIFICATION_RANK;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.joinedup.leader.MentoringOffer;
import org.joinedup.leader.ProfileAudience;
import org.joinedup.search.index.DocumentFields;
import org.joinedup.search.index.Freshness;
import org.joinedup.search.index.LeaderDocument;
import org.joinedup.vocabulary.Geography;

/**
 * Turns checked search criteria into Elasticsearch request bodies. Pure: no I/O, so tests and the
 * benchmark can send exactly what the service sends.
 *
 * <p>Semantics: the text must match somewhere in the leader's profile or records; every filter
 * must hold within one and the same record. Each facet counts with all the other filters but its
 * own (service filters are conjunctive and count with their own too). The filters sit in the
 * query, so only the leaders found are scored and counted; the few facets whose own filter is
 * given count in a {@code global} aggregation that applies the other filters (see
 * {@link #facets()}). A facet with no other record filter to honour is counted on the leader's own
 * summary of its records (one terms aggregation, no nested documents), which gives the same counts
 * for a fraction of the cost. The body names today's date instead of Elasticsearch's {@code now},
 * so a repeated search can be answered from the shard request cache (docs/search.md, "Speed").
 *
 * <p>Relevance blends text and experience: score = BM25 text score (the profile's, and twice the best record's) +
 * the sum, over the leader's records that pass the filters, of (the record's experience points, summed when it was
 * indexed: {@link LeaderDocument.Record#experiencePoints} + up to 1 for freshness, halving every 5 years from the end,
 * ongoing counting as fresh ({@link Freshness}) + up to 2 for nearness, halving at the search radius or 25 km) plus
 * the record's own text score. So depth (more matching records), corroboration, evidence and
 * recency all lift a leader, and text relevance decides among similar experience.
 */
final class LeaderQuery {

    /** The nested records' path; also the name of the regions aggregation that SearchService reads back. */
    static final String RECORDS = DocumentFields.RECORDS;
    /** The filter, inside the nested records aggregation, that keeps the records passing the filters. */
    static final String MATCHING = "matching";
    /** Where a facet whose own filter is given counts, under its {@code global} aggregation. */
    static final String BASE = "base";
    static final int INNER_HITS = 3;
    /** The names of the text queries, which a hit and its matched records report as matched (see {@link SearchExplanation#ofText}). */
    static final String TEXT_PROFILE = "text:profile", TEXT_RECORDS = "text:records", TEXT_STEMMED = "text:stemmed";
    /** Inside the nested records: Elasticsearch keys named queries by name across the nested scope, so these differ from the above. */
    static final String RECORD_TEXT = "record:text", RECORD_STEMMED = "record:stemmed";
    /** The one terms aggregation over the values of every facet that honours all the filters (see {@link #facets()}). */
    static final String FACETS = "facets";
    /** The most values a facet lists. */
    static final int FACET_SIZE = 100;
    /**
     * The most buckets of the one aggregation over every facet's values: far more than all the codes of the
     * counted vocabularies and places together (a few hundred), so no facet loses a value to another.
     */
    private static final int ALL_FACET_VALUES = 5000;
    /** Elasticsearch's default index.max_inner_result_window: the most records one leader's inner hits can list. */
    static final int ALL_INNER_HITS = 100;
    private static final String TEXT_MSM = "2<70%";
    /**
     * The weight of the best-matching record's text, so that one record with all the words outranks several with some of
     * them. It stands for two clauses that scored the words as written and stemmed each in their own nested query; one,
     * stemmed, at double weight matches the words one time fewer per search, and ranked the judged leaders higher
     * (docs/relevance.md, "One clause for the best record").
     */
    private static final double BEST_RECORD_BOOST = 2.0;
    /** Names and places are never stemmed; the role is, in a subfield below the words as written. */
    private static final List<String> PROFILE_FIELDS = List.of(NAME + "^3", CURRENT_ROLE + "^2", CURRENT_ROLE_STEMMED,
            ORGANISATION, HOME_AREA_NAME);
    /** Matched only for audiences that see it: text a hit would not show must not find the leader either. */
    private static final List<String> DOING_NOW_FIELDS = List.of(DOING_NOW, DOING_NOW_STEMMED + "^0.5");
    /** The words as written (the same field list as before stemming, so exact matches keep their scores). */
    private static final List<String> RECORD_FIELDS = List.of(RECORDS_TITLE + "^2", RECORDS_SUMMARY, RECORDS_OUTCOME_DESCRIPTIONS,
            RECORDS_AREA_NAMES, RECORDS_PARTNER_ORGANISATIONS);
    /**
     * A record's text stemmed, with each vocabulary phrase also read as its item's concept token
     * (index-mappings/leaders.json, rules from {@code search.index.VocabularySynonyms}), so a synonym
     * is one term to look up. Searched as one field (cross_fields), so the words may fall in different
     * fields of the record: a synonym in the summary and the place in the area names ("DToC Wirral").
     * At the weight of the words as written: words as written match here too, so with the rest equal
     * they still rank above a stemmed or synonym match. (At half weight, as before mapping 14, a synonym
     * counted as half a word, and a record with the concept and the place ranked below records with
     * two of three words as written: docs/relevance.md, "Concept tokens".)
     */
    private static final List<String> STEMMED_RECORD_FIELDS = List.of(RECORDS_TITLE_STEMMED + "^2", RECORDS_SUMMARY_STEMMED,
            RECORDS_OUTCOME_DESCRIPTIONS_STEMMED, RECORDS_AREA_NAMES_STEMMED, RECORDS_PARTNER_ORGANISATIONS_STEMMED);
    /** The fields the spelling suggester reads words from (the words as written, not stemmed). */
    static final List<String> SPELLING_FIELDS = List.of(RECORDS_TITLE, RECORDS_SUMMARY, NAME, CURRENT_ROLE);

    private final SearchCriteria criteria;
    /** Today (UTC), where Elasticsearch's {@code now} would make the body uncacheable. */
    private final String today;

    LeaderQuery(SearchCriteria criteria) {
        this.criteria = criteria;
        this.today = MentoringOffer.today().toString();
    }

    /**
     * The search: one page of leaders, the records that earned each, and facet counts. A hit and its matched records come
     * from their stored {@link DocumentFields#HIT} fields, what the answer shows of them and no more: an index of an older
     * mapping has none, and {@link #searchBodyOfAnOlderMapping} asks it for the same from the stored source.
     */
    ObjectNode searchBody() {
        return searchBody(false, false);
    }

    /**
     * The same search as an index of an older mapping answers it: the leader facets counted in aggregations of their own
     * (before mapping 22 the facet values lack them), and when {@code fromSource} a hit and its records cut from the stored
     * source (before mapping 19 there are no stored hits; slower).
     */
    ObjectNode searchBodyOfAnOlderMapping(boolean fromSource) {
        return searchBody(fromSource, true);
    }

    private ObjectNode searchBody(boolean fromSource, boolean leaderFacetsApart) {
        var body = obj(
                "from", criteria.page() * criteria.size(),
                "size", criteria.size(),
                "track_total_hits", true);
        body.setAll(fromSource ? obj("_source", obj("includes", arr(DocumentFields.HIT_FIELDS)))
                : obj("_source", false, "stored_fields", arr(DocumentFields.HIT)));
        body.set("query", obj("bool", rootBool(fromSource)));
        body.set("sort", arr(sort()));
        body.set("aggs", facets(leaderFacetsApart));
        return body;
    }

    /**
     * Leaders a page at a time, each with the ids of all its records that pass the filters (up to
     * {@link #ALL_INNER_HITS}), and no facets: what a saved search's weekly alert compares (see
     * {@link MatchingLeaders}). Same query, filters and order as {@link #searchBody()}.
     */
    ObjectNode matchesBody(int from, int size) {
        var body = obj(
                "from", from,
                "size", size,
                "track_total_hits", true,
                "_source", obj("includes", arr(ID, NAME)),
                "query", obj("bool", scored(obj("name", LeaderHits.MATCHED, "size", ALL_INNER_HITS, "_source", obj("includes", arr(RECORDS_ID))))),
                "sort", sort());
        return body;
    }

    /**
     * How many leaders each of several searches with these same words (and audience) finds, in one
     * request: the words are matched once, and each search is a filter aggregation ({@code count0},
     * {@code count1}...) whose count is in leaders: the total {@link #searchBody()} would give for it.
     */
    ObjectNode countsBody(List<SearchCriteria> others) {
        var aggs = obj();
        for (int i = 0; i < others.size(); i++) {
            aggs.set(COUNT + i, obj("filter", new LeaderQuery(others.get(i)).found()));
        }
        var bool = obj("must", mustClauses());
        criteria.audience().filter().ifPresent(audience -> bool.set("filter", arr(audience)));
        return obj("size", 0, "track_total_hits", false, "query", obj("bool", bool), "aggs", aggs);
    }

    static final String COUNT = "count";

    /** Whether a leader is found, the words aside: the audience, the leader filters and a record passing every record filter. */
    private ObjectNode found() {
        return bool(found(recordFilters(null)));
    }

    /**
     * Spelling corrections of the words from the words in record titles and summaries and in
     * leaders' names and roles, a term suggester per field; only words found in none of a field
     * get options from it.
     */
    ObjectNode spellingBody() {
        var suggest = obj("text", criteria.text());
        for (var field : SPELLING_FIELDS) {
            suggest.set(field, obj("term", obj("field", field, "suggest_mode", "missing", "min_word_length", 4, "size", 3)));
        }
        return obj("size", 0, "track_total_hits", false, "query", obj("match_none", obj()), "suggest", suggest);
    }

    /** The regions body's count of leaders with national work. */
    static final String NATIONAL = "national";

    /** Leaders and records per NHS region and per ICB, under all filters; and those with national work. */
    ObjectNode regionsBody() {
        return regionsBody(true);
    }

    /** Per region and ICB, and per council only when {@code councils} (a map of England by ICB draws none). */
    ObjectNode regionsBody(boolean councils) {
        var perArea = obj(
                "regions", obj("terms", obj("field", RECORDS_REGIONS, "size", 50), "aggs", leadersAndRecordsAggs()),
                "icbs", obj("terms", obj("field", RECORDS_ICBS, "size", 500), "aggs", leadersAndRecordsAggs()),
                // national work (England as a whole) has no region or ICB: counted on its own, never in theirs
                NATIONAL, obj("filter", term(RECORDS_AREA_CODES, Geography.ENGLAND), "aggs", leadersAndRecordsAggs()));
        if (councils) {
            // the areas as recorded: councils (and the ICB codes some records name instead), for the council map
            perArea.set("areas", obj("terms", obj("field", RECORDS_AREA_CODES, "size", 1000), "aggs", leadersAndRecordsAggs()));
        }
        return perRecordsBody(perArea);
    }

    /**
     * Per area given: leaders with a record passing the filters that covered the area ({@code field}
     * holds its code) or lies within {@code km} of its centroid ({lat, lon}): the gap view by distance.
     */
    ObjectNode coverageBody(String field, Map<String, double[]> centroids, double km) {
        var perArea = obj();
        centroids.forEach((code, c) -> perArea.set(code, obj("bool", obj("should", arr(term(field, code),
                obj("geo_distance", obj("distance", km(km), RECORDS_LOCATIONS, obj("lat", c[0], "lon", c[1])))), "minimum_should_match", 1))));
        return perRecordsBody(obj("covered", obj("filters", obj("filters", perArea), "aggs", leadersAgg())));
    }

    private ObjectNode perRecordsBody(ObjectNode perArea) {
        var bool = obj("must", mustClauses(), "filter", arr(found(recordFilters(null))));
        return obj("size", 0, "track_total_hits", true, "query", obj("bool", bool),
                "aggs", obj(RECORDS, obj("nested", obj("path", RECORDS),
                        "aggs", obj(MATCHING, obj("filter", bool(recordFilters(null)), "aggs", perArea)))));
    }

    /**
     * One batch of an export: the same leaders in the same order as the search, through a point in
     * time and after the last one's sort values, with the ids of the records that passed the
     * filters (all of them, a hundred a leader, in id order; {@link #moreRecordsBody} fetches the
     * rest). No facets, no total.
     */
    ObjectNode exportBody(String pitId, String keepAlive, int size, List<Object> after) {
        var body = obj(
                "size", size,
                "track_total_hits", false,
                "_source", obj("includes", arr(ID)),
                "pit", obj("id", pitId, "keep_alive", keepAlive),
                "query", obj("bool", scored(exportInnerHits())),
                "sort", sort());
        if (after != null) {
            body.set("search_after", arr(after));
        }
        return body;
    }

    /** The next matching records of one leader, after the last one an export has (by record id). */
    ObjectNode moreRecordsBody(long leaderId, long afterRecordId) {
        var filters = recordFilters(null);
        filters.add(obj("range", obj(RECORDS_ID, obj("gt", afterRecordId))));
        var records = obj("nested", obj("path", RECORDS, "query", bool(filters), "inner_hits", exportInnerHits()));
        return obj("size", 1, "_source", false, "query", obj("bool", obj("filter", arr(term(ID, leaderId), records))));
    }

    /** Whether only some of a leader's records match (a record filter is given); otherwise every record does. */
    boolean hasRecordFilters() {
        return !recordFilters(null).isEmpty();
    }

    private static ObjectNode exportInnerHits() {
        return obj("name", LeaderHits.MATCHED, "size", ALL_INNER_HITS, "_source", obj("includes", arr(RECORDS_ID)),
                "sort", arr(obj(RECORDS_ID, obj("order", "asc"))));
    }

    private ObjectNode rootBool(boolean fromSource) {
        var innerHits = obj("name", LeaderHits.MATCHED, "size", INNER_HITS);
        innerHits.setAll(fromSource ? obj("_source", obj("includes", arr(DocumentFields.MATCHED_RECORD_FIELDS)))
                : obj("_source", false, "stored_fields", arr(DocumentFields.RECORDS_HIT)));
        return scored(innerHits);
    }

    /**
     * The leaders found, scored by the words and by their experience, with {@code innerHits} of the records that earned
     * it. The words are matched in the profile and in the records as in {@link #mustClauses()}, and the record that
     * matches them best adds its score at {@link #BEST_RECORD_BOOST}. Without record filters the records scored are
     * exactly those the words match (as written or stemmed), so the scoring query is also where the words are looked
     * for, not a nested query of its own: a text search matches them three times, where it matched them four.
     */
    private ObjectNode scored(ObjectNode innerHits) {
        var recordFilters = recordFilters(null);
        var filter = arr(found(recordFilters));
        if (!criteria.hasText() && recordFilters.isEmpty() && (criteria.near() == null || criteria.sort() == SearchCriteria.Sort.DISTANCE)) {
            return obj("must", mustClauses(), "filter", filter, "should", arr(experienceOnTheLeader(innerHits)));
        }
        var experience = experience(recordFilters, innerHits);
        if (!criteria.hasText()) {
            return obj("must", mustClauses(), "filter", filter, "should", arr(experience));
        }
        var bestRecord = named(obj("nested", obj("path", RECORDS, "score_mode", "max", "query", stemmedMatch(), "boost", BEST_RECORD_BOOST)),
                TEXT_STEMMED);
        if (!recordFilters.isEmpty()) {
            // the words may match a record that fails the filters; the experience scores only those that pass
            return obj("must", arr(anyOf(profileText(), named(nested(multiMatch(RECORD_FIELDS), "none"), TEXT_RECORDS), bestRecord)),
                    "filter", filter, "should", arr(experience));
        }
        return obj("must", arr(anyOf(profileText(), bestRecord, experience)), "filter", filter);
    }

    /** The audience and leader filters, and a record passing {@code recordFilters} when there are any. */
    private List<ObjectNode> found(List<ObjectNode> recordFilters) {
        var filters = new ArrayList<>(leaderFilters());
        if (!recordFilters.isEmpty()) {
            filters.add(recordsMatching(recordFilters));
        }
        return filters;
    }

    /**
     * Where the words match, for the bodies that count and do not score: in the profile, or in a record as written or
     * stemmed (or through a synonym). Without text, everything matches.
     */
    private List<ObjectNode> mustClauses() {
        if (!criteria.hasText()) {
            return List.of(obj("match_all", obj()));
        }
        return List.of(anyOf(profileText(), named(nested(multiMatch(RECORD_FIELDS), "max"), TEXT_RECORDS),
                named(nested(stemmedMatch(), "max"), TEXT_STEMMED)));
    }

    private ObjectNode profileText() {
        return named(multiMatch(profileFields()), TEXT_PROFILE);
    }

    private static ObjectNode anyOf(ObjectNode... queries) {
        return obj("bool", obj("should", arr((Object[]) queries), "minimum_should_match", 1));
    }

    private List<String> profileFields() {
        if (!criteria.audience().others().sees(ProfileAudience.Field.DOING_NOW)) {
            return PROFILE_FIELDS;
        }
        var fields = new ArrayList<>(PROFILE_FIELDS);
        fields.addAll(DOING_NOW_FIELDS);
        return fields;
    }

    private List<ObjectNode> leaderFilters() {
        var filters = new ArrayList<ObjectNode>();
        criteria.audience().filter().ifPresent(filters::add);
        for (var facet : Facet.values()) {
            var codes = criteria.filter(facet);
            if (facet.onLeader() && !codes.isEmpty()) {
                filters.add(obj("terms", obj(facet.leaderField, codes)));
            }
        }
        if (criteria.mentoringAvailable()) {
            filters.addAll(MentorCandidates.available(today));
        }
        return filters;
    }

    /** Scores each leader by the records that pass {@code filters} (the record filters), and returns the best of them as inner hits. */
    private ObjectNode experience(List<ObjectNode> filters, ObjectNode innerHits) {
        return obj("nested", obj("path", RECORDS, "score_mode", "sum", "query", recordScore(filters), "inner_hits", innerHits));
    }

    /**
     * What a record passing {@code filters} earns its leader: its experience points, its freshness, its nearness and its own
     * text score (see the class comment). A record scores nothing for passing the filters, or for being there at all.
     */
    private ObjectNode recordScore(List<ObjectNode> filters) {
        return recordScore(filters, criteria.near() != null);
    }

    /** The same, nearness counted only when {@code nearness}. */
    private ObjectNode recordScore(List<ObjectNode> filters, boolean nearness) {
        var recordText = new ArrayList<ObjectNode>();
        if (criteria.hasText()) {
            recordText.add(named(multiMatch(RECORD_FIELDS), RECORD_TEXT));
            recordText.add(named(stemmedMatch(), RECORD_STEMMED));
        }
        ObjectNode bool;
        if (!filters.isEmpty()) {
            bool = obj("filter", arr(filters), "should", arr(recordText));
        } else if (!recordText.isEmpty()) {
            // without filters a record earns its leader a score by matching the words (a match_all filter beside them
            // scored nothing and cost a text search 3 to 4% of Elasticsearch's time: docs/benchmarks.md)
            bool = obj("should", arr(recordText), "minimum_should_match", 1);
        } else {
            // a filter scores nothing; an empty bool would be match_all, which scores 1
            bool = obj("filter", arr(obj("match_all", obj())));
        }
        var query = obj("bool", bool);
        var functions = new ArrayList<ObjectNode>();
        // what the record is, summed when it was indexed (one number to read, where five filters were); an index of an older
        // mapping, live while a new one is built, lacks it and counts each record its base point
        functions.add(obj("field_value_factor", obj("field", RECORDS_EXPERIENCE_POINTS, "missing", LeaderDocument.Record.BASE_POINTS)));
        functions.add(obj("exp", obj(RECORDS_PERIOD_END, obj("origin", today, "scale", Freshness.HALF_LIFE_DAYS + "d", "decay", 0.5)),
                "weight", 1.0));
        if (nearness) {
            var scale = criteria.withinKm() == null ? 25.0 : criteria.withinKm();
            functions.add(obj("gauss", obj(RECORDS_LOCATIONS, obj("origin", point(), "scale", km(scale), "decay", 0.5)), "weight", 2.0));
        }
        return obj("function_score", obj("query", query, "functions", arr(functions), "score_mode", "sum", "boost_mode", "sum"));
    }

    /**
     * The experience of a search with no words, record filter or place (or one sorted by distance, where the score only
     * orders leaders at the same distance): every record counts, for its points and freshness alone, so a leader's sum is
     * its {@link LeaderDocument.Experience}, read from the leader with no record joined (0.55 of such a search's cost:
     * docs/benchmarks.md, "Hits from their own stored field, experience on the leader"). A leader with a record that ends
     * after the day it was indexed is scored through its records, the same sum. Elasticsearch gives every hit its inner
     * hits, whether or not the clause that asks for them matched it, so the records of a leader scored on the leader come
     * as well, in the order their scores give (SearchResourceTest). An index of an older mapping, live while a new one is
     * built, has no sum: such a search ranks its leaders by id until the new index is live.
     */
    private List<ObjectNode> experienceOnTheLeader(ObjectNode innerHits) {
        var onLeader = obj("function_score", obj("query", obj("match_all", obj()), "functions", arr(
                obj("field_value_factor", obj("field", DocumentFields.EXPERIENCE_POINTS_OF_RECORDS, "missing", 0)),
                obj("field_value_factor", obj("field", DocumentFields.EXPERIENCE_ONGOING, "missing", 0)),
                obj("field_value_factor", obj("field", DocumentFields.EXPERIENCE_ENDED, "factor", Freshness.factorOn(LocalDate.parse(today)),
                        "missing", 0))),
                "score_mode", "sum", "boost_mode", "replace"));
        var clauses = new ArrayList<ObjectNode>();
        clauses.add(obj("bool", obj("filter", arr(term(DocumentFields.EXPERIENCE_TO_COME, false)), "must", arr(onLeader))));
        var toCome = arr(term(DocumentFields.EXPERIENCE_TO_COME, true));
        if (criteria.near() == null) {
            clauses.add(obj("bool", obj("filter", toCome, "must", arr(experience(List.of(), innerHits)))));
            return clauses;
        }
        // sorted by distance: the score only orders leaders at the same distance, by their experience alone, as on the leader;
        // the records shown still come nearest first, from a clause that matches no leader (ids are positive)
        clauses.add(obj("bool", obj("filter", toCome, "must", arr(nested(recordScore(List.of(), false), "sum")))));
        clauses.add(obj("bool", obj("filter", arr(term(ID, -1)), "must", arr(experience(List.of(), innerHits)))));
        return clauses;
    }

    /** Filters on records, all within one record; {@code except} drops one disjunctive facet's own filter (for its counts). */
    List<ObjectNode> recordFilters(Facet except) {
        var filters = new ArrayList<ObjectNode>();
        criteria.filters().forEach((facet, codes) -> {
            if (codes.isEmpty() || facet.onLeader() || facet == except && facet != Facet.SERVICE) {
                return;
            }
            if (facet == Facet.SERVICE) {
                codes.forEach(code -> filters.add(term(facet.field, code)));
            } else if (facet.judged() && criteria.improvedOutcomes()) {
                filters.add(obj("terms", obj(facet.improvedField, codes)));
            } else {
                filters.add(obj("terms", obj(facet.field, codes)));
            }
        });
        if (criteria.improvedOutcomes() && criteria.filter(Facet.OUTCOME).isEmpty() && except != Facet.OUTCOME) {
            filters.add(obj("exists", obj("field", Facet.OUTCOME.improvedField)));
        }
        if (criteria.minVerification() != null && except != Facet.VERIFICATION) {
            filters.add(obj("range", obj(RECORDS_VERIFICATION_RANK, obj("gte", criteria.minVerification().ordinal()))));
        }
        if (criteria.withinKm() != null) {
            filters.add(obj("geo_distance", obj("distance", km(criteria.withinKm()), RECORDS_LOCATIONS, point())));
        }
        return filters;
    }

    /**
     * The facet counts. The query has found the leaders with a record passing every filter, so a
     * facet that honours every filter counts among them: on the leader's summary when there is no
     * record filter, else in one nested aggregation over the records that pass the filters. All such
     * facets count in one terms aggregation over the facet values ({@link DocumentFields#FACET_VALUES}):
     * an aggregation of its own for each facet, each with its own way back from records to leaders,
     * cost several times as much. A facet whose own filter is given must count leaders the query left
     * out for that filter: it counts in a {@code global} aggregation filtered by the words, the leader
     * filters and the other record filters, and SearchService ignores its share of the one above. The
     * leader facets count among those found (their filters narrow the leaders): in the one terms
     * aggregation when it counts on the leader, else (or, {@code leaderFacetsApart}, always) in their own.
     */
    private ObjectNode facets(boolean leaderFacetsApart) {
        var aggs = obj();
        var all = recordFilters(null);
        var onLeader = all.isEmpty() ? Optional.of(facetValues(FACET_VALUES)) : byTheOneFilter(criteria);
        boolean together = false;
        for (var facet : Facet.values()) {
            if (!facet.counted) {
                continue;
            }
            if (facet.onLeader()) {
                if (onLeader.isEmpty() || leaderFacetsApart) {
                    aggs.set(facet.param, obj("terms", obj("field", facet.leaderField, "size", FACET_SIZE)));
                }
                continue;
            }
            var others = recordFilters(facet);
            if (others.equals(all)) {
                together = true;
                continue;
            }
            var base = obj("bool", obj("must", mustClauses(), "filter", arr(found(others))));
            var within = others.isEmpty() ? counted(facet, true)
                    : byTheOneFilter(criteria.without(facet)).orElseGet(() -> perRecord(others, counted(facet, false)));
            aggs.set(facet.param, obj("global", obj(), "aggs", obj(BASE, obj("filter", base, "aggs", within))));
        }
        if (together || (onLeader.isPresent() && !leaderFacetsApart)) {
            aggs.setAll(onLeader.orElseGet(() -> perRecord(all, facetValues(RECORDS_FACET_VALUES))));
        }
        return aggs;
    }

    /**
     * When one region, ICB, service, approach, scope, programme or outcome, two services, or a minimum verification level
     * is the only record filter of {@code criteria} (the search's, or all but a facet's own for that facet's counts): the
     * facet values counted on the leader, in its field for that value, pair or level ({@link DocumentFields#FACET_VALUES_BY}).
     * A leader found has a record with it, and is counted for a value when such a record has the value: what the nested
     * aggregation counts, for a fraction of the cost (docs/benchmarks.md, "One filter counted on the leader"). A value no
     * leader has yet has no field, and Elasticsearch counts an unmapped field as empty.
     */
    private static Optional<ObjectNode> byTheOneFilter(SearchCriteria criteria) {
        if (criteria.improvedOutcomes() || criteria.withinKm() != null) {
            return Optional.empty();
        }
        var given = criteria.filters().entrySet().stream().filter(f -> !f.getKey().onLeader() && !f.getValue().isEmpty()).toList();
        var min = criteria.minVerification();
        if (min != null) {
            return given.isEmpty() ? Optional.of(facetValues(DocumentFields.facetValuesWith(DocumentFields.FACET_VALUES_BY_VERIFICATION, min.code)))
                    : Optional.empty();
        }
        if (given.size() != 1) {
            return Optional.empty();
        }
        var facet = given.get(0).getKey();
        var codes = given.get(0).getValue().stream().distinct().toList();
        if (facet == Facet.SERVICE && codes.size() == 2) {
            return Optional.of(facetValues(DocumentFields.facetValuesWith(DocumentFields.FACET_VALUES_BY_SERVICE_PAIR,
                    DocumentFields.servicePair(codes.get(0), codes.get(1)))));
        }
        if (codes.size() != 1) {
            return Optional.empty();
        }
        var byField = DocumentFields.FACET_VALUES_BY.get(facet.field);
        return Optional.ofNullable(byField).map(f -> facetValues(DocumentFields.facetValuesWith(f, codes.get(0))));
    }

    /**
     * Leaders per facet value in one terms aggregation named {@link #FACETS}: on the leader's summary, or
     * per record and back to leaders. Its buckets are keyed {@link DocumentFields#facetValue}; SearchService
     * takes each facet's share. Every value is counted: an {@code include} pattern for only the facets
     * wanted here made the aggregation slower than counting all (it leaves Elasticsearch's fast path for
     * ordinals), docs/benchmarks.md, "Facets in one aggregation".
     */
    private static ObjectNode facetValues(String field) {
        var terms = obj("terms", obj("field", field, "size", ALL_FACET_VALUES));
        if (field.equals(RECORDS_FACET_VALUES)) {
            terms.set("aggs", leadersAgg());
        }
        return obj(FACETS, terms);
    }

    /** A facet's terms (and improved terms, if judged): on the leader's summary, or per record and back to leaders. */
    private static ObjectNode counted(Facet facet, boolean onSummary) {
        var aggs = obj();
        if (onSummary) {
            aggs.set(facet.param, obj("terms", obj("field", facet.leaderField, "size", FACET_SIZE)));
            if (facet.judged()) {
                aggs.set(improvedAgg(facet), obj("terms", obj("field", facet.improvedLeaderField, "size", FACET_SIZE)));
            }
            return aggs;
        }
        aggs.set(facet.param, obj("terms", obj("field", facet.field, "size", FACET_SIZE), "aggs", leadersAgg()));
        if (facet.judged()) {
            aggs.set(improvedAgg(facet), obj("terms", obj("field", facet.improvedField, "size", FACET_SIZE), "aggs", leadersAgg()));
        }
        return aggs;
    }

    /** {@code counts} over the records passing {@code filters}. */
    private static ObjectNode perRecord(List<ObjectNode> filters, ObjectNode counts) {
        return obj(RECORDS, obj("nested", obj("path", RECORDS), "aggs", obj(MATCHING, obj("filter", bool(filters), "aggs", counts))));
    }

    /** The leader-level count of improved values beside a judged facet's own. */
    static String improvedAgg(Facet facet) {
        return facet.param + "_improved";
    }

    /** Counts in leaders, not records: how many distinct leaders own the records in the bucket. */
    private static ObjectNode leadersAgg() {
        return obj("leaders", obj("reverse_nested", obj()));
    }

    /** The name of the per-area count of distinct records. */
    static final String RECORD_COUNT = "records";

    /**
     * Leaders, and records counted once each: a record led together is in each co-leader's document
     * under the same id, so records are its distinct ids, not nested documents. Elasticsearch's
     * cardinality is exact in practice below its precision threshold (40000, the most it allows).
     */
    private static ObjectNode leadersAndRecordsAggs() {
        var aggs = leadersAgg();
        aggs.set(RECORD_COUNT, obj("cardinality", obj("field", RECORDS_ID, "precision_threshold", 40000)));
        return aggs;
    }

    private List<ObjectNode> sort() {
        var byScore = obj("_score", obj("order", "desc"));
        var byId = obj(ID, obj("order", "asc"));
        return switch (criteria.sort()) {
            case RELEVANCE -> List.of(byScore, byId);
            case RECENT -> List.of(obj(LATEST_ACTIVITY, obj("order", "desc", "missing", "_last")), byScore, byId);
            case DISTANCE -> List.of(byDistance(), byScore, byId);
        };
    }

    /**
     * The nearest location of a record passing the filters. With no record filter every record passes, and the nearest of
     * the leader's own copy of their locations ({@link DocumentFields#RECORD_LOCATIONS}) is the same distance, found without
     * joining every record, which was a third of such a search's cost (docs/benchmarks.md, "Sorted by distance on the leader"). An index
     * of an older mapping, live while a new one is built, lacks that copy: it sorts every leader as having no place.
     */
    private ObjectNode byDistance() {
        var recordFilters = recordFilters(null);
        if (recordFilters.isEmpty()) {
            return obj("_geo_distance", obj(RECORD_LOCATIONS, point(), "order", "asc", "unit", "km", "mode", "min", "ignore_unmapped", true));
        }
        return obj("_geo_distance", obj(RECORDS_LOCATIONS, point(), "order", "asc", "unit", "km", "mode", "min",
                "nested", obj("path", RECORDS, "filter", bool(recordFilters))));
    }

    private ObjectNode multiMatch(List<String> fields) {
        return obj("multi_match", obj("query", criteria.text(), "fields", fields, "type", "best_fields",
                "minimum_should_match", TEXT_MSM));
    }

    /**
     * The stemmed fields as one (all share one search analyzer, which cross_fields needs to apply the
     * minimum to the words across fields). A vocabulary phrase in the query counts as one word, its
     * concept token.
     */
    private ObjectNode stemmedMatch() {
        var match = multiMatch(STEMMED_RECORD_FIELDS);
        ((ObjectNode) match.get("multi_match")).put("type", "cross_fields");
        return match;
    }

    private static ObjectNode recordsMatching(List<ObjectNode> filters) {
        return nested(bool(filters), "none");
    }

    private static ObjectNode nested(ObjectNode query, String scoreMode) {
        return obj("nested", obj("path", RECORDS, "score_mode", scoreMode, "query", query));
    }

    private static ObjectNode bool(List<ObjectNode> filters) {
        return filters.isEmpty() ? obj("match_all", obj()) : obj("bool", obj("filter", arr(filters)));
    }

    private static ObjectNode term(String field, Object value) {
        return obj("term", obj(field, value));
    }

    private static ObjectNode named(ObjectNode query, String name) {
        var clause = (ObjectNode) query.elements().next();
        clause.put("_name", name);
        return query;
    }

    private ObjectNode point() {
        return obj("lat", criteria.near().lat(), "lon", criteria.near().lon());
    }

    private static String km(double km) {
        return km + "km";
    }
}
