package org.joinedup.search.index;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.joinedup.vocabulary.Vocabularies;
import org.joinedup.vocabulary.VocabularyItem;
import org.joinedup.vocabulary.VocabularyKind;

/**
 * The vocabulary synonyms from seed-data/ as inline rules of the index's two synonym filters, written
 * into the index settings when an index is created. Each vocabulary item has one concept token
 * ({@link #concept}); every way of saying the item becomes that token:
 * <ul>
 * <li>{@value #INDEX_FILTER} (index side) keeps the words and adds the token at their place
 * ("general practice =&gt; vocab_services_gp, general practice");</li>
 * <li>{@value #SEARCH_FILTER} (search side) replaces the words with the token
 * ("gp, general practice, family doctor =&gt; vocab_services_gp").</li>
 * </ul>
 * So a search for any way of saying an item is one term, however many ways there are, and a phrase
 * matches only as a phrase (the words must follow each other to make the token). Expanding at search
 * time instead made "GP" fourteen phrase queries over every record field (docs/stemming.md, "Cost").
 * A change to the vocabularies reaches the index through a new mapping version and a rebuild.
 */
@ApplicationScoped
public class VocabularySynonyms {

    /** The filters in index-mappings/leaders.json whose empty rule lists are filled in here. */
    public static final String INDEX_FILTER = "vocabulary_synonyms";
    public static final String SEARCH_FILTER = "vocabulary_concepts";

    /** The vocabularies people write in records and searches; scopes, roles and formats hold everyday words ("place", "led", "visit"). */
    public static final List<VocabularyKind> KINDS = List.of(VocabularyKind.SERVICES, VocabularyKind.APPROACHES,
            VocabularyKind.OUTCOME_METRICS, VocabularyKind.PROGRAMMES);

    @Inject
    Vocabularies vocabularies;

    /** The rules of each filter, by filter name. */
    Map<String, List<String>> rules() {
        var index = new ArrayList<String>();
        var search = new ArrayList<String>();
        for (var kind : KINDS) {
            for (VocabularyItem item : vocabularies.get(kind).items()) {
                var ways = ways(item);
                if (ways.size() > 1) {
                    var concept = concept(kind, item);
                    ways.forEach(way -> index.add(way + " => " + concept + ", " + way));
                    search.add(String.join(", ", ways) + " => " + concept);
                }
            }
        }
        return Map.of(INDEX_FILTER, index, SEARCH_FILTER, search);
    }

    private static LinkedHashSet<String> ways(VocabularyItem item) {
        var ways = new LinkedHashSet<String>();
        item.synonyms().forEach(s -> {
            var phrase = phrase(s);
            if (!phrase.isEmpty()) {
                ways.add(phrase);
            }
        });
        return ways;
    }

    /**
     * One token standing for the item: letters, digits and underscores, which the standard tokenizer
     * keeps as one word, and which no one writes ("vocab_services_social_care").
     */
    static String concept(VocabularyKind kind, VocabularyItem item) {
        return ("vocab_" + kind.fileName + "_" + item.code()).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
    }

    /** Solr rule syntax reserves commas, "=>" and backslashes: a synonym is only its words. */
    static String phrase(String synonym) {
        return String.join(" ", synonym.toLowerCase(Locale.ROOT).replaceAll("[,\\\\=>#]", " ").trim().split("\\s+")).trim();
    }
}
