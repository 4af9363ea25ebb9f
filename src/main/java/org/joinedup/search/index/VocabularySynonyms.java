package org.joinedup.search.index;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import org.joinedup.vocabulary.Vocabularies;
import org.joinedup.vocabulary.VocabularyItem;
import org.joinedup.vocabulary.VocabularyKind;

/**
 * The vocabulary synonyms from seed-data/ as inline rules of the index's {@code vocabulary_synonyms}
 * filter, written into the index settings when an index is created: one equivalence rule per
 * vocabulary item ("gp, general practice, family doctor, ..."). A change to the vocabularies
 * reaches the index through a new mapping version and a rebuild (docs/stemming.md).
 */
@ApplicationScoped
public class VocabularySynonyms {

    /** The filter in index-mappings/leaders.json whose empty rule list is filled in here. */
    public static final String FILTER = "vocabulary_synonyms";

    /** The vocabularies people write in records and searches; scopes, roles and formats hold everyday words ("place", "led", "visit"). */
    public static final List<VocabularyKind> KINDS = List.of(VocabularyKind.SERVICES, VocabularyKind.APPROACHES,
            VocabularyKind.OUTCOME_METRICS, VocabularyKind.PROGRAMMES);

    @Inject
    Vocabularies vocabularies;

    List<String> rules() {
        var rules = new ArrayList<String>();
        for (var kind : KINDS) {
            for (VocabularyItem item : vocabularies.get(kind).items()) {
                var ways = new LinkedHashSet<String>();
                item.synonyms().forEach(s -> {
                    var phrase = phrase(s);
                    if (!phrase.isEmpty()) {
                        ways.add(phrase);
                    }
                });
                if (ways.size() > 1) {
                    rules.add(String.join(", ", ways));
                }
            }
        }
        return rules;
    }

    /** Solr rule syntax reserves commas, "=>" and backslashes: a synonym is only its words. */
    static String phrase(String synonym) {
        return String.join(" ", synonym.toLowerCase(Locale.ROOT).replaceAll("[,\\\\=>#]", " ").trim().split("\\s+")).trim();
    }
}
