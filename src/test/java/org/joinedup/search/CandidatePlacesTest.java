package org.joinedup.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.joinedup.vocabulary.GeoPoint;
import org.junit.jupiter.api.Test;

/**
 * The candidate query with matching's place part weighed (issue 15): it must not undersell a mentor with a record in a council
 * like the learner's, so each like council's points reach both passes; at weight 0 the body is the one of before.
 */
class CandidatePlacesTest {

    private static final Map<String, Double> PLACES = Map.of("E10000007", 10.0, "E10000028", 8.0, "E10000019", 8.0);

    private static MentorCandidate.Need need(Map<String, Double> places) {
        return new MentorCandidate.Need(1, "org", "Org", List.of(), List.of("gp"), List.of(), List.of(), new GeoPoint(52.95, -1.15), places);
    }

    private static MentorCandidates.Weights weights(double place) {
        return new MentorCandidates.Weights(40, 20, 10, 6, 5, 2.5, 15, 50, 5, 2, 4, 0, 0, place);
    }

    @Test
    void eachLikeCouncilsPointsTimesThePlaceFactorReachBothPasses() {
        var body = MentorCandidates.findBody(need(PLACES), weights(2), MentorCandidates.Filters.NONE, 10, Audience.EVERYONE).toString();
        // second pass: one function per number of points, the councils that earn it
        assertTrue(body.contains("{\"filter\":{\"terms\":{\"records.area_codes\":[\"E10000007\"]}},\"weight\":20.0}"), body);
        assertTrue(body.contains("{\"filter\":{\"terms\":{\"records.area_codes\":[\"E10000019\",\"E10000028\"]}},\"weight\":16.0}"), body);
        // first pass, no join: the most a record there earns for anyone with a record in any of them
        assertTrue(body.contains("{\"filter\":{\"nested\":{\"path\":\"records\",\"query\":{\"terms\":{\"records.area_codes\":"
                + "[\"E10000007\",\"E10000019\",\"E10000028\"]}}}},\"weight\":20.0}"), body);
    }

    @Test
    void atWeightZeroOrWithNoPlacesTheBodyIsTheOneOfBefore() {
        var before = MentorCandidates.findBody(need(Map.of()), weights(0), MentorCandidates.Filters.NONE, 10, Audience.EVERYONE).toString();
        // the fields fetched name the records' area codes (a candidate is read from them); the query and rescore must not
        var searched = MentorCandidates.findBody(need(Map.of()), weights(0), MentorCandidates.Filters.NONE, 10, Audience.EVERYONE);
        searched.remove("_source");
        assertFalse(searched.toString().contains("area_codes"), before);
        assertEquals(before, MentorCandidates.findBody(need(PLACES), weights(0), MentorCandidates.Filters.NONE, 10, Audience.EVERYONE).toString());
        assertEquals(before, MentorCandidates.findBody(need(Map.of()), weights(2), MentorCandidates.Filters.NONE, 10, Audience.EVERYONE).toString());
    }
}
