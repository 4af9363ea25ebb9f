package org.joinedup.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.joinedup.followup.TrackRecord;
import org.joinedup.integration.Improvement;
import org.joinedup.search.MentorCandidate.Experience;
import org.joinedup.search.MentorCandidate;
import org.joinedup.vocabulary.GeoPoint;
import org.junit.jupiter.api.Test;

/** The track-record part of the match score: small, documented, and it ranks a recommended mentor above an otherwise equal one. */
class TrackRecordScoreTest {

    private static final GeoPoint NOTTINGHAM = new GeoPoint(52.95, -1.15);
    private final MatchScorer scorer = new MatchScorer(List.of("team", "organisations", "place", "system")::indexOf, code -> code);

    private static final MatchScorer.Need NEED = new MatchScorer.Need(1, "ORG-L", "Learner Council", List.of(), Set.of("gp", "social-care"),
            Set.of(), "place", Set.of(), NOTTINGHAM, "Nottingham");

    private static MentorCandidate mentor(long id, TrackRecord track) {
        var record = new Experience(100 + id, "Record", List.of("gp", "social-care"), List.of(), "place", "self-reported", List.of(),
                List.of(), Improvement.NONE, 0, List.of(NOTTINGHAM), List.of("Nottingham"));
        return new MentorCandidate(id, "Mentor " + id, "Director", "ORG-" + id, "Org " + id, "Home", true, 2, List.of(), false, List.of(),
                false, List.of(record), track);
    }

    @Test
    void recommendedMentorRanksAboveAnOtherwiseEqualOne() {
        var plain = scorer.score(NEED, mentor(2, TrackRecord.NONE)).orElseThrow();
        var recommended = scorer.score(NEED, mentor(3, new TrackRecord(2, 3, 3, 1))).orElseThrow();
        assertEquals(0.0, plain.parts().get("trackRecord"));
        assertEquals(MatchScorer.TRACK_RECORD, recommended.parts().get("trackRecord"));
        assertEquals(plain.total() + MatchScorer.TRACK_RECORD, recommended.total(), 1e-9);
        assertTrue(recommended.reasons().contains("recommended by 3 of 3 learners asked after their mentorship"), recommended.reasons().toString());
    }

    @Test
    void fewAnswersOrFewRecommendationsCountLess() {
        // one answer counts a third; two of three recommending, two thirds
        assertEquals(1.33, MatchScorer.trackRecord(new TrackRecord(1, 1, 1, 0)));
        assertEquals(2.67, MatchScorer.trackRecord(new TrackRecord(2, 3, 2, 0)));
        assertEquals(0.0, MatchScorer.trackRecord(new TrackRecord(4, 0, 0, 2)));
        assertEquals(0.0, MatchScorer.trackRecord(new TrackRecord(2, 5, 0, 0)));
        // a mentor who completed mentorships but whose learners would not recommend them is never below one with none
        var none = scorer.score(NEED, mentor(4, TrackRecord.NONE)).orElseThrow();
        var unrecommended = scorer.score(NEED, mentor(5, new TrackRecord(3, 3, 0, 0))).orElseThrow();
        assertEquals(none.total(), unrecommended.total(), 1e-9);
    }
}
