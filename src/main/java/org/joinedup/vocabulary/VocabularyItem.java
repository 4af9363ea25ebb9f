package org.joinedup.vocabulary;

import java.util.List;

/** One entry of a vocabulary: a stable code, what people call it, and the other words they use for it. */
public record VocabularyItem(String code, String label, List<String> synonyms, String description) {
}
