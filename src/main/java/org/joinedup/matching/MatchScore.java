package org.joinedup.matching;

import java.util.List;
import java.util.Map;

/**
 * How well one mentor fits one learning request: the total, its parts (named as in
 * {@link MatchScorer}), the records that earned it (best first) and the reasons in plain words.
 */
public record MatchScore(long mentorId, double total, Map<String, Double> parts, List<Long> recordIds, List<String> reasons) {
}
