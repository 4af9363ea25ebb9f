package org.joinedup.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.joinedup.integration.VerificationLevel;
import org.joinedup.places.NearestNeighbours;
import org.joinedup.places.SimilarPlaces;
import org.joinedup.platform.ProblemException;
import org.joinedup.platform.Violation;
import org.joinedup.search.index.LeaderDocument;
import org.joinedup.security.CurrentUser;
import org.joinedup.vocabulary.Area;
import org.joinedup.vocabulary.GeoPoint;
import org.joinedup.vocabulary.Geography;
import org.joinedup.vocabulary.Vocabularies;

/** Checks search parameters and reports every problem at once, each naming its parameter. */
@ApplicationScoped
public class SearchCriteriaParser {

    public static final int MAX_TEXT = 200;
    public static final int MAX_SIZE = 100;
    /** Elasticsearch's default max_result_window: deeper pages need a narrower search. */
    public static final int MAX_RESULT_WINDOW = 10_000;
    static final double MAX_WITHIN_KM = 1000;
    /** How many nearest neighbours likeArea brings in when like is not given. */
    public static final int DEFAULT_LIKE = 10;
    private static final Pattern POINT = Pattern.compile("\\s*(-?\\d{1,3}(?:\\.\\d+)?)\\s*,\\s*(-?\\d{1,3}(?:\\.\\d+)?)\\s*");
    private static final Pattern DISTANCE = Pattern.compile("(\\d{1,7}(?:\\.\\d+)?)\\s*(km|mi)");


    @Inject
    Vocabularies vocabularies;

    @Inject
    Geography geography;

    @Inject
    CurrentUser user;

    @Inject
    NearestNeighbours neighbours;

    public SearchCriteria parse(SearchParams p) {
        var violations = new ArrayList<Violation>();
        var text = p.q == null || p.q.isBlank() ? null : p.q.strip();
        if (text != null && text.length() > MAX_TEXT) {
            violations.add(Violation.query("q", "must be at most " + MAX_TEXT + " characters"));
        }
        var filters = new EnumMap<Facet, List<String>>(Facet.class);
        // codes first, then places: the order the problems have always been reported in
        for (var facet : Facet.values()) {
            if (facet.values == Facet.Values.VOCABULARY) {
                codes(facet, p.values(facet), violations, filters);
            } else if (facet.values == Facet.Values.YES_NO) {
                yesOrNo(facet, p.values(facet), violations, filters);
            }
        }
        for (var facet : Facet.values()) {
            if (facet.values == Facet.Values.PLACE) {
                areas(facet, p.values(facet), violations, filters);
            }
        }

        likeArea(p, violations, filters);

        VerificationLevel min = null;
        if (p.verification != null) {
            min = VerificationLevel.fromCode(p.verification).orElse(null);
            if (min == null) {
                violations.add(new Violation("verification", "query", "is not a verification level", VerificationLevel.codes()));
            }
        }
        if (p.improved != null && !"true".equals(p.improved)) {
            violations.add(new Violation("improved", "query", "the only value is true (leave it out for any reported outcome)", List.of("true")));
        }
        if (p.mentoring != null && !"available".equals(p.mentoring)) {
            violations.add(new Violation("mentoring", "query", "the only value is available", List.of("available")));
        }

        GeoPoint near = null;
        String nearLabel = null;
        if (p.near != null && p.nearArea != null) {
            violations.add(Violation.query("nearArea", "give near or nearArea, not both"));
        } else if (p.near != null) {
            near = point(p.near, violations);
            nearLabel = p.near.strip();
        } else if (p.nearArea != null) {
            var area = geography.find(p.nearArea).filter(a -> a.latitude() != null);
            if (area.isEmpty()) {
                violations.add(Violation.query("nearArea", "'" + p.nearArea + "' is not an area code with a centroid; GET /api/areas lists them"));
            } else {
                near = new GeoPoint(area.get().latitude(), area.get().longitude());
                nearLabel = area.get().name();
            }
        }
        Double withinKm = null;
        if (p.within != null) {
            withinKm = distance(p.within, violations);
            if (p.near == null && p.nearArea == null) {
                violations.add(Violation.query("within", "needs a point: give near=lat,lon or nearArea=CODE"));
            }
        }

        var sort = enumValue("sort", p.sort, SearchCriteria.Sort.class, violations);
        if (sort == SearchCriteria.Sort.DISTANCE && p.near == null && p.nearArea == null) {
            violations.add(Violation.query("sort", "distance needs a point: give near=lat,lon or nearArea=CODE"));
        }
        int page = integer("page", p.page, 0, Integer.MAX_VALUE, violations);
        int size = integer("size", p.size, 1, MAX_SIZE, violations);
        if (((long) page + 1) * size > MAX_RESULT_WINDOW) {
            violations.add(Violation.query("page", "results beyond the first " + MAX_RESULT_WINDOW
                    + " cannot be paged to; narrow the search with filters"));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        return new SearchCriteria(text, filters, p.improved != null, min, p.mentoring != null, near, nearLabel, withinKm, sort, page, size, Audience.of(user));
    }

    private static void yesOrNo(Facet facet, List<String> given, List<Violation> violations, Map<Facet, List<String>> filters) {
        if (given.isEmpty()) {
            return;
        }
        var allowed = List.of(LeaderDocument.TrackRecord.YES, LeaderDocument.TrackRecord.NO);
        for (var value : given) {
            if (!allowed.contains(value)) {
                violations.add(new Violation(facet.param, "query", "'" + value + "' is not yes or no", allowed));
            }
        }
        filters.put(facet, given.stream().distinct().toList());
    }

    private void codes(Facet facet, List<String> given, List<Violation> violations, Map<Facet, List<String>> filters) {
        if (given.isEmpty()) {
            return;
        }
        var kind = facet.vocabulary;
        var vocabulary = vocabularies.get(kind);
        for (var code : given) {
            if (!vocabulary.contains(code)) {
                violations.add(new Violation(facet.param, "query", "'" + code + "' is not in the " + kind.fileName + " vocabulary",
                        vocabulary.codes()));
            }
        }
        filters.put(facet, given.stream().distinct().toList());
    }

    private void areas(Facet facet, List<String> given, List<Violation> violations, Map<Facet, List<String>> filters) {
        if (given.isEmpty()) {
            return;
        }
        var codes = new ArrayList<String>();
        for (var code : given) {
            if (facet == Facet.AREA && Geography.isNational(code)) {
                // area=E92000001 finds national work: records that covered England as a whole
                codes.add(code);
                continue;
            }
            var area = geography.find(code);
            boolean fits = area.isPresent() && switch (facet) {
                case REGION -> Area.REGION.equals(area.get().type());
                case ICB -> Area.ICB.equals(area.get().type());
                default -> !Area.REGION.equals(area.get().type());
            };
            if (!fits) {
                var what = switch (facet) {
                    case REGION -> "an NHS England region code";
                    case ICB -> "an ICB code";
                    default -> "an upper-tier local authority or ICB code, or " + Geography.ENGLAND + " for national work";
                };
                violations.add(Violation.query(facet.param, "'" + code + "' is not " + what + "; GET /api/areas lists them"));
            } else {
                // a superseded ICB stands for the ICB that took it over, which is what the index holds
                codes.add(facet == Facet.ICB ? geography.resolve(code).orElseThrow().code() : code);
            }
        }
        filters.put(facet, codes.stream().distinct().toList());
    }

    /** The council and its {@code like} nearest neighbours (10 by default), the council first. */
    private void likeArea(SearchParams p, List<Violation> violations, Map<Facet, List<String>> filters) {
        var code = p.likeArea == null || p.likeArea.isBlank() ? null : p.likeArea.strip();
        int like = DEFAULT_LIKE;
        if (p.like != null && !p.like.isBlank()) {
            like = integer("like", p.like, 1, SimilarPlaces.MAX_SIZE, violations);
            if (code == null) {
                violations.add(Violation.query("like", "needs likeArea: the council whose nearest neighbours to search"));
            }
        }
        if (code == null) {
            return;
        }
        if (!neighbours.isCouncil(code)) {
            var what = geography.find(code).map(a -> "'" + code + "' is " + a.name() + ", not an upper-tier council")
                    .orElse("'" + code + "' is not an upper-tier council code");
            violations.add(Violation.query("likeArea", what + "; GET /api/areas?type=local-authority lists them"));
            return;
        }
        var codes = new ArrayList<String>();
        codes.add(code);
        neighbours.of(code, like).forEach(n -> codes.add(n.code()));
        filters.put(Facet.LIKE_AREA, List.copyOf(codes));
    }

    private static GeoPoint point(String text, List<Violation> violations) {
        var m = POINT.matcher(text);
        if (m.matches()) {
            double lat = Double.parseDouble(m.group(1));
            double lon = Double.parseDouble(m.group(2));
            if (lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180) {
                return new GeoPoint(lat, lon);
            }
        }
        violations.add(Violation.query("near", "must be latitude,longitude in degrees, e.g. 53.14,-1.2"));
        return null;
    }

    private static Double distance(String text, List<Violation> violations) {
        var m = DISTANCE.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (m.matches()) {
            double km = Double.parseDouble(m.group(1)) * ("mi".equals(m.group(2)) ? 1.609344 : 1);
            if (km > 0 && km <= MAX_WITHIN_KM) {
                return km;
            }
        }
        violations.add(Violation.query("within", "must be a distance such as 50km or 30mi, more than 0 and at most " + (int) MAX_WITHIN_KM + "km"));
        return null;
    }

    private static int integer(String name, String text, int min, int max, List<Violation> violations) {
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        violations.add(Violation.query(name, max == Integer.MAX_VALUE ? "must be a whole number, " + min + " or more"
                : "must be a whole number from " + min + " to " + max));
        return min;
    }

    private static <E extends Enum<E>> E enumValue(String name, String text, Class<E> type, List<Violation> violations) {
        for (var value : type.getEnumConstants()) {
            if (value.name().equalsIgnoreCase(text)) {
                return value;
            }
        }
        violations.add(new Violation(name, "query", "'" + text + "' is not a choice",
                Arrays.stream(type.getEnumConstants()).map(v -> v.name().toLowerCase(Locale.ROOT)).toList()));
        return type.getEnumConstants()[0];
    }
}
