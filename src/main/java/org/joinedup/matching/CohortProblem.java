package org.joinedup.matching;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One cohort to assign: the requests, each mentor's remaining capacity, the pairs the scorer allows
 * and how many mentors each request may get ({@code perRequest}, at least 1).
 */
public record CohortProblem(List<Long> requestIds, Map<Long, Integer> mentorCapacity, List<CohortEdge> edges,
        int perRequest) {

    public CohortProblem {
        Objects.requireNonNull(requestIds, "requestIds");
        Objects.requireNonNull(mentorCapacity, "mentorCapacity");
        Objects.requireNonNull(edges, "edges");
        if (perRequest < 1) {
            throw new IllegalArgumentException("perRequest must be at least 1, was " + perRequest);
        }
        var requests = new HashSet<Long>();
        for (Long id : requestIds) {
            if (!requests.add(Objects.requireNonNull(id, "request id"))) {
                throw new IllegalArgumentException("request " + id + " is listed twice");
            }
        }
        mentorCapacity.forEach((mentor, capacity) -> {
            Objects.requireNonNull(mentor, "mentor id");
            if (capacity == null || capacity < 0) {
                throw new IllegalArgumentException("mentor " + mentor + " has capacity " + capacity + "; it must be 0 or more");
            }
        });
        var pairs = new HashSet<List<Long>>();
        for (CohortEdge edge : edges) {
            Objects.requireNonNull(edge, "edge");
            if (!requests.contains(edge.requestId())) {
                throw new IllegalArgumentException("edge " + edge + " names request " + edge.requestId() + ", which is not in requestIds");
            }
            if (!mentorCapacity.containsKey(edge.mentorId())) {
                throw new IllegalArgumentException("edge " + edge + " names mentor " + edge.mentorId() + ", which is not in mentorCapacity");
            }
            if (!Double.isFinite(edge.score()) || edge.score() <= 0 || edge.score() > CohortAssignment.MAX_SCORE) {
                throw new IllegalArgumentException("edge " + edge + " has score " + edge.score()
                        + "; it must be above 0 and at most " + CohortAssignment.MAX_SCORE);
            }
            if (!pairs.add(List.of(edge.requestId(), edge.mentorId()))) {
                throw new IllegalArgumentException("request " + edge.requestId() + " and mentor " + edge.mentorId() + " are paired twice");
            }
        }
        requestIds = List.copyOf(requestIds);
        mentorCapacity = Map.copyOf(mentorCapacity);
        edges = List.copyOf(edges);
    }
}
