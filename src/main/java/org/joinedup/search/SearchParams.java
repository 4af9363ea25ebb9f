package org.joinedup.search;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.joinedup.platform.ProblemException;
import org.joinedup.platform.Violation;

/**
 * The query parameters of the search endpoints, as sent; {@link SearchCriteriaParser} checks them.
 * A facet's parameter is the field whose {@code @QueryParam} is the facet's {@link Facet#param}.
 */
public class SearchParams {

    /** Parameter name to field, in declaration order. */
    private static final Map<String, Field> FIELDS = fields();
    private static final Map<Facet, Field> FACETS = facets();

    @QueryParam("q")
    @Parameter(description = "Full text over names, roles, record titles and summaries; vocabulary synonyms are expanded (GP also finds general practice and primary care)")
    public String q;

    @QueryParam("region")
    @Parameter(description = "NHS England region code, repeatable (any of)")
    public List<String> region;

    @QueryParam("icb")
    @Parameter(description = "ICB code, repeatable (any of); a superseded ICB stands for its successor")
    public List<String> icb;

    @QueryParam("area")
    @Parameter(description = "Upper-tier local authority or ICB code a record covered, repeatable (any of)")
    public List<String> area;

    @QueryParam("service")
    @Parameter(description = "Service code, repeatable: all of them joined up in the same record")
    public List<String> service;

    @QueryParam("approach")
    @Parameter(description = "Approach code, repeatable (any of)")
    public List<String> approach;

    @QueryParam("scope")
    @Parameter(description = "Scope code, repeatable (any of)")
    public List<String> scope;

    @QueryParam("programme")
    @Parameter(description = "Programme code, repeatable (any of)")
    public List<String> programme;

    @QueryParam("outcome")
    @Parameter(description = "Outcome metric code, repeatable (any of): records with a reported outcome on it")
    public List<String> outcome;

    @QueryParam("improved")
    @Parameter(description = "true: only records whose outcome (on one of the outcome metrics, if given) improved, judged by the metric's direction")
    public String improved;

    @QueryParam("verification")
    @Parameter(description = "Minimum verification level: self-reported, endorsed or verified")
    public String verification;

    @QueryParam("mentored")
    @Parameter(description = "yes: only leaders who have completed a mentorship as mentor; no: only those who have not")
    public List<String> mentored;

    @QueryParam("sector")
    @Parameter(description = "The leader's sector, repeatable (any of): a code of GET /api/vocabularies/sectors")
    public List<String> sector;

    @QueryParam("recognised")
    @Parameter(description = "yes: only leaders selected by a published nomination round with a public list; no: only those who are not")
    public List<String> recognised;

    @QueryParam("mentoring")
    @Parameter(description = "available: only leaders willing to mentor, with capacity left and not paused")
    public String mentoring;

    @QueryParam("near")
    @Parameter(description = "A point as lat,lon, e.g. 53.14,-1.2")
    public String near;

    @QueryParam("nearArea")
    @Parameter(description = "An area code whose centroid is the point, e.g. E10000024")
    public String nearArea;

    @QueryParam("within")
    @Parameter(description = "Distance from near or nearArea, e.g. 50km or 30mi (at most 1000km)")
    public String within;

    @QueryParam("likeArea")
    @Parameter(description = "An upper-tier council code, e.g. E10000024: only records in that council or in one of its nearest neighbours "
            + "by population, share aged 65+, deprivation and density (GET /api/areas/{code}/similar; docs/places.md)")
    public String likeArea;

    @QueryParam("like")
    @Parameter(description = "With likeArea: how many nearest neighbours, 1 to 50 (default 10)")
    public String like;

    @QueryParam("sort")
    @DefaultValue("relevance")
    @Parameter(description = "relevance (default), distance (needs near or nearArea) or recent")
    public String sort;

    @QueryParam("page")
    @DefaultValue("0")
    public String page;

    @QueryParam("size")
    @DefaultValue("20")
    public String size;

    /**
     * What is wrong with a query's names as the client wrote them, each named: a name the search does not take (a typo,
     * "servcie=gp", would otherwise find everyone) or a one-value parameter given twice (only the first was used).
     */
    public static List<Violation> misnamed(Map<String, List<String>> query) {
        return misnamed(query, Set.of());
    }

    /** As {@link #misnamed(Map)}, for an address that also takes names of its own ({@code alsoTaken}, e.g. a page's). */
    public static List<Violation> misnamed(Map<String, List<String>> query, Set<String> alsoTaken) {
        var violations = new ArrayList<Violation>();
        query.forEach((name, values) -> {
            if (alsoTaken.contains(name)) {
                return;
            }
            var field = FIELDS.get(name);
            if (field == null) {
                violations.add(new Violation(name, "query", "is not a search parameter", List.copyOf(FIELDS.keySet())));
            } else if (values.size() > 1 && !List.class.isAssignableFrom(field.getType())) {
                violations.add(Violation.query(name, "takes one value; it was given " + values.size()));
            }
        });
        return violations;
    }

    /** A 400 naming each misnamed parameter ({@link #misnamed(Map, Set)}): the search, its export and the find page answer alike. */
    public static void requireKnownNames(Map<String, List<String>> query, String... alsoTaken) {
        var misnamed = misnamed(query, Set.of(alsoTaken));
        if (!misnamed.isEmpty()) {
            throw ProblemException.invalid(misnamed);
        }
    }

    /** The values given for a facet's parameter (one at most for a single-valued one such as verification); empty when none. */
    public List<String> values(Facet facet) {
        return values(FACETS.get(facet));
    }

    /** Every parameter that has a value, by name, in declaration order, blank values left out. */
    public Map<String, List<String>> given() {
        var given = new LinkedHashMap<String, List<String>>();
        FIELDS.forEach((name, field) -> {
            var values = values(field).stream().filter(v -> v != null && !v.isBlank()).toList();
            if (!values.isEmpty()) {
                given.put(name, values);
            }
        });
        return given;
    }

    /** As {@link #given()}, but leaving out a parameter whose value is its default (sort=relevance, page=0, size=20). */
    public Map<String, List<String>> chosen() {
        var chosen = given();
        FIELDS.forEach((name, field) -> {
            var byDefault = field.getAnnotation(DefaultValue.class);
            if (byDefault != null && List.of(byDefault.value()).equals(chosen.get(name))) {
                chosen.remove(name);
            }
        });
        return chosen;
    }

    private List<String> values(Field field) {
        try {
            var value = field.get(this);
            if (value == null) {
                return List.of();
            }
            if (value instanceof List<?> list) {
                return list.stream().map(v -> (String) v).toList();
            }
            return List.of((String) value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Field> fields() {
        var fields = new LinkedHashMap<String, Field>();
        for (var field : SearchParams.class.getDeclaredFields()) {
            var param = field.getAnnotation(QueryParam.class);
            if (param != null) {
                fields.put(param.value(), field);
            }
        }
        return fields;
    }

    private static Map<Facet, Field> facets() {
        var facets = new EnumMap<Facet, Field>(Facet.class);
        for (var facet : Facet.values()) {
            var field = FIELDS.get(facet.param);
            if (field == null) {
                throw new IllegalStateException("no query parameter for the facet " + facet.param);
            }
            facets.put(facet, field);
        }
        return facets;
    }
}
