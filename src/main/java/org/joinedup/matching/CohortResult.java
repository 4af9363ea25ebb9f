package org.joinedup.matching;

import java.util.List;
import java.util.Map;

/**
 * A computed cohort assignment: each row a proposed pairing with its reasons, the requests left
 * unmatched and why, and the total against what a greedy pass would have reached. Since issue 19 also the
 * mode it was run in, the figures of both modes, the price of each lock and ban, and what the optimality
 * check over left-out pairs did, whether the load was spread and the matching profile the run used (results saved before
 * then have these as null); and the input it was run with, so the cohort page can run it again with one more lock or ban
 * (null on results saved before that).
 */
public record CohortResult(Long id, int perRequest, int requests, int mentorsConsidered, int candidatePairs, List<Assignment> assignments,
        List<Unmatched> unmatched, double totalScore, double greedyTotalScore, int greedyAssignments, long millis, String mode,
        Integer matched, List<ModeFigures> modes, List<OverridePrice> overrides, OptimalityCheck optimalityCheck, Boolean spreadLoad,
        MatchingProfileView profile, CohortMatchInput input) {

    public record Assignment(int row, long requestId, long learnerId, long mentorId, String mentorName, double score,
            Map<String, Double> parts, List<String> reasons, Boolean locked) {
    }

    public record Unmatched(long requestId, long learnerId, int missing, String reason) {
    }

    /** What the cohort gives in one mode: requests with at least one mentor, pairs and total score. */
    public record ModeFigures(String mode, int matched, int assignments, double totalScore) {
    }

    /** A lock or ban ({@code kind}, its position in the input) and the answer with it and without it (solved again). */
    public record OverridePrice(String kind, int index, long requestId, long mentorId, int matchedWith, double totalWith,
            int matchedWithout, double totalWithout) {
    }

    /**
     * Pairs kept per request for the first solve, left-out pairs the check over all eligible pairs brought back
     * (the answer is optimal over all of them either way), and the solves that took.
     */
    public record OptimalityCheck(int pairsPerRequest, int pairsAdded, int rounds) {
    }

    CohortResult withoutMentorName(long mentorId) {
        var kept = assignments.stream().map(a -> a.mentorId() != mentorId ? a
                : new Assignment(a.row(), a.requestId(), a.learnerId(), a.mentorId(), null, a.score(), a.parts(), a.reasons(), a.locked())).toList();
        return new CohortResult(id, perRequest, requests, mentorsConsidered, candidatePairs, kept, unmatched, totalScore, greedyTotalScore,
                greedyAssignments, millis, mode, matched, modes, overrides, optimalityCheck, spreadLoad, profile, input);
    }

    CohortResult withId(long newId) {
        return new CohortResult(newId, perRequest, requests, mentorsConsidered, candidatePairs, assignments, unmatched, totalScore,
                greedyTotalScore, greedyAssignments, millis, mode, matched, modes, overrides, optimalityCheck, spreadLoad, profile, input);
    }
}
