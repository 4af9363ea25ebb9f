package org.joinedup.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.joinedup.integration.Improvement;
import org.joinedup.search.MentorCandidate;
import org.joinedup.search.MentorCandidate.Experience;
import org.joinedup.vocabulary.GeoPoint;
import org.junit.jupiter.api.Test;

/** Matching profiles in the scorer: the default gives exactly the scores of before, weights scale parts, musts exclude. */
class MatchProfileTest {

    private static final GeoPoint NOTTINGHAM = new GeoPoint(52.95, -1.15);
    private final MatchScorer scorer = new MatchScorer(RandomMatching.SCOPES::indexOf, code -> code);
    private final MatchScorerBeforeProfiles before = new MatchScorerBeforeProfiles(RandomMatching.SCOPES::indexOf, code -> code);

    @Test
    void theDefaultProfileGivesExactlyTheTotalsPartsAndReasonsOfBefore() {
        var random = new RandomMatching(19);
        var mentors = random.mentors(500, 3);
        var needs = random.needs(80, 500);
        int scored = 0;
        for (var need : needs) {
            for (var mentor : mentors) {
                var now = scorer.score(need, mentor);
                var then = before.score(need, mentor);
                assertEquals(then.isPresent(), now.isPresent(), () -> "mentor " + mentor.leaderId() + " for " + need);
                if (now.isPresent()) {
                    scored++;
                    assertEquals(then.get(), now.get(), "mentor " + mentor.leaderId() + " for " + need);
                    assertEquals(List.copyOf(then.get().parts().entrySet()), List.copyOf(now.get().parts().entrySet()), "the parts' order");
                }
            }
        }
        assertTrue(scored > 10_000, "too few eligible pairs to mean anything: " + scored);
        assertEquals(MatchScorer.CANDIDATE_WEIGHTS, withoutRole(MatchProfile.DEFAULT.candidateWeights()));
    }

    private static org.joinedup.search.MentorCandidates.Weights withoutRole(org.joinedup.search.MentorCandidates.Weights w) {
        assertEquals(0.0, w.led());
        assertEquals(0.0, w.coLed());
        return w;
    }

    @Test
    void cohortTotalsEqualTheExplainedScoreUnderRandomProfiles() {
        var random = new RandomMatching(23);
        var mentors = random.mentors(250, 3);
        var needs = random.needs(30, 250);
        for (int p = 0; p < 40; p++) {
            var profile = random.profile(0.3);
            var weighted = scorer.with(profile);
            var scoring = new CohortScoring(weighted, mentors, needs);
            for (var need : needs) {
                for (var mentor : mentors) {
                    var score = weighted.score(need, mentor);
                    double total = scoring.total(need, mentor);
                    if (score.isPresent()) {
                        assertEquals(score.get().total(), total, () -> profile + ": mentor " + mentor.leaderId() + " for " + need);
                    } else {
                        assertTrue(total < 0, () -> profile + ": mentor " + mentor.leaderId() + " has no score but a total of " + total);
                    }
                }
                var expected = mentors.stream().map(m -> weighted.score(need, m)).flatMap(Optional::stream)
                        .sorted(Comparator.comparingDouble(MatchScore::total).reversed().thenComparingLong(MatchScore::mentorId))
                        .limit(10).map(MatchScore::mentorId).toList();
                assertEquals(expected, scoring.best(need, 10).stream().map(MentorCandidate::leaderId).toList(), profile::toString);
            }
        }
    }

    @Test
    void aWeightScalesItsPartAndZeroLeavesItOut() {
        var need = need(Set.of("integrated-teams"));
        var mentor = mentor(true, "Y60", record(1, "verified", "led", List.of("integrated-teams"), List.of("Y60")));
        var plain = scorer.score(need, mentor).orElseThrow();
        var profile = new MatchProfile(Map.of("services", 10, "distance", 0, "evidence", 1), List.of());
        var weighted = scorer.with(profile).score(need, mentor).orElseThrow();
        assertEquals(2 * plain.parts().get("services"), weighted.parts().get("services"));
        assertEquals(MatchScorer.round(plain.parts().get("evidence") / 5), weighted.parts().get("evidence"));
        assertFalse(weighted.parts().containsKey("distance"));
        assertFalse(plain.parts().containsKey("role"), "the default leaves the role part out");
        assertEquals(MatchScorer.round(weighted.parts().values().stream().mapToDouble(Double::doubleValue).sum()), weighted.total());
    }

    @Test
    void theRolePartRanksLedAboveCoLedAboveContributed() {
        var profile = new MatchProfile(Map.of("role", 5), List.of());
        var need = need(Set.of());
        var roles = List.of("led", "co-led", "contributed");
        var points = List.of(4.0, 2.0, 0.0);
        for (int i = 0; i < roles.size(); i++) {
            var score = scorer.with(profile).score(need, mentor(false, null, record(1, "endorsed", roles.get(i), List.of(), List.of()))).orElseThrow();
            assertEquals(points.get(i), score.parts().get("role"), roles.get(i));
            assertEquals(i < 2, score.reasons().contains(roles.get(i) + " it"), score.reasons().toString());
        }
        var doubled = scorer.with(new MatchProfile(Map.of("role", 10), List.of()))
                .score(need, mentor(false, null, record(1, "endorsed", "led", List.of(), List.of()))).orElseThrow();
        assertEquals(8.0, doubled.parts().get("role"));
        var led = mentor(false, null, record(1, "endorsed", "contributed", List.of(), List.of()), record(2, "endorsed", "led", List.of(), List.of()));
        assertEquals(List.of(2L, 1L), scorer.with(profile).score(need, led).orElseThrow().recordIds(), "the led record is the best one");
    }

    @Test
    void eachMustExcludesTheMentorsThatBreakIt() {
        var need = need(Set.of("integrated-teams"));
        var good = mentor(true, "Y60", record(1, "verified", "led", List.of("integrated-teams"), List.of()));
        for (var must : MatchProfile.Must.values()) {
            var strict = scorer.with(new MatchProfile(Map.of(), List.of(must)));
            assertTrue(strict.score(need, good).isPresent(), must.code());
            assertEquals(Optional.empty(), strict.brokenMust(need, good));
        }
        var untrained = mentor(false, "Y60", record(1, "verified", "led", List.of("integrated-teams"), List.of()));
        var elsewhere = mentor(true, "Y58", record(1, "verified", "led", List.of("integrated-teams"), List.of("Y59")));
        var recordThere = mentor(true, "Y58", record(1, "verified", "led", List.of("integrated-teams"), List.of("Y60")));
        var endorsed = mentor(true, "Y60", record(1, "endorsed", "led", List.of("integrated-teams"), List.of()));
        var otherApproach = mentor(true, "Y60", record(1, "verified", "led", List.of("pooled-budgets"), List.of()));
        assertBroken(MatchProfile.Must.TRAINED, need, untrained);
        assertBroken(MatchProfile.Must.SAME_REGION, need, elsewhere);
        assertTrue(scorer.with(new MatchProfile(Map.of(), List.of(MatchProfile.Must.SAME_REGION))).score(need, recordThere).isPresent(),
                "a record in the region is enough");
        assertBroken(MatchProfile.Must.VERIFIED_RECORD, need, endorsed);
        assertBroken(MatchProfile.Must.APPROACH_IN_COMMON, need, otherApproach);
        assertTrue(scorer.with(new MatchProfile(Map.of(), List.of(MatchProfile.Must.APPROACH_IN_COMMON))).score(need(Set.of()), otherApproach)
                .isPresent(), "a learner who names no approach waives the must");
    }

    private void assertBroken(MatchProfile.Must must, MatchScorer.Need need, MentorCandidate mentor) {
        var strict = scorer.with(new MatchProfile(Map.of(), List.of(must)));
        assertEquals(Optional.empty(), strict.score(need, mentor), must.code());
        assertEquals(Optional.of(must), strict.brokenMust(need, mentor));
        assertTrue(scorer.score(need, mentor).isPresent(), "eligible without the must");
        var scoring = new CohortScoring(strict, List.of(mentor), List.of(need));
        assertTrue(scoring.total(need, mentor) < 0, must.code() + " in the cohort's totals");
    }

    @Test
    void aWeightOutsideZeroToTenOrAnUnknownPartIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new MatchProfile(Map.of("services", 11), List.of()));
        assertThrows(IllegalArgumentException.class, () -> new MatchProfile(Map.of("services", -1), List.of()));
        assertThrows(IllegalArgumentException.class, () -> new MatchProfile(Map.of("charm", 5), List.of()));
        assertEquals(MatchProfile.DEFAULT, new MatchProfile(MatchProfile.DEFAULT.weights(), List.of()));
    }

    private static MatchScorer.Need need(Set<String> approaches) {
        return new MatchScorer.Need(1, "L", "Learner Council", List.of(), new LinkedHashSet<>(List.of("gp")), new LinkedHashSet<>(approaches),
                "place", Set.of("calls"), NOTTINGHAM, "Nottingham", "Y60");
    }

    private static Experience record(long id, String verification, String role, List<String> approaches, List<String> regions) {
        return new Experience(id, "Record " + id, List.of("gp"), approaches, "place", verification, List.of(), List.of(), Improvement.NONE, 0,
                List.of(NOTTINGHAM), List.of("Nottingham"), role, regions);
    }

    private static MentorCandidate mentor(boolean trained, String homeRegion, Experience... records) {
        return new MentorCandidate(7, "Mentor", "Director", "M", "Mentor Trust", "Home", true, 1, List.of("calls"), trained, List.of(), false,
                List.of(records), org.joinedup.followup.TrackRecord.NONE, homeRegion);
    }
}
