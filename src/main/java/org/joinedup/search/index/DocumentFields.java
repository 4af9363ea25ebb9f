package org.joinedup.search.index;

import java.util.List;
import java.util.Map;

/**
 * The paths of the {@link LeaderDocument} fields that queries name, as index-mappings/leaders.json
 * declares them: the one place the query side takes a field name from. A name spelled wrong in a
 * query silently matches nothing, so DocumentFieldsTest checks every constant here against the
 * mapping file. Each constant is its path, upper-cased, dots as underscores.
 */
public final class DocumentFields {

    /** The free-text subfield analysed with the English stemmer and the vocabulary synonyms (docs/stemming.md). */
    private static final String STEMMED = ".stemmed";
    /** The exact, lower-cased subfield of a free-text field. */
    private static final String KEYWORD = ".keyword";

    public static final String ID = "id";
    public static final String NAME = "name";
    public static final String CURRENT_ROLE = "current_role";
    public static final String CURRENT_ROLE_STEMMED = CURRENT_ROLE + STEMMED;
    public static final String ORGANISATION = "organisation";
    public static final String ORGANISATION_KEYWORD = ORGANISATION + KEYWORD;
    public static final String ORGANISATION_CODE = "organisation_code";
    public static final String DOING_NOW = "doing_now";
    public static final String DOING_NOW_STEMMED = DOING_NOW + STEMMED;
    public static final String DOING_NOW_AS_OF = "doing_now_as_of";
    public static final String HOME_AREA = "home_area";
    public static final String HOME_AREA_NAME = "home_area.name";
    public static final String HOME_AREA_REGION = "home_area.region";
    public static final String HOME_LOCATION = "home_location";
    public static final String VISIBILITY = "visibility";
    public static final String ILLUSTRATIVE = "illustrative";
    public static final String LATEST_ACTIVITY = "latest_activity";
    /** The mapping version of the build that wrote the document (LeaderIndex#mappingVersion), so that what an older build wrote is found. */
    public static final String MAPPING_VERSION = "mapping_version";
    public static final String RECORD_COUNT = "record_count";
    /**
     * Every location of every record of the leader ({@link LeaderDocument#recordLocations}): with no record filter, the nearest
     * of them is the nearest of the records', so a search sorted by distance sorts on the leader instead of joining every
     * record (docs/search.md, "Speed"). Doc values only, left out of the stored source.
     */
    public static final String RECORD_LOCATIONS = "record_locations";

    public static final String MENTORING = "mentoring";
    public static final String MENTORING_WILLING = MENTORING + ".willing";
    public static final String MENTORING_CAPACITY_LEFT = MENTORING + ".capacity_left";
    public static final String MENTORING_FORMATS = MENTORING + ".formats";
    public static final String MENTORING_TRAINED = MENTORING + ".trained";
    public static final String MENTORING_CONFLICTS = MENTORING + ".conflicts";
    /** A date: the mentor is paused while it is after today (a range against now/d, so the pause ends by itself). */
    public static final String MENTORING_PAUSED_UNTIL = MENTORING + ".paused_until";

    public static final String SECTOR = "sector";
    /** yes or no: whether a published round with a public list selected the leader (org.joinedup.recognition.Recognitions). */
    public static final String RECOGNISED = "recognised";
    public static final String TRACK_RECORD = "track_record";
    public static final String TRACK_RECORD_MENTORED = TRACK_RECORD + ".mentored";
    public static final String TRACK_RECORD_WOULD_RECOMMEND = TRACK_RECORD + ".would_recommend";

    /** The leader's summary of all its records ({@link LeaderDocument.Facets}): counted without the nested join. */
    public static final String FACETS_REGIONS = "facets.regions";
    public static final String FACETS_ICBS = "facets.icbs";
    public static final String FACETS_SERVICES = "facets.services";
    public static final String FACETS_APPROACHES = "facets.approaches";
    public static final String FACETS_SCOPES = "facets.scopes";
    public static final String FACETS_PROGRAMMES = "facets.programmes";
    public static final String FACETS_OUTCOMES = "facets.outcomes";
    public static final String FACETS_IMPROVED_OUTCOMES = "facets.improved_outcomes";
    public static final String FACETS_VERIFICATIONS = "facets.verifications";

    /**
     * Every value a counted facet can take, of all the leader's records and of the leader's own faceted fields
     * ({@link LeaderDocument#facetValues}), and of one record: each is {@link #facetValue} of a field and a code, so that
     * one terms aggregation counts every facet at once (docs/search.md, "Speed"). Indexed only: left out of the stored source.
     */
    public static final String FACET_VALUES = "facet_values";

    /** The nested records: the path of nested queries, aggregations and sorts, and the prefix of every field below. */
    public static final String RECORDS = "records";
    public static final String RECORDS_ID = RECORDS + ".id";
    public static final String RECORDS_TITLE = RECORDS + ".title";
    public static final String RECORDS_TITLE_STEMMED = RECORDS_TITLE + STEMMED;
    public static final String RECORDS_SUMMARY = RECORDS + ".summary";
    public static final String RECORDS_SUMMARY_STEMMED = RECORDS_SUMMARY + STEMMED;
    public static final String RECORDS_SERVICES = RECORDS + ".services";
    public static final String RECORDS_APPROACHES = RECORDS + ".approaches";
    public static final String RECORDS_SCOPE = RECORDS + ".scope";
    public static final String RECORDS_PROGRAMME = RECORDS + ".programme";
    public static final String RECORDS_AREA_CODES = RECORDS + ".area_codes";
    public static final String RECORDS_AREA_NAMES = RECORDS + ".area_names";
    public static final String RECORDS_AREA_NAMES_STEMMED = RECORDS_AREA_NAMES + STEMMED;
    public static final String RECORDS_ICBS = RECORDS + ".icbs";
    public static final String RECORDS_REGIONS = RECORDS + ".regions";
    public static final String RECORDS_ROLE = RECORDS + ".role";
    public static final String RECORDS_LOCATIONS = RECORDS + ".locations";
    public static final String RECORDS_PARTNER_ORGANISATIONS = RECORDS + ".partner_organisations";
    public static final String RECORDS_PARTNER_ORGANISATIONS_STEMMED = RECORDS_PARTNER_ORGANISATIONS + STEMMED;
    public static final String RECORDS_PERIOD_START = RECORDS + ".period_start";
    public static final String RECORDS_PERIOD_END = RECORDS + ".period_end";
    public static final String RECORDS_OUTCOME_METRICS = RECORDS + ".outcome_metrics";
    public static final String RECORDS_OUTCOME_DESCRIPTIONS = RECORDS + ".outcome_descriptions";
    public static final String RECORDS_OUTCOME_DESCRIPTIONS_STEMMED = RECORDS_OUTCOME_DESCRIPTIONS + STEMMED;
    public static final String RECORDS_IMPROVED_OUTCOMES = RECORDS + ".improved_outcomes";
    public static final String RECORDS_IMPROVEMENT_RANK = RECORDS + ".improvement_rank";
    public static final String RECORDS_EVIDENCE_COUNT = RECORDS + ".evidence_count";
    public static final String RECORDS_VERIFICATION = RECORDS + ".verification";
    public static final String RECORDS_VERIFICATION_RANK = RECORDS + ".verification_rank";
    public static final String RECORDS_VERIFICATION_SINCE = RECORDS + ".verification_since";
    public static final String RECORDS_FACET_VALUES = RECORDS + "." + FACET_VALUES;
    /**
     * The points a record earns its leader in the relevance ranking for what it is ({@link LeaderDocument.Record#experiencePoints}),
     * so that a search reads one number per record, not five filters. Indexed only: left out of the stored source.
     */
    static final String EXPERIENCE_POINTS = "experience_points";
    public static final String RECORDS_EXPERIENCE_POINTS = RECORDS + "." + EXPERIENCE_POINTS;

    /**
     * The facet values of the leader's records per value of a record field, of the same record, one field for each value
     * ({@link #facetValuesWith}: {@code facet_values_by_region.E40000011} holds "services:gp", ...): per region, ICB, service,
     * approach, scope, programme and outcome. With one of them as the only record filter, the facets count on the leader
     * from its one field, with no nested aggregation and no way back from records to leaders, which was most of such a
     * search's cost (docs/search.md, "Speed"). Doc values only: left out of the stored source, and no query reads them.
     */
    public static final Map<String, String> FACET_VALUES_BY = Map.of(RECORDS_REGIONS, "facet_values_by_region",
            RECORDS_ICBS, "facet_values_by_icb", RECORDS_SERVICES, "facet_values_by_service", RECORDS_APPROACHES, "facet_values_by_approach",
            RECORDS_SCOPE, "facet_values_by_scope", RECORDS_PROGRAMME, "facet_values_by_programme", RECORDS_OUTCOME_METRICS, "facet_values_by_outcome");
    /** The same per minimum level, as the filter means it: {@code .endorsed} holds the values of the records endorsed or verified. */
    public static final String FACET_VALUES_BY_VERIFICATION = "facet_values_by_verification";
    /**
     * The same per pair of services joined up in one record ({@link #servicePair}: {@code .gp+social-care}): two services
     * are the search this registry is for ("who joined up GP and social care"), so with two as the only record filter the
     * facets count on the leader too. Three or more still count through the records.
     */
    public static final String FACET_VALUES_BY_SERVICE_PAIR = "facet_values_by_service_pair";

    /** What the leader's records earn it in the ranking ({@link LeaderDocument.Experience}). Left out of the stored source. */
    public static final String EXPERIENCE = "experience";
    public static final String EXPERIENCE_POINTS_OF_RECORDS = EXPERIENCE + ".points";
    public static final String EXPERIENCE_ONGOING = EXPERIENCE + ".ongoing";
    public static final String EXPERIENCE_ENDED = EXPERIENCE + ".ended";
    public static final String EXPERIENCE_TO_COME = EXPERIENCE + ".to_come";
    public static final String EXPERIENCE_NEXT_END = EXPERIENCE + ".next_end";

    /**
     * What a search hit shows of its leader ({@link #HIT_FIELDS}), and of each record it matched ({@link #RECORDS_HIT}): the
     * JSON of the document cut to those fields, as source filtering gives it, written when the leader is indexed
     * ({@link LeaderDocument#hit}) and stored on its own. A hit reads its short string where Elasticsearch parsed the whole
     * stored source to cut it, the leader's and again for each matched record: about a fifth of a search's time at 100,000
     * leaders (docs/benchmarks.md, "Hits from their own stored field, experience on the leader"). Stored only (no index, no
     * doc values), and left out of the stored source.
     */
    public static final String HIT = "hit";
    public static final List<String> HIT_FIELDS = List.of(ID, NAME, CURRENT_ROLE, ORGANISATION_CODE, DOING_NOW, DOING_NOW_AS_OF,
            HOME_AREA, MENTORING_WILLING, MENTORING_CAPACITY_LEFT, MENTORING_FORMATS, MENTORING_TRAINED, RECORD_COUNT, ILLUSTRATIVE);
    /** The same for a record that passed the filters: its {@link #MATCHED_RECORD_FIELDS}. */
    public static final String RECORDS_HIT = RECORDS + "." + HIT;
    public static final List<String> MATCHED_RECORD_FIELDS = List.of(RECORDS_ID, RECORDS_TITLE, RECORDS_SERVICES, RECORDS_APPROACHES,
            RECORDS_SCOPE, RECORDS_PROGRAMME, RECORDS_AREA_CODES, RECORDS_AREA_NAMES, RECORDS_PERIOD_START, RECORDS_PERIOD_END,
            RECORDS_VERIFICATION, RECORDS_VERIFICATION_SINCE, RECORDS_OUTCOME_METRICS, RECORDS_IMPROVED_OUTCOMES, RECORDS_EVIDENCE_COUNT,
            RECORDS_LOCATIONS);

    /** How {@link #FACET_VALUES_BY_SERVICE_PAIR} names two services: both codes in order, joined by "+" (no code has one). */
    public static String servicePair(String one, String other) {
        return one.compareTo(other) <= 0 ? one + "+" + other : other + "+" + one;
    }

    /** The field of a {@link #FACET_VALUES_BY} field (or {@link #FACET_VALUES_BY_VERIFICATION}) for one value (or level). */
    public static String facetValuesWith(String byField, String code) {
        return byField + "." + code;
    }

    /**
     * How {@link #FACET_VALUES} holds the code of a record field ({@code records.services}, {@code gp}): "services:gp"; or
     * of a leader field ({@code sector}, {@code nhs}): "sector:nhs" (no record field has a leader field's name).
     */
    public static String facetValue(String field, String code) {
        return facetPrefix(field) + code;
    }

    /** What every {@link #facetValue} of a record or leader field starts with. */
    public static String facetPrefix(String field) {
        return (field.startsWith(RECORDS + ".") ? field.substring(RECORDS.length() + 1) : field) + ":";
    }

    private DocumentFields() {
    }
}
