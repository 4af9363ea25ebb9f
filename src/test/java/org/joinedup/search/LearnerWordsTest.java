package org.joinedup.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.joinedup.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The learner's words against mentors' records, through the real index: relevance from 0 to 1, best first. */
@QuarkusTest
class LearnerWordsTest {

    /** Words no other leader's text has, so the mentors made here are the only ones that answer them. */
    private static final String PLACE = word();
    private static final String OTHER = word();

    private static long inTitle;
    private static long inSummary;
    private static long stemmed;
    private static long unwilling;
    private static long otherService;

    @Inject
    LearnerWords words;

    @BeforeAll
    static void asAdmin() {
        Fixtures.actAs("demo-admin"); // records of another leader are written by admins
    }

    /** Once, in the first test: requests need the port Quarkus sets after @BeforeAll. */
    @BeforeEach
    void mentors() {
        if (inTitle != 0) {
            return;
        }
        inTitle = mentor(true, "gp", PLACE + " frailty hub", "A hub for older people.");
        inSummary = mentor(true, "gp", "Neighbourhood teams", "Teams that also ran a frailty service in " + PLACE + ".");
        stemmed = mentor(true, "gp", "Integrated teams", "Integrating " + OTHER + " services.");
        unwilling = mentor(false, "gp", PLACE + " frailty hub", "A hub for older people in " + PLACE + ".");
        otherService = mentor(true, "housing", PLACE + " frailty hub", "A hub for older people in " + PLACE + ".");
        Fixtures.awaitIndexInStep(Duration.ofSeconds(60));
    }

    @Test
    void theMentorWhoseRecordAnswersTheWordsBestCountsOneAndOthersLess() {
        var relevance = words.relevance(List.of(new LearnerWords.Ask("a frailty hub in " + PLACE, List.of("gp", "social-care"))),
                Audience.EVERYONE).get(0);
        assertEquals(1.0, relevance.get(inTitle), 1e-9, relevance.toString());
        assertTrue(relevance.get(inSummary) > 0 && relevance.get(inSummary) < 1, relevance.toString());
        assertFalse(relevance.containsKey(unwilling), "not willing to mentor: " + relevance);
        assertFalse(relevance.containsKey(otherService), "no record on a wanted service: " + relevance);
        assertFalse(relevance.containsKey(stemmed), relevance.toString());
    }

    @Test
    void wordsMatchAsPeopleWriteThem() {
        var relevance = words.relevance(List.of(new LearnerWords.Ask("integration of " + OTHER + " service", List.of("gp"))),
                Audience.EVERYONE).get(0);
        assertEquals(1.0, relevance.get(stemmed), 1e-9, "integration finds Integrating, service finds services: " + relevance);
    }

    @Test
    void aRequestWithoutWordsCountsNobodyAndAnswersKeepTheirOrderAcrossBatches() {
        var asks = new ArrayList<LearnerWords.Ask>();
        for (int i = 0; i < LearnerWords.BATCH * 2 + 7; i++) {
            asks.add(i % 3 == 0 ? new LearnerWords.Ask(" ", List.of("gp"))
                    : new LearnerWords.Ask(i % 3 == 1 ? PLACE + " hub" : OTHER + " services", List.of("gp")));
        }
        var answers = words.relevance(asks, Audience.EVERYONE);
        assertEquals(asks.size(), answers.size());
        for (int i = 0; i < asks.size(); i++) {
            var expected = i % 3 == 0 ? null : i % 3 == 1 ? inTitle : stemmed;
            if (expected == null) {
                assertTrue(answers.get(i).isEmpty(), "ask " + i + ": " + answers.get(i));
            } else {
                assertEquals(1.0, answers.get(i).get(expected), 1e-9, "ask " + i + ": " + answers.get(i));
            }
        }
    }

    private static long mentor(boolean willing, String service, String title, String summary) {
        var leader = Fixtures.leader("Words mentor " + title);
        leader.put("mentoring", Map.of("willing", willing, "capacity", willing ? 2 : 0, "formats", List.of(), "trained", false));
        long id = Fixtures.createLeader(leader);
        var record = new HashMap<>(Fixtures.record(title));
        record.put("summary", summary);
        record.put("services", List.of(service, "acute")); // a record joins up two services or more
        Fixtures.createRecord(id, record);
        return id;
    }

    private static String word() {
        var random = new Random();
        var word = new StringBuilder("quorv");
        for (int i = 0; i < 8; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }
}
