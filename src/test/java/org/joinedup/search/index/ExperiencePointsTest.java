package org.joinedup.search.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.joinedup.integration.Improvement;
import org.joinedup.integration.VerificationLevel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The points a record earns its leader in the ranking for what it is (docs/search.md, "Ranking"), summed when it is indexed. */
class ExperiencePointsTest {

    @ParameterizedTest(name = "{0}, {1}, evidence {2}: {3}")
    @CsvSource({
            "SELF_REPORTED, NONE, 0, 1.0",
            "ENDORSED, NONE, 0, 2.0",
            "VERIFIED, NONE, 0, 3.0",
            "SELF_REPORTED, IMPROVED, 0, 1.5",
            "SELF_REPORTED, IMPROVED_WITH_SOURCE, 0, 2.0",
            "SELF_REPORTED, NONE, 3, 1.5",
            "VERIFIED, IMPROVED_WITH_SOURCE, 1, 4.5",
            "ENDORSED, IMPROVED, 2, 3.0"})
    void pointsAddUpFromVerificationOutcomeAndEvidence(VerificationLevel level, Improvement improvement, int evidence, double points) {
        assertEquals(points, record(level, improvement, evidence).experiencePoints());
    }

    private static LeaderDocument.Record record(VerificationLevel level, Improvement improvement, int evidence) {
        return new LeaderDocument.Record(1, "A record", null, List.of(), List.of(), null, null, null, List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null, null, true, List.of(), List.of(), List.of(),
                improvement.ordinal(), 0, evidence, level.code, level.ordinal(), null, 0);
    }
}
