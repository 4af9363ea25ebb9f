package org.joinedup.places;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.joinedup.platform.Page;
import org.joinedup.platform.PageRequest;
import org.joinedup.platform.ProblemException;
import org.joinedup.search.SearchParams;
import org.joinedup.search.SearchResult;
import org.joinedup.search.SearchService;
import org.joinedup.vocabulary.ApproachDimensions;
import org.joinedup.vocabulary.Area;
import org.joinedup.vocabulary.Geography;
import org.joinedup.vocabulary.Vocabularies;
import org.joinedup.vocabulary.VocabularyKind;

/**
 * "Strong where we are weak": from a place's latest self-assessment, its weakest dimensions, the
 * approaches that build them (seed-data/vocabularies/approach-dimensions.csv), and the leaders whose
 * records used those approaches, found through the search so each caller sees only whom they may.
 * The ranking is a sum of points, explained per hit; docs/places.md gives the rule.
 */
@ApplicationScoped
public class Strengths {

    /** The weakest dimensions are the three lowest scores, with every dimension tied with the third. */
    static final int WEAKEST = 3;
    /** Bonus points for a record (using one of the approaches) whose outcome improved, and for one in a place like this. */
    static final int IMPROVED_POINTS = 2;
    static final int LIKE_PLACE_POINTS = 2;
    /** How many nearest neighbours of a council count as places like it. */
    static final int NEIGHBOURS = 10;
    /** Each search is walked a page of 100 at a time, to at most this many leaders. */
    static final int MAX_CANDIDATES = 1000;
    private static final int SEARCH_PAGE = 100;

    @Inject
    AssessmentService assessments;

    @Inject
    ApproachDimensions mapping;

    @Inject
    Vocabularies vocabularies;

    @Inject
    Geography geography;

    @Inject
    NearestNeighbours neighbours;

    @Inject
    SearchService search;

    /** What one leader's records show against the weak dimensions, gathered over the searches. */
    private static final class Candidate {
        final SearchResult.Leader leader;
        final Map<String, Set<String>> approachesByDimension = new LinkedHashMap<>();
        final Set<String> services = new LinkedHashSet<>();
        boolean improved;
        final Map<String, String> likePlaces = new LinkedHashMap<>();
        /** A record using the approaches lies in a place like this one (named in likePlaces when the search showed it). */
        boolean inLikePlace;
        int points;

        Candidate(SearchResult.Leader leader) {
            this.leader = leader;
        }
    }

    public StrengthsForGaps of(String code, PageRequest paging) {
        var area = assessments.assessable(code);
        var assessment = assessments.latest(area.code()).orElseThrow(() -> ProblemException.conflict(area.name() + " (" + area.code()
                + ") has no self-assessment yet, so it has no weakest dimensions; POST /api/areas/" + area.code() + "/assessments records one"));
        var weakest = weakest(assessment);
        var likePlaces = placesLike(area);
        var candidates = new LinkedHashMap<Long, Candidate>();
        var targets = new LinkedHashSet<String>();
        for (var dimension : weakest) {
            if (dimension.approaches().isEmpty()) {
                continue;
            }
            targets.addAll(dimension.approaches());
            for (var hit : all(params(dimension.approaches()))) {
                var candidate = candidates.computeIfAbsent(hit.leader().id(), id -> new Candidate(hit.leader()));
                var used = candidate.approachesByDimension.computeIfAbsent(dimension.code(), d -> new LinkedHashSet<>());
                for (var record : hit.matchedRecords()) {
                    record.approaches().stream().filter(dimension.approaches()::contains).forEach(used::add);
                    candidate.services.addAll(record.services());
                }
            }
        }
        if (!candidates.isEmpty()) {
            var improved = params(List.copyOf(targets));
            improved.improved = "true";
            for (var hit : all(improved)) {
                var candidate = candidates.get(hit.leader().id());
                if (candidate != null) {
                    candidate.improved = true;
                }
            }
            if (!likePlaces.isEmpty()) {
                var like = params(List.copyOf(targets));
                like.area = List.copyOf(likePlaces.keySet());
                var byName = new LinkedHashMap<String, String>();
                likePlaces.keySet().forEach(c -> geography.find(c).ifPresent(a -> byName.put(a.name(), c)));
                for (var hit : all(like)) {
                    var candidate = candidates.get(hit.leader().id());
                    if (candidate == null) {
                        continue;
                    }
                    // the record's area was in the filter even if its name is not among the three records shown
                    candidate.inLikePlace = true;
                    for (var record : hit.matchedRecords()) {
                        record.areas().stream().filter(byName::containsKey).forEach(name -> candidate.likePlaces.put(byName.get(name), name));
                    }
                }
            }
        }
        var scores = new LinkedHashMap<String, Integer>();
        weakest.forEach(d -> scores.put(d.code(), d.score()));
        for (var candidate : candidates.values()) {
            candidate.points = candidate.approachesByDimension.keySet().stream().mapToInt(d -> AssessmentService.MAX_SCORE - scores.get(d)).sum()
                    + (candidate.improved ? IMPROVED_POINTS : 0) + (candidate.inLikePlace ? LIKE_PLACE_POINTS : 0);
        }
        var ranked = candidates.values().stream()
                .sorted(Comparator.comparingInt((Candidate c) -> -c.points).thenComparingLong(c -> c.leader.id())).toList();
        int from = (int) Math.min(ranked.size(), (long) paging.page() * paging.size());
        int to = Math.min(ranked.size(), from + paging.size());
        var items = ranked.subList(from, to).stream().map(c -> strength(c, area, weakest, likePlaces)).toList();
        return new StrengthsForGaps(new StrengthsForGaps.AssessedPlace(area.code(), area.name(), area.type()),
                new StrengthsForGaps.Assessed(assessment.id(), assessment.assessedOn()), weakest,
                likePlaces.keySet().stream().map(c -> geography.find(c).map(Area::name).orElse(c)).toList(), ranking(),
                Page.of(items, paging, ranked.size()));
    }

    /** The three lowest scores and every dimension tied with the third, lowest first, ties in the dimensions' order; a 5 is never weak. */
    public List<StrengthsForGaps.WeakDimension> weakest(AssessmentView assessment) {
        var sorted = assessment.scores().stream().sorted(Comparator.comparingInt(AssessmentView.DimensionScore::score)).toList();
        if (sorted.isEmpty()) {
            return List.of();
        }
        int threshold = sorted.get(Math.min(WEAKEST, sorted.size()) - 1).score();
        return sorted.stream().filter(s -> s.score() <= threshold && s.score() < AssessmentService.MAX_SCORE)
                .map(s -> new StrengthsForGaps.WeakDimension(s.code(), s.label(), s.score(), mapping.approachesBuilding(s.code()))).toList();
    }

    /**
     * The councils like the place, each with the council of the place it is like: a council's nearest
     * neighbours; for an ICB, its councils' nearest neighbours that are not its own councils.
     */
    Map<String, String> placesLike(Area area) {
        var own = area.isLocalAuthority() ? List.of(area.code())
                : geography.all().stream().filter(Area::isLocalAuthority).filter(c -> area.code().equals(c.icbCode())).map(Area::code).toList();
        var like = new LinkedHashMap<String, String>();
        for (var council : own) {
            if (!neighbours.isCouncil(council)) {
                continue;
            }
            for (var neighbour : neighbours.of(council, NEIGHBOURS)) {
                if (!own.contains(neighbour.code())) {
                    like.putIfAbsent(neighbour.code(), council);
                }
            }
        }
        return like;
    }

    private StrengthsForGaps.Strength strength(Candidate c, Area area, List<StrengthsForGaps.WeakDimension> weakest,
            Map<String, String> likePlaces) {
        var why = new ArrayList<String>();
        var approaches = new LinkedHashSet<String>();
        for (var dimension : weakest) {
            var used = c.approachesByDimension.get(dimension.code());
            if (used == null) {
                continue;
            }
            var ordered = vocabularies.get(VocabularyKind.APPROACHES).codes().stream().filter(used::contains).toList();
            approaches.addAll(ordered);
            why.add("used " + joined(ordered.stream().map(a -> label(VocabularyKind.APPROACHES, a)).toList())
                    + (ordered.size() == 1 ? ", which builds " : ", which build ") + lower(dimension.label()) + ", where " + area.name()
                    + " scores " + dimension.score() + " of " + AssessmentService.MAX_SCORE);
        }
        var places = new ArrayList<>(c.likePlaces.values());
        c.likePlaces.forEach((likeCode, name) -> why.add("worked in " + name + ", " + neighbours.likeness(likeCode, likePlaces.get(likeCode))));
        if (c.inLikePlace && places.isEmpty()) {
            why.add("worked in a place like " + area.name());
        }
        if (c.improved) {
            why.add("an outcome improved where they used it");
        }
        var approachList = approaches.stream().limit(10).toList();
        var need = "Learn how " + joined(approachList.stream().map(a -> label(VocabularyKind.APPROACHES, a)).toList()) + " built "
                + joined(c.approachesByDimension.keySet().stream().map(d -> lower(label(VocabularyKind.DIMENSIONS, d))).toList())
                + ", where " + area.name() + " is weak, from " + c.leader.name() + "'s experience.";
        var body = new StrengthsForGaps.LearningRequestBody(null, area.code(), c.services.stream().limit(10).toList(), approachList,
                need.length() > 2000 ? need.substring(0, 2000) : need);
        return new StrengthsForGaps.Strength(c.leader, c.points, List.copyOf(c.approachesByDimension.keySet()), List.copyOf(approaches), c.improved,
                places, why, body);
    }

    private static String ranking() {
        return "Each leader gets, for every weak dimension their records build, 5 minus the place's score on it; "
                + IMPROVED_POINTS + " more if an outcome improved on a record using one of those approaches; " + LIKE_PLACE_POINTS
                + " more if such a record is in a place like this one (a nearest-neighbour council). Highest first; equal points by leader id.";
    }

    private static SearchParams params(List<String> approaches) {
        var p = new SearchParams();
        p.approach = approaches;
        // the defaults the query parameters would have (built here, not by JAX-RS)
        p.sort = "relevance";
        p.size = String.valueOf(SEARCH_PAGE);
        return p;
    }

    /** Every leader the search finds for this caller, a page at a time, up to {@link #MAX_CANDIDATES}. */
    private List<SearchResult.Hit> all(SearchParams p) {
        var hits = new ArrayList<SearchResult.Hit>();
        for (int page = 0; page * SEARCH_PAGE < MAX_CANDIDATES; page++) {
            p.page = String.valueOf(page);
            var result = search.search(p);
            hits.addAll(result.hits());
            if (result.hits().size() < SEARCH_PAGE || hits.size() >= result.total()) {
                break;
            }
        }
        return hits;
    }

    private String label(VocabularyKind kind, String code) {
        return vocabularies.get(kind).find(code).map(i -> lower(i.label())).orElse(code);
    }

    /** "Pooled budgets" reads "pooled budgets" inside a sentence; an acronym ("GP") stays as it is. */
    private static String lower(String label) {
        if (label.length() > 1 && Character.isUpperCase(label.charAt(0)) && !Character.isUpperCase(label.charAt(1))) {
            return Character.toLowerCase(label.charAt(0)) + label.substring(1);
        }
        return label;
    }

    private static String joined(List<String> words) {
        if (words.size() <= 1) {
            return String.join("", words);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " and " + words.get(words.size() - 1);
    }
}
