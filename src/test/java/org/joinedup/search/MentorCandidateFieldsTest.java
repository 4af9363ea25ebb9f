package org.joinedup.search;

import static org.joinedup.search.Json.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.joinedup.Fixtures;
import org.joinedup.search.index.DocumentFields;
import org.junit.jupiter.api.Test;

/**
 * Candidates are fetched with only the fields they are read from: every available mentor of the demo data reads the same
 * from those fields as from the whole document, so a field the reading needs cannot be left out of the list unnoticed.
 */
@QuarkusTest
class MentorCandidateFieldsTest {

    @Inject
    MentorCandidates candidates;

    @Inject
    AliasSearch alias;

    @Test
    void aCandidateReadFromItsFieldsEqualsOneReadFromTheWholeDocument() {
        Fixtures.awaitIndexInStep(Duration.ofSeconds(60));
        var trimmed = candidates.pool(null, Audience.EVERYONE).stream().sorted(Comparator.comparingLong(MentorCandidate::leaderId)).toList();
        assertTrue(trimmed.size() > 20, "the demo data has available mentors: " + trimmed.size());
        assertTrue(trimmed.stream().anyMatch(c -> c.records().stream().anyMatch(r -> !r.improvedOutcomes().isEmpty())),
                "some record improved an outcome, so the comparison covers outcomes");
        var ids = trimmed.stream().map(MentorCandidate::leaderId).toList();
        var whole = alias.search(obj("size", ids.size(), "query", obj("terms", obj(DocumentFields.ID, ids)),
                "sort", List.of(obj(DocumentFields.ID, "asc")))).hits().stream().map(hit -> MentorCandidates.candidate(hit.leader())).toList();
        assertEquals(whole, trimmed);
    }
}
