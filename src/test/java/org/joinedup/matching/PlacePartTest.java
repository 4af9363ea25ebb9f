package org.joinedup.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.joinedup.integration.Improvement;
import org.joinedup.search.MentorCandidate;
import org.joinedup.search.MentorCandidate.Experience;
import org.joinedup.vocabulary.GeoPoint;
import org.junit.jupiter.api.Test;

/** The place part ("from a place like yours"), scored by hand: pure, no database or index. */
class PlacePartTest {

    private static final GeoPoint NOTTINGHAM = new GeoPoint(52.95, -1.15);
    private static final GeoPoint FAR = new GeoPoint(50.37, -4.14);
    /** Nottinghamshire's neighbours as a need carries them: Derbyshire nearest, Staffordshire third, Lincolnshire tenth. */
    private static final Map<String, MatchScorer.Like> LIKE_NOTTS = Map.of(
            "E10000007", new MatchScorer.Like(1, "Derbyshire", "a place like Nottinghamshire"),
            "E10000028", new MatchScorer.Like(3, "Staffordshire", "a place like Nottinghamshire (both older than the median council)"),
            "E10000019", new MatchScorer.Like(10, "Lincolnshire", "a place like Nottinghamshire"));

    private final MatchScorer scorer = new MatchScorer(List.of("team", "organisations", "place", "system")::indexOf, code -> code);

    private static MatchScorer.Need need(Map<String, MatchScorer.Like> places) {
        return new MatchScorer.Need(1, "learner-org", "Learner Org", List.of(), Set.of("gp"), Set.of(), null, Set.of(), NOTTINGHAM, "Nottinghamshire",
                null, null, Map.of()).withPlaces(places);
    }

    private static Experience record(long id, List<String> services, List<String> areaCodes) {
        return new Experience(id, "Record " + id, services, List.of(), null, "self-reported", List.of(), List.of(), Improvement.NONE, 0, List.of(FAR),
                List.of("Somewhere"), null, List.of(), areaCodes);
    }

    private static MentorCandidate mentor(long id, Experience... records) {
        return new MentorCandidate(id, "Mentor " + id, "Director", "org-" + id, "Org " + id, "Home", true, 1, List.of(), false, List.of(), true,
                List.of(records));
    }

    private MatchScorer weighing(int place) {
        return scorer.with(new MatchProfile(Map.of("place", place), List.of()));
    }

    @Test
    void pointsFallByOneForEachRankFromTenForTheNearestNeighbourToOneForTheTenth() {
        assertEquals(10.0, MatchScorer.placePoints(1));
        assertEquals(9.0, MatchScorer.placePoints(2));
        assertEquals(8.0, MatchScorer.placePoints(3));
        assertEquals(1.0, MatchScorer.placePoints(10));
        assertEquals(0.0, MatchScorer.placePoints(11));
        assertEquals(0.0, MatchScorer.placePoints(0));
    }

    @Test
    void theLikestCouncilOfAnyRecordOnAWantedServiceCountsWeighted() {
        // both records on gp: record 1 in Staffordshire (3rd neighbour), record 2 in Derbyshire (1st) and a council like none
        var mentor = mentor(7, record(1, List.of("gp"), List.of("E10000028")), record(2, List.of("gp"), List.of("E10000007", "E99999999")));
        var at5 = weighing(5).score(need(LIKE_NOTTS), mentor).orElseThrow();
        assertEquals(10.0, at5.parts().get("place"));
        var at10 = weighing(10).score(need(LIKE_NOTTS), mentor).orElseThrow();
        assertEquals(20.0, at10.parts().get("place"));
        var at3 = weighing(3).score(need(LIKE_NOTTS), mentor).orElseThrow();
        assertEquals(6.0, at3.parts().get("place"));
        // everything else as the default: the total is the default's plus the place part
        double without = scorer.score(need(LIKE_NOTTS), mentor).orElseThrow().total();
        assertEquals(MatchScorer.round(without + 10.0), at5.total());
        assertEquals(MatchScorer.round(without + 20.0), at10.total());
        assertTrue(at5.reasons().contains("worked in Derbyshire, a place like Nottinghamshire"), at5.reasons().toString());
    }

    @Test
    void aRecordOffTheWantedServicesOrInNoLikeCouncilEarnsNothing() {
        var offService = mentor(8, record(1, List.of("gp"), List.of("E99999999")), record(2, List.of("housing"), List.of("E10000007")));
        var score = weighing(10).score(need(LIKE_NOTTS), offService).orElseThrow();
        assertEquals(0.0, score.parts().get("place"));
        assertFalse(score.reasons().stream().anyMatch(r -> r.contains("a place like")), score.reasons().toString());
        var tenth = weighing(5).score(need(LIKE_NOTTS), mentor(9, record(1, List.of("gp"), List.of("E10000019")))).orElseThrow();
        assertEquals(1.0, tenth.parts().get("place"));
    }

    @Test
    void aRequestWithNoPlacesLikeItGivesNothing() {
        var mentor = mentor(7, record(1, List.of("gp"), List.of("E10000007")));
        var score = weighing(10).score(need(Map.of()), mentor).orElseThrow();
        assertEquals(0.0, score.parts().get("place"));
        assertEquals(scorer.score(need(Map.of()), mentor).orElseThrow().total(), score.total());
    }

    @Test
    void theDefaultProfileLeavesThePartOutAndItsScoresAsBefore() {
        var mentor = mentor(7, record(1, List.of("gp"), List.of("E10000007")));
        var withPlaces = scorer.score(need(LIKE_NOTTS), mentor).orElseThrow();
        var without = scorer.score(need(Map.of()), mentor).orElseThrow();
        assertFalse(withPlaces.parts().containsKey("place"));
        assertEquals(without.total(), withPlaces.total());
        assertEquals(without.reasons(), withPlaces.reasons());
        assertEquals(0, MatchProfile.DEFAULT.weights().get("place"));
    }

    @Test
    void weighingThePlaceReordersAMentorFromALikePlaceAboveANearerOne() {
        // the near mentor's record is 0 km away (distance 15), the other's is far but in Derbyshire
        var near = new MentorCandidate(20, "Near", "Director", "org-20", "Org 20", "Home", true, 1, List.of(), false, List.of(), true,
                List.of(new Experience(201, "Near", List.of("gp"), List.of(), null, "self-reported", List.of(), List.of(), Improvement.NONE, 0,
                        List.of(NOTTINGHAM), List.of("Nottingham"), null, List.of(), List.of("E10000024"))));
        var like = mentor(21, record(211, List.of("gp"), List.of("E10000007")));
        var need = need(LIKE_NOTTS);
        assertTrue(scorer.score(need, near).orElseThrow().total() > scorer.score(need, like).orElseThrow().total());
        var weighted = scorer.with(new MatchProfile(Map.of("place", 10), List.of()));
        // near: 40 + 15 = 55; like: 40 + distance of ~340 km (0.13) + 20 place
        assertEquals(55.0, weighted.score(need, near).orElseThrow().total());
        assertTrue(weighted.score(need, like).orElseThrow().total() > 55.0);
    }

    @Test
    void theCandidateQueryGetsEachLikeCouncilsPointsAndThePlaceFactor() {
        var need = need(LIKE_NOTTS);
        assertEquals(Map.of(), need.forCandidates(false).places());
        assertEquals(Map.of("E10000007", 10.0, "E10000028", 8.0, "E10000019", 1.0), need.forCandidates(true).places());
        assertEquals(0.0, MatchProfile.DEFAULT.candidateWeights().place());
        assertEquals(1.6, new MatchProfile(Map.of("place", 8), List.of()).candidateWeights().place());
    }

    @Test
    void aPlaceWeightOutsideZeroToTenIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new MatchProfile(Map.of("place", 11), List.of()));
        assertThrows(IllegalArgumentException.class, () -> new MatchProfile(Map.of("place", -1), List.of()));
    }
}
