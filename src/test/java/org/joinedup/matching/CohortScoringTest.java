package org.joinedup.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.joinedup.integration.Improvement;
import org.joinedup.search.MentorCandidate.Experience;
import org.joinedup.search.MentorCandidate;
import org.joinedup.vocabulary.GeoPoint;
import org.junit.jupiter.api.Test;

class CohortScoringTest {

    private static final List<String> SCOPES = List.of("team", "organisations", "place", "system");
    private static final List<String> SERVICES = List.of("gp", "social-care", "housing", "mental-health", "acute");
    private static final List<String> APPROACHES = List.of("integrated-teams", "pooled-budgets", "shared-records");
    private static final List<String> VERIFICATIONS = List.of("verified", "endorsed", "self-reported");
    private static final List<String> ORGANISATIONS = List.of("Learner Council", "learner council ", "Mentor Trust", "Other Trust");
    // a few shared places, as records name shared areas, and some made up for one record
    private static final List<GeoPoint> PLACES = List.of(new GeoPoint(52.95, -1.15), new GeoPoint(53.80, -1.55), new GeoPoint(51.5, -0.12));

    private final MatchScorer scorer = new MatchScorer(SCOPES::indexOf, code -> code);
    private final Random random = new Random(11);

    @Test
    void totalsEqualTheExplainedScoreOnRandomPairs() {
        var mentors = mentors(400);
        var needs = needs(60);
        var scoring = new CohortScoring(scorer, mentors, needs);
        int scored = 0;
        for (var need : needs) {
            for (var mentor : mentors) {
                var score = scorer.score(need, mentor);
                double total = scoring.total(need, mentor);
                if (score.isPresent()) {
                    scored++;
                    assertEquals(score.get().total(), total, "mentor " + mentor.leaderId() + " for " + need);
                } else {
                    assertTrue(total < 0, "mentor " + mentor.leaderId() + " has no score but a total of " + total);
                }
            }
        }
        assertTrue(scored > 5_000, "too few eligible pairs to mean anything: " + scored);
    }

    /** The same under matching profiles: any weights 0 to 10 and musts (see also MatchProfileTest, with roles and regions). */
    @Test
    void totalsEqualTheExplainedScoreUnderRandomProfiles() {
        var mentors = mentors(200);
        var needs = needs(30);
        var profiles = new RandomMatching(29);
        for (int p = 0; p < 20; p++) {
            var weighted = scorer.with(profiles.profile(0.25));
            var scoring = new CohortScoring(weighted, mentors, needs);
            for (var need : needs) {
                for (var mentor : mentors) {
                    var score = weighted.score(need, mentor);
                    double total = scoring.total(need, mentor);
                    if (score.isPresent()) {
                        assertEquals(score.get().total(), total, () -> weighted.profile() + ": mentor " + mentor.leaderId() + " for " + need);
                    } else {
                        assertTrue(total < 0, () -> weighted.profile() + ": mentor " + mentor.leaderId() + " has no score but " + total);
                    }
                }
            }
        }
    }

    @Test
    void bestIsTheTopOfTheExplainedScoresTiesToTheLowerId() {
        var mentors = mentors(300);
        var needs = needs(30);
        var scoring = new CohortScoring(scorer, mentors, needs);
        for (var need : needs) {
            var expected = mentors.stream().map(m -> scorer.score(need, m)).flatMap(Optional::stream)
                    .sorted(Comparator.comparingDouble(MatchScore::total).reversed().thenComparingLong(MatchScore::mentorId))
                    .limit(20).map(MatchScore::mentorId).toList();
            assertEquals(expected, scoring.best(need, 20).stream().map(MentorCandidate::leaderId).toList());
        }
    }

    private List<MentorCandidate> mentors(int count) {
        var mentors = new ArrayList<MentorCandidate>();
        for (int id = 1; id <= count; id++) {
            var records = new ArrayList<Experience>();
            for (int r = random.nextInt(5); r > 0; r--) {
                var where = new ArrayList<GeoPoint>();
                for (int p = random.nextInt(3); p > 0; p--) {
                    where.add(random.nextBoolean() ? PLACES.get(random.nextInt(PLACES.size()))
                            : new GeoPoint(50 + random.nextDouble() * 5, -3 + random.nextDouble() * 4));
                }
                List<String> outcomes = random.nextBoolean() ? List.of("non-elective-admissions") : List.of();
                var improvement = outcomes.isEmpty() ? Improvement.NONE : Improvement.values()[random.nextInt(3)];
                records.add(new Experience(id * 10L + r, "Record", pick(SERVICES), pick(APPROACHES),
                        random.nextInt(5) == 0 ? null : SCOPES.get(random.nextInt(SCOPES.size())), VERIFICATIONS.get(random.nextInt(3)),
                        outcomes, outcomes.isEmpty() || improvement == Improvement.NONE ? List.of() : outcomes, improvement, 0, where,
                        List.of("Somewhere")));
            }
            var organisation = ORGANISATIONS.get(random.nextInt(ORGANISATIONS.size()));
            mentors.add(new MentorCandidate(id, "Mentor " + id, "Director", organisation.strip().toLowerCase(), organisation, "Home",
                    random.nextInt(10) > 0, random.nextInt(3), pick(List.of("calls", "site-visit")), random.nextBoolean(),
                    random.nextInt(8) == 0 ? List.of("LEARNER COUNCIL") : List.of(), true, records));
        }
        return mentors;
    }

    private List<MatchScorer.Need> needs(int count) {
        var needs = new ArrayList<MatchScorer.Need>();
        for (int i = 0; i < count; i++) {
            var services = new LinkedHashSet<>(pick(SERVICES));
            services.add(SERVICES.get(random.nextInt(SERVICES.size())));
            var organisation = random.nextBoolean() ? "Learner Council" : "Elsewhere";
            needs.add(new MatchScorer.Need(1 + random.nextInt(400), organisation.toLowerCase(), organisation,
                    random.nextInt(6) == 0 ? List.of("Mentor Trust") : List.of(), services, new LinkedHashSet<>(pick(APPROACHES)),
                    random.nextInt(4) == 0 ? null : SCOPES.get(random.nextInt(SCOPES.size())), new LinkedHashSet<>(pick(List.of("calls", "workshops"))),
                    random.nextInt(5) == 0 ? null : PLACES.get(random.nextInt(PLACES.size())), "Place"));
        }
        return needs;
    }

    private List<String> pick(List<String> codes) {
        return codes.stream().filter(c -> random.nextInt(3) == 0).toList();
    }
}
