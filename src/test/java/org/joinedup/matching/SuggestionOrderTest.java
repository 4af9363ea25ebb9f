package org.joinedup.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.joinedup.search.MentorCandidate;
import org.junit.jupiter.api.Test;

/** The order of a request's suggestions: by score, near-ties to the mentor with less capacity in use. */
class SuggestionOrderTest {

    private static MentorCandidate mentor(long id, int capacity, int left) {
        return new MentorCandidate(id, "Mentor " + id, "Director", "org" + id, "Org " + id, "Home", true, left, List.of(), false, List.of(), true,
                List.of(), org.joinedup.followup.TrackRecord.NONE, capacity);
    }

    private static List<Long> order(Map<Long, Double> scores, Map<Long, MentorCandidate> mentors) {
        return scores.keySet().stream().sorted(SuggestionOrder.<Long>order(
                id -> SuggestionOrder.rankKey(scores.get(id), mentors.get(id), SuggestionOrder.LOAD_PENALTY), id -> id)).toList();
    }

    @Test
    void aNearTieGoesToTheMentorWithLessInUse() {
        // 1 is 1 point ahead but has 2 of 3 places in use (penalty 2); 2 has none in use
        var mentors = Map.of(1L, mentor(1, 3, 1), 2L, mentor(2, 3, 3));
        assertEquals(List.of(2L, 1L), order(Map.of(1L, 81.0, 2L, 80.0), mentors));
    }

    @Test
    void aClearLeadIsKeptWhateverTheLoad() {
        // more than the whole penalty apart: the load never reorders them
        var mentors = Map.of(1L, mentor(1, 4, 1), 2L, mentor(2, 4, 4));
        assertEquals(List.of(1L, 2L), order(Map.of(1L, 80.0 + SuggestionOrder.LOAD_PENALTY + 0.01, 2L, 80.0), mentors));
    }

    @Test
    void equalLoadsKeepTheScoreOrderAndTiesGoByMentorId() {
        var mentors = Map.of(1L, mentor(1, 2, 1), 2L, mentor(2, 2, 1), 3L, mentor(3, 2, 1));
        assertEquals(List.of(3L, 1L, 2L), order(Map.of(1L, 50.0, 2L, 50.0, 3L, 50.5), mentors));
        // an unknown capacity (0) counts as no load
        assertEquals(0.0, SuggestionOrder.loadShare(mentor(4, 0, 0)));
        assertEquals(0.5, SuggestionOrder.loadShare(mentor(5, 4, 2)));
    }
}
