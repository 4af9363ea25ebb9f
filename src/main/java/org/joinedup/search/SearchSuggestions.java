package org.joinedup.search;

import co.elastic.clients.elasticsearch.core.msearch.MultiSearchItem;
import co.elastic.clients.elasticsearch.core.search.TermSuggestOption;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.joinedup.search.SearchResult.Suggestion;

/**
 * What to try when a search finds nobody: other words (a spelling the index knows), the search
 * without one of its filters, or a wider distance; each with the number of leaders it finds for
 * the same caller. The filters come from {@link Facet}; all counts go in one {@code _msearch}.
 */
@ApplicationScoped
public class SearchSuggestions {

    /** The distances the find page offers; a wider search steps out to the nearest of them that finds somebody. */
    public static final List<Integer> DISTANCES_KM = List.of(10, 25, 50, 100);
    /** At most this many suggestions, best first. */
    static final int MAX = 5;

    @Inject
    AliasSearch alias;

    @Inject
    SearchExplanation explanation;

    /** A suggestion before it is counted, and the criteria that count it. */
    private record Candidate(Suggestion suggestion, SearchCriteria criteria) {

        boolean distance() {
            return Suggestion.WIDEN_DISTANCE.equals(suggestion.kind());
        }
    }

    /**
     * Suggestions for a search that found nobody, best first: only ones that find somebody. Two
     * requests at most: the spelling suggester (only with words), then one {@code _msearch}: the
     * searches with the same words as filter aggregations of one body, the corrected words apart.
     */
    List<Suggestion> suggest(SearchParams params, SearchCriteria criteria) {
        // the wider search starts from its first page
        var given = params.chosen();
        given.remove("page");
        var candidates = new ArrayList<Candidate>();
        dropFilters(criteria, given, candidates);
        widenDistance(criteria, given, candidates);
        var spelling = spelling(criteria);

        var sameWords = new ArrayList<SearchCriteria>();
        candidates.forEach(c -> sameWords.add(c.criteria()));
        // the words as given must find nobody on their own, else they are not misspelt (the filters are too narrow);
        // without filters the search itself says so
        boolean wordsAlone = spelling != null && criteria.narrowed();
        if (wordsAlone) {
            sameWords.add(criteria.textOnly());
        }
        var bodies = new ArrayList<ObjectNode>();
        if (!sameWords.isEmpty()) {
            bodies.add(new LeaderQuery(criteria).countsBody(sameWords));
        }
        if (spelling != null) {
            // the corrected search, and the corrected words alone for this caller: never offer words only hidden leaders use
            var corrected = criteria.withText(spelling);
            bodies.add(new LeaderQuery(corrected).countsBody(List.of(corrected, corrected.textOnly())));
        }
        if (bodies.isEmpty()) {
            return List.of();
        }
        var answers = alias.all(bodies);
        var counts = new long[sameWords.size()];
        if (!sameWords.isEmpty()) {
            var answer = answers.get(0);
            for (int i = 0; i < counts.length; i++) {
                counts[i] = count(answer, i);
            }
        }

        var found = new ArrayList<Suggestion>();
        if (spelling != null) {
            var answer = answers.get(answers.size() - 1);
            long corrected = count(answer, 0);
            long seen = count(answer, 1);
            if (corrected > 0 && seen > 0 && (!wordsAlone || counts[counts.length - 1] == 0)) {
                var parameters = copy(given);
                parameters.put("q", List.of(spelling));
                found.add(new Suggestion(Suggestion.SPELLING, null, null, null, spelling, "Search for \"" + spelling + "\" instead",
                        corrected, parameters));
            }
        }
        var wider = new ArrayList<Suggestion>();
        boolean distance = false;
        for (int i = 0; i < candidates.size(); i++) {
            var candidate = candidates.get(i);
            // of the distances, only the nearest that finds somebody
            if (counts[i] > 0 && !(candidate.distance() && distance)) {
                wider.add(candidate.suggestion().counted(counts[i]));
                distance |= candidate.distance();
            }
        }
        wider.sort(Comparator.comparingLong(Suggestion::count).reversed());
        found.addAll(wider);
        return found.size() > MAX ? List.copyOf(found.subList(0, MAX)) : List.copyOf(found);
    }

    /** Each filter of the search left out in turn; with several services (all must hold) each service on its own. */
    private void dropFilters(SearchCriteria criteria, Map<String, List<String>> given, List<Candidate> candidates) {
        for (var facet : Facet.values()) {
            var codes = codes(facet, criteria);
            if (codes.isEmpty()) {
                continue;
            }
            if (facet == Facet.LIKE_AREA) {
                // the council stands for its neighbours: dropping it drops them and their number
                var parameters = copy(given);
                parameters.remove(facet.param);
                parameters.remove("like");
                candidates.add(new Candidate(drop(facet, List.of(criteria.likeArea()), parameters), criteria.without(facet)));
            } else if (facet == Facet.SERVICE && codes.size() > 1) {
                for (var code : codes) {
                    var parameters = copy(given);
                    parameters.computeIfPresent(facet.param, (name, values) -> {
                        var left = values.stream().filter(v -> !v.equals(code)).toList();
                        return left.isEmpty() ? null : left;
                    });
                    candidates.add(new Candidate(drop(facet, List.of(code), parameters), criteria.without(facet, code)));
                }
            } else {
                var parameters = copy(given);
                parameters.remove(facet.param);
                if (facet == Facet.OUTCOME) {
                    parameters.remove("improved");
                }
                candidates.add(new Candidate(drop(facet, codes, parameters), criteria.without(facet)));
            }
        }
    }

    /** The find page's distances beyond the search's, nearest first, then any distance from the same point. */
    private static void widenDistance(SearchCriteria criteria, Map<String, List<String>> given, List<Candidate> candidates) {
        if (criteria.withinKm() == null) {
            return;
        }
        for (var km : DISTANCES_KM) {
            if (km > criteria.withinKm()) {
                var parameters = copy(given);
                parameters.put("within", List.of(km + "km"));
                candidates.add(new Candidate(new Suggestion(Suggestion.WIDEN_DISTANCE, null, null, km + "km", null,
                        "Widen the distance to " + km + " km from " + criteria.nearLabel(), 0, parameters), criteria.within((double) km)));
            }
        }
        var parameters = copy(given);
        parameters.remove("within");
        candidates.add(new Candidate(new Suggestion(Suggestion.WIDEN_DISTANCE, null, null, null, null,
                "Search at any distance from " + criteria.nearLabel(), 0, parameters), criteria.within(null)));
    }

    /** The count of the i-th search of a {@link LeaderQuery#countsBody}; -1 when the body failed. */
    private static long count(MultiSearchItem<Void> answer, int i) {
        return answer == null ? -1 : answer.aggregations().get(LeaderQuery.COUNT + i).filter().docCount();
    }

    /** The codes a facet's filter holds ({@code verification} holds one level). */
    private static List<String> codes(Facet facet, SearchCriteria criteria) {
        if (facet == Facet.VERIFICATION) {
            return criteria.minVerification() == null ? List.of() : List.of(criteria.minVerification().code);
        }
        return criteria.filter(facet);
    }

    private Suggestion drop(Facet facet, List<String> codes, Map<String, List<String>> parameters) {
        var name = facet.legend == null ? "Area covered" : facet.legend;
        var labels = String.join(facet == Facet.SERVICE ? " and " : " or ", codes.stream().map(code -> explanation.label(facet, code)).toList());
        return new Suggestion(Suggestion.DROP_FILTER, facet.param, codes, null, null, "Drop " + name + ": " + labels, 0, parameters);
    }

    /**
     * The words with each one the index does not know replaced by its best near spelling from any
     * of the fields (highest score, then most frequent); null when none is replaced. One request.
     */
    private String spelling(SearchCriteria criteria) {
        if (!criteria.hasText()) {
            return null;
        }
        var text = criteria.text();
        var best = new TreeMap<Integer, Word>();
        alias.suggest(new LeaderQuery(criteria).spellingBody()).values().forEach(perField -> perField.forEach(s -> {
            if (!s.isTerm()) {
                return;
            }
            var term = s.term();
            for (var option : term.options()) {
                var word = new Word(term.offset(), term.length(), option);
                best.merge(term.offset(), word, (a, b) -> a.better(b) ? a : b);
            }
        }));
        if (best.isEmpty()) {
            return null;
        }
        var corrected = new StringBuilder();
        int from = 0;
        for (var word : best.values()) {
            if (word.offset() < from || word.offset() + word.length() > text.length()) {
                continue;
            }
            corrected.append(text, from, word.offset()).append(word.option().text());
            from = word.offset() + word.length();
        }
        corrected.append(text.substring(from));
        var changed = corrected.toString();
        return changed.equalsIgnoreCase(text) ? null : changed;
    }

    private record Word(int offset, int length, TermSuggestOption option) {

        boolean better(Word other) {
            return option.score() != other.option.score() ? option.score() > other.option.score() : option.freq() >= other.option.freq();
        }
    }

    private static Map<String, List<String>> copy(Map<String, List<String>> given) {
        var copy = new LinkedHashMap<String, List<String>>();
        given.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        return copy;
    }
}
