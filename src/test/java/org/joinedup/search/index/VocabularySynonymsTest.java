package org.joinedup.search.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.joinedup.vocabulary.VocabularyItem;
import org.joinedup.vocabulary.VocabularyKind;
import org.junit.jupiter.api.Test;

/** The shape of the synonym rules written into a new index's settings (docs/stemming.md, "Concept tokens"). */
class VocabularySynonymsTest {

    @Test
    void aConceptTokenIsOneWordOfLettersDigitsAndUnderscores() {
        var item = new VocabularyItem("delayed-transfers", "Delayed transfers of care", List.of("DToC"), "", null, null);
        assertEquals("vocab_outcome_metrics_delayed_transfers", VocabularySynonyms.concept(VocabularyKind.OUTCOME_METRICS, item));
    }

    @Test
    void rulePhrasesLoseTheCharactersTheRuleSyntaxReserves() {
        assertEquals("a e attendances", VocabularySynonyms.phrase(" A,E  attendances "));
        assertEquals("care home providers", VocabularySynonyms.phrase("care home => providers"));
        assertTrue(VocabularySynonyms.phrase("#").isEmpty());
    }
}
