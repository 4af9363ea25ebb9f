package org.joinedup.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.joinedup.integration.Improvement;
import org.joinedup.search.LeaderDocument.GeoPoint;
import org.joinedup.search.MentorCandidate;
import org.joinedup.search.MentorCandidate.Experience;
import org.junit.jupiter.api.Test;

class MatchScorerTest {

    private static final List<String> SCOPES = List.of("team", "organisations", "place", "system");
    private static final GeoPoint NOTTINGHAM = new GeoPoint(52.95, -1.15);
    private static final GeoPoint LEEDS = new GeoPoint(53.80, -1.55);

    private final MatchScorer scorer = new MatchScorer(SCOPES::indexOf, code -> code.replace('-', ' '));

    private static MatchScorer.Need need(Set<String> services, Set<String> approaches, String scope) {
        return new MatchScorer.Need(1, code("Learner Council"), "Learner Council", List.of(), services, approaches, scope, Set.of("calls"), NOTTINGHAM, "Nottingham");
    }

    private static Experience record(long id, List<String> services, List<String> approaches, String scope, String verification,
            List<String> outcomes, GeoPoint where) {
        // the outcomes given improved, with a source: the strongest evidence a record's outcomes can give
        return record(id, services, approaches, scope, verification, outcomes, outcomes.isEmpty() ? Improvement.NONE : Improvement.IMPROVED_WITH_SOURCE,
                where);
    }

    private static Experience record(long id, List<String> services, List<String> approaches, String scope, String verification,
            List<String> outcomes, Improvement improvement, GeoPoint where) {
        return new Experience(id, "Record " + id, services, approaches, scope, verification, outcomes,
                improvement == Improvement.NONE ? List.of() : outcomes, improvement, 0, List.of(where), List.of("Somewhere"));
    }

    /** Stands for the organisation's code: the same body, however its name is spaced or cased. */
    private static String code(String organisation) {
        return organisation.isBlank() ? null : "ORG-" + organisation.strip().toLowerCase();
    }

    private static MentorCandidate mentor(long id, String organisation, List<String> conflicts, List<Experience> records) {
        return mentor(id, code(organisation), organisation, conflicts, records);
    }

    private static MentorCandidate mentor(long id, String code, String organisation, List<String> conflicts, List<Experience> records) {
        return new MentorCandidate(id, "Mentor " + id, "Director", code, organisation, "Home", true, 2, List.of("calls", "site-visit"), true,
                conflicts, true, records);
    }

    @Test
    void scoresEachPartAsDocumented() {
        var best = record(10, List.of("gp", "social-care"), List.of("integrated-teams"), "place", "verified",
                List.of("non-elective-admissions"), NOTTINGHAM);
        var other = record(11, List.of("gp", "housing"), List.of(), "team", "self-reported", List.of(), LEEDS);
        var score = scorer.score(need(Set.of("gp", "social-care"), Set.of("integrated-teams", "pooled-budgets"), "place"),
                mentor(2, "Mentor Trust", List.of(), List.of(other, best))).orElseThrow();
        assertEquals(Map.of("services", 40.0, "approaches", 10.0, "scope", 10.0, "evidence", 10.0, "outcomes", 5.0, "distance", 15.0,
                "depth", 2.0, "formats", 5.0, "trained", 2.0, "trackRecord", 0.0), score.parts());
        assertEquals(99.0, score.total());
        assertEquals(List.of(10L, 11L), score.recordIds());
        assertTrue(score.reasons().contains("joined up gp and social care (2 of the 2 services you want)"), score.reasons().toString());
        assertTrue(score.reasons().contains("at place scope, as you want"), score.reasons().toString());
        assertTrue(score.reasons().contains("in Somewhere, 0 km from Nottingham"), score.reasons().toString());
        assertTrue(score.reasons().contains("1 more record on the services you want"), score.reasons().toString());
    }

    @Test
    void anImprovedOutcomeWithASourceScoresMoreThanOneWithoutAndAReportedOrWorseOneNothing() {
        var wants = need(Set.of("gp", "social-care"), Set.of(), "place");
        var outcomes = List.of("delayed-transfers");
        double sourced = outcomesPart(wants, record(10, List.of("gp", "social-care"), List.of(), "place", "self-reported", outcomes,
                Improvement.IMPROVED_WITH_SOURCE, NOTTINGHAM));
        double unsourced = outcomesPart(wants, record(10, List.of("gp", "social-care"), List.of(), "place", "self-reported", outcomes,
                Improvement.IMPROVED, NOTTINGHAM));
        var worse = scorer.score(wants, mentor(2, "Other", List.of(), List.of(record(10, List.of("gp", "social-care"), List.of(), "place",
                "self-reported", outcomes, Improvement.NONE, NOTTINGHAM)))).orElseThrow();
        assertEquals(5.0, sourced);
        assertEquals(2.5, unsourced);
        assertEquals(0.0, worse.parts().get("outcomes"), "reported, unchanged or worse earns nothing");
        assertTrue(worse.reasons().contains("reported outcomes on delayed transfers (no improvement shown)"), worse.reasons().toString());
    }

    private double outcomesPart(MatchScorer.Need need, Experience record) {
        var score = scorer.score(need, mentor(2, "Other", List.of(), List.of(record))).orElseThrow();
        return score.parts().get("outcomes");
    }

    @Test
    void distanceHalvesEveryFiftyKilometresAndScopeGivesHalfOneStepAway() {
        var far = record(10, List.of("gp"), List.of(), "organisations", "endorsed", List.of(), LEEDS);
        var score = scorer.score(need(Set.of("gp", "social-care"), Set.of(), "place"), mentor(2, "Other", List.of(), List.of(far)))
                .orElseThrow();
        double km = org.joinedup.vocabulary.Geography.distanceKm(NOTTINGHAM.lat(), NOTTINGHAM.lon(), LEEDS.lat(), LEEDS.lon());
        assertEquals(Math.round(15 * Math.pow(0.5, km / 50) * 100) / 100.0, score.parts().get("distance"));
        assertEquals(20.0, score.parts().get("services"));
        assertEquals(5.0, score.parts().get("scope"));
        assertEquals(6.0, score.parts().get("evidence"));
        assertEquals(0.0, score.parts().get("approaches"));
    }

    @Test
    void neverTheLearnerTheirOrganisationOrAConflict() {
        var gp = List.of(record(10, List.of("gp", "social-care"), List.of(), "place", "verified", List.of(), NOTTINGHAM));
        var wants = need(Set.of("gp"), Set.of(), null);
        assertTrue(scorer.score(wants, mentor(2, "Other Trust", List.of(), gp)).isPresent());
        assertTrue(scorer.score(wants, mentor(1, "Other Trust", List.of(), gp)).isEmpty(), "the learner");
        assertTrue(scorer.score(wants, mentor(2, "  learner council ", List.of(), gp)).isEmpty(), "same organisation");
        assertTrue(scorer.score(wants, mentor(2, "Other Trust", List.of("LEARNER COUNCIL"), gp)).isEmpty(), "mentor's conflict");
        var learnerRefuses = new MatchScorer.Need(1, code("Learner Council"), "Learner Council", List.of("other trust"), Set.of("gp"), Set.of(), null, Set.of(),
                NOTTINGHAM, "Nottingham");
        assertTrue(scorer.score(learnerRefuses, mentor(2, "Other Trust", List.of(), gp)).isEmpty(), "learner's conflict");
        var full = new MentorCandidate(2, "Full", null, code("Other Trust"), "Other Trust", null, true, 0, List.of(), false, List.of(), true, gp);
        assertTrue(scorer.score(wants, full).isEmpty(), "no capacity");
        var unwilling = new MentorCandidate(2, "No", null, code("Other Trust"), "Other Trust", null, false, 3, List.of(), false, List.of(), true, gp);
        assertTrue(scorer.score(wants, unwilling).isEmpty(), "not willing");
        assertTrue(scorer.score(need(Set.of("housing"), Set.of(), null), mentor(2, "Other Trust", List.of(), gp)).isEmpty(),
                "no record on a wanted service");
    }

    @Test
    void exclusionsHoldForRandomOrganisationsAndConflicts() {
        var random = new Random(42);
        var orgs = List.of("Alpha", "alpha ", "Beta", "Gamma", "");
        var gp = List.of(record(10, List.of("gp", "social-care"), List.of(), "place", "verified", List.of(), NOTTINGHAM));
        for (int i = 0; i < 2_000; i++) {
            var learnerOrg = orgs.get(random.nextInt(orgs.size()));
            var mentorOrg = orgs.get(random.nextInt(orgs.size()));
            var mentorConflicts = random.nextBoolean() ? List.of(orgs.get(random.nextInt(orgs.size()))) : List.<String>of();
            var learnerConflicts = random.nextBoolean() ? List.of(orgs.get(random.nextInt(orgs.size()))) : List.<String>of();
            long mentorId = 1 + random.nextInt(3);
            var need = new MatchScorer.Need(1, code(learnerOrg), learnerOrg, learnerConflicts, Set.of("gp"), Set.of(), null, Set.of(), NOTTINGHAM, "N");
            var score = scorer.score(need, mentor(mentorId, mentorOrg, mentorConflicts, gp));
            if (score.isPresent()) {
                var l = learnerOrg.strip().toLowerCase();
                var m = mentorOrg.strip().toLowerCase();
                assertFalse(mentorId == 1, "matched with themselves");
                assertFalse(!l.isEmpty() && l.equals(m), "same organisation " + learnerOrg + " / " + mentorOrg);
                assertFalse(!l.isEmpty() && mentorConflicts.stream().anyMatch(c -> c.strip().equalsIgnoreCase(l)), "mentor conflict");
                assertFalse(!m.isEmpty() && learnerConflicts.stream().anyMatch(c -> c.strip().equalsIgnoreCase(m)), "learner conflict");
            }
        }
    }

    @Test
    void neverTheLearnersOwnOrganisationByCodeWhateverItsNameSays() {
        var gp = List.of(record(10, List.of("gp", "social-care"), List.of(), "place", "verified", List.of(), NOTTINGHAM));
        var learner = new MatchScorer.Need(1, "RK5", "Sherwood Forest Hospitals NHS Foundation Trust", List.of(), Set.of("gp"), Set.of(), null,
                Set.of(), NOTTINGHAM, "Nottingham");
        assertTrue(scorer.score(learner, mentor(2, "RK5", "Sherwood Forest Hospitals", List.of(), gp)).isEmpty(),
                "same code, name written otherwise");
        assertTrue(scorer.score(learner, mentor(2, "E10000024", "Nottinghamshire County Council", List.of(), gp)).isPresent(),
                "another organisation");
        var noOrganisation = new MatchScorer.Need(1, null, null, List.of(), Set.of("gp"), Set.of(), null, Set.of(), NOTTINGHAM, "Nottingham");
        assertTrue(scorer.score(noOrganisation, mentor(2, null, null, List.of(), gp)).isPresent(), "no organisation on either side is no clash");
        var conflicting = new MatchScorer.Need(1, "RK5", "Sherwood Forest Hospitals NHS Foundation Trust", List.of("nottinghamshire county council"),
                Set.of("gp"), Set.of(), null, Set.of(), NOTTINGHAM, "Nottingham");
        assertTrue(scorer.score(conflicting, mentor(2, "E10000024", "Nottinghamshire County Council", List.of(), gp)).isEmpty(),
                "a declared conflict still names the organisation");
    }
}
