package org.joinedup.vocabulary;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One entry of a vocabulary: a stable code, what people call it, and the other words they use for
 * it. Outcome metrics also say which way is better and the unit figures are usually given in; the
 * other vocabularies leave those null.
 */
public record VocabularyItem(String code, String label, List<String> synonyms, String description,
        @JsonInclude(JsonInclude.Include.NON_NULL) Direction direction,
        @JsonInclude(JsonInclude.Include.NON_NULL) String defaultUnit) {

    /** The label as it reads inside a sentence: "adult social care", but "GP and primary care" keeps its capitals. */
    public String labelInSentence() {
        boolean capitalisedWord = label.length() > 1 && Character.isUpperCase(label.charAt(0)) && Character.isLowerCase(label.charAt(1));
        return capitalisedWord ? Character.toLowerCase(label.charAt(0)) + label.substring(1) : label;
    }
}
