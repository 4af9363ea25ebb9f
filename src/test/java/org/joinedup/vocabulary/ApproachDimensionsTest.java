package org.joinedup.vocabulary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The approach-to-dimension mapping refuses what the vocabularies do not know, so a misspelling stops the start. */
class ApproachDimensionsTest {

    private static final Vocabulary APPROACHES = vocabulary(VocabularyKind.APPROACHES, "pooled-budgets", "shared-records");
    private static final Vocabulary DIMENSIONS = vocabulary(VocabularyKind.DIMENSIONS, "finance-and-funding", "digital-infrastructure");

    private static Vocabulary vocabulary(VocabularyKind kind, String... codes) {
        return new Vocabulary(kind, List.of(codes).stream().map(c -> new VocabularyItem(c, c, List.of(), null, null, null)).toList());
    }

    private static Map<String, String> row(String approach, String dimension) {
        return Map.of("approach", approach, "dimension", dimension);
    }

    @Test
    void readsKnownPairs() {
        var pairs = ApproachDimensions.read(List.of(row("pooled-budgets", "finance-and-funding"), row("shared-records", "digital-infrastructure")),
                APPROACHES, DIMENSIONS);
        assertEquals(List.of("pooled-budgets finance-and-funding", "shared-records digital-infrastructure"), List.copyOf(pairs));
    }

    @Test
    void refusesAnUnknownApproachOrDimensionOrARepeat() {
        var approach = assertThrows(IllegalStateException.class,
                () -> ApproachDimensions.read(List.of(row("pooled-budget", "finance-and-funding")), APPROACHES, DIMENSIONS));
        assertTrue(approach.getMessage().contains("approach 'pooled-budget' is not in approaches.csv"), approach.getMessage());
        var dimension = assertThrows(IllegalStateException.class,
                () -> ApproachDimensions.read(List.of(row("pooled-budgets", "finance")), APPROACHES, DIMENSIONS));
        assertTrue(dimension.getMessage().contains("dimension 'finance' is not in dimensions.csv"), dimension.getMessage());
        var twice = assertThrows(IllegalStateException.class, () -> ApproachDimensions.read(
                List.of(row("pooled-budgets", "finance-and-funding"), row("pooled-budgets", "finance-and-funding")), APPROACHES, DIMENSIONS));
        assertTrue(twice.getMessage().contains("given twice"), twice.getMessage());
    }
}
