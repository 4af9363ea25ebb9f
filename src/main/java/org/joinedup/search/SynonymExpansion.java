package org.joinedup.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.joinedup.vocabulary.Vocabularies;
import org.joinedup.vocabulary.VocabularyItem;
import org.joinedup.vocabulary.VocabularyKind;

/**
 * Finds vocabulary terms in free text, so a search for "GP" also finds records that say "general
 * practice" or "primary care", or that name the gp service. The index has no synonym filter (see
 * docs/elasticsearch.md), so the expansion happens here, from the synonyms in seed-data/.
 */
@ApplicationScoped
public class SynonymExpansion {

    /** A vocabulary term found in the text: the words that named it, and every other way of saying it. */
    public record Term(Facet facet, String code, String label, String matchedWords, List<String> synonyms) {
    }

    private static final Map<VocabularyKind, Facet> EXPANDED = Map.of(
            VocabularyKind.SERVICES, Facet.SERVICE, VocabularyKind.APPROACHES, Facet.APPROACH,
            VocabularyKind.OUTCOME_METRICS, Facet.OUTCOME, VocabularyKind.PROGRAMMES, Facet.PROGRAMME);

    @Inject
    Vocabularies vocabularies;

    public List<Term> find(String text) {
        var words = words(text);
        var terms = new ArrayList<Term>();
        for (var entry : EXPANDED.entrySet()) {
            for (VocabularyItem item : vocabularies.get(entry.getKey()).items()) {
                longestSynonymIn(words, item).ifPresent(matched -> terms.add(
                        new Term(entry.getValue(), item.code(), item.label(), matched, item.synonyms())));
            }
        }
        terms.sort((a, b) -> a.code().compareTo(b.code()));
        return terms;
    }

    private static java.util.Optional<String> longestSynonymIn(List<String> words, VocabularyItem item) {
        return item.synonyms().stream()
                .filter(synonym -> {
                    var phrase = words(synonym);
                    return !phrase.isEmpty() && Collections.indexOfSubList(words, phrase) >= 0;
                })
                .max((a, b) -> Integer.compare(a.length(), b.length()));
    }

    /** Lowercase words, split as the standard tokenizer roughly would ("A&E" gives a, e). */
    static List<String> words(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty()).toList();
    }
}
