package org.joinedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The two figures of the relevance check, on rankings whose values are worked out by hand. */
class RelevanceMetricsTest {

    @Test
    void relevantLeadersInTheFirstPlacesScoreOne() {
        assertEquals(1.0, RelevanceMetrics.recall(List.of("a", "b", "x"), Set.of("a", "b")));
        assertEquals(1.0, RelevanceMetrics.ndcg(List.of("a", "b", "x"), Set.of("b", "a")), 1e-9);
    }

    @Test
    void aRelevantLeaderSecondInsteadOfFirstScoresOneOverLogTwoOfThree() {
        assertEquals(1 / (Math.log(3) / Math.log(2)), RelevanceMetrics.ndcg(List.of("x", "a"), Set.of("a")), 1e-9);
        assertEquals(1.0, RelevanceMetrics.recall(List.of("x", "a"), Set.of("a")));
    }

    @Test
    void aRelevantLeaderEleventhIsNotFound() {
        var ranking = IntStream.range(0, 10).mapToObj(i -> "x" + i).collect(Collectors.toList());
        ranking.add("a");
        assertEquals(0.0, RelevanceMetrics.recall(ranking, Set.of("a", "b")));
        assertEquals(0.0, RelevanceMetrics.ndcg(ranking, Set.of("a", "b")));
    }

    @Test
    void halfTheRelevantLeadersFoundGivesHalfTheRecall() {
        assertEquals(0.5, RelevanceMetrics.recall(List.of("a", "x"), Set.of("a", "b")));
        double ideal = 1 + 1 / (Math.log(3) / Math.log(2));
        assertEquals(1 / ideal, RelevanceMetrics.ndcg(List.of("a", "x"), Set.of("a", "b")), 1e-9);
    }

    @Test
    void aQueryWithoutRelevantLeadersIsAMistakeInTheJudgements() {
        assertThrows(IllegalArgumentException.class, () -> RelevanceMetrics.recall(List.of("a"), Set.of()));
    }
}
