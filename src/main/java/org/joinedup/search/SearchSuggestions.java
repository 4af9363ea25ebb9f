package org.joinedup.search;

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
    }

    /** Suggestions for a search that found nobody, best first: only ones that find somebody. */
    List<Suggestion> suggest(SearchParams params, SearchCriteria criteria) {
        // the wider search starts from its first page
        var given = params.chosen();
        given.remove("page");
        var candidates = new ArrayList<Candidate>();
        for (var facet : Facet.values()) {
            var codes = codes(facet, criteria);
            if (codes.isEmpty()) {
                continue;
            }
            if (facet == Facet.SERVICE && codes.size() > 1) {
                // all of them must hold, so leaving out one service is the smallest widening
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
        int distancesFrom = candidates.size();
        if (criteria.withinKm() != null) {
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
        int distancesTo = candidates.size();

        var bodies = new ArrayList<ObjectNode>();
        candidates.forEach(c -> bodies.add(new LeaderQuery(c.criteria()).countBody()));
        var spelling = spelling(criteria);
        if (spelling != null) {
            var parameters = copy(given);
            parameters.put("q", List.of(spelling.text()));
            candidates.add(new Candidate(new Suggestion(Suggestion.SPELLING, null, null, null, spelling.text(),
                    "Search for \"" + spelling.text() + "\" instead", 0, parameters), criteria.withText(spelling.text())));
            bodies.add(new LeaderQuery(criteria.withText(spelling.text())).countBody());
            // the words as given find nobody on their own (else they are not misspelt, the filters are too narrow),
            bodies.add(new LeaderQuery(criteria.textOnly()).countBody());
            // and the new words are in text this caller may see (not only in hidden leaders' records)
            bodies.add(new LeaderQuery(criteria.withText(spelling.replaced()).textOnly()).countBody());
        }
        var totals = alias.totals(bodies);

        var found = new ArrayList<Suggestion>();
        if (spelling != null) {
            int at = candidates.size() - 1;
            if (totals[at] > 0 && totals[at + 1] == 0 && totals[at + 2] > 0) {
                found.add(candidates.get(at).suggestion().counted(totals[at]));
            }
        }
        var wider = new ArrayList<Suggestion>();
        for (int i = 0; i < distancesFrom; i++) {
            if (totals[i] > 0) {
                wider.add(candidates.get(i).suggestion().counted(totals[i]));
            }
        }
        // the nearest distance that finds somebody, not every one
        for (int i = distancesFrom; i < distancesTo; i++) {
            if (totals[i] > 0) {
                wider.add(candidates.get(i).suggestion().counted(totals[i]));
                break;
            }
        }
        wider.sort(Comparator.comparingLong(Suggestion::count).reversed());
        found.addAll(wider);
        return found.size() > MAX ? List.copyOf(found.subList(0, MAX)) : List.copyOf(found);
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

    /** Corrected words ({@code text}) and only the words that changed ({@code replaced}). */
    private record Spelling(String text, String replaced) {
    }

    /**
     * The words with each one the index does not know replaced by its best near spelling from any
     * of the fields (highest score, then most frequent); null when none is replaced. One request.
     */
    private Spelling spelling(SearchCriteria criteria) {
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
        var replaced = new ArrayList<String>();
        int from = 0;
        for (var word : best.values()) {
            if (word.offset() < from || word.offset() + word.length() > text.length()) {
                continue;
            }
            corrected.append(text, from, word.offset()).append(word.option().text());
            replaced.add(word.option().text());
            from = word.offset() + word.length();
        }
        corrected.append(text.substring(from));
        var changed = corrected.toString();
        return changed.equalsIgnoreCase(text) ? null : new Spelling(changed, String.join(" ", replaced));
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
