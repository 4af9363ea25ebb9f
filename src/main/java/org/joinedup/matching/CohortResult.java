package org.joinedup.matching;

import java.util.List;
import java.util.Map;

/**
 * A computed cohort assignment: each row a proposed pairing with its reasons, the requests left
 * unmatched and why, and the total against what a greedy pass would have reached.
 */
public record CohortResult(Long id, int perRequest, int requests, int mentorsConsidered, int candidatePairs, List<Assignment> assignments,
        List<Unmatched> unmatched, double totalScore, double greedyTotalScore, int greedyAssignments, long millis) {

    public record Assignment(int row, long requestId, long learnerId, long mentorId, String mentorName, double score,
            Map<String, Double> parts, List<String> reasons) {
    }

    public record Unmatched(long requestId, long learnerId, int missing, String reason) {
    }

    CohortResult withoutMentorName(long mentorId) {
        var kept = assignments.stream().map(a -> a.mentorId() != mentorId ? a
                : new Assignment(a.row(), a.requestId(), a.learnerId(), a.mentorId(), null, a.score(), a.parts(), a.reasons())).toList();
        return new CohortResult(id, perRequest, requests, mentorsConsidered, candidatePairs, kept, unmatched, totalScore, greedyTotalScore,
                greedyAssignments, millis);
    }

    CohortResult withId(long newId) {
        return new CohortResult(newId, perRequest, requests, mentorsConsidered, candidatePairs, assignments, unmatched, totalScore,
                greedyTotalScore, greedyAssignments, millis);
    }
}
