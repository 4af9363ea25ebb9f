package org.joinedup.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.joinedup.integration.RecordInput;
import org.joinedup.integration.RecordView;
import org.joinedup.platform.Violation;
import org.joinedup.vocabulary.PlaceView;
import org.junit.jupiter.api.Test;

/** Editing a record through the page keeps what its form cannot show. */
class RecordFormTest {

    private static PlaceView english(String code) {
        return new PlaceView(code, code, "local-authority", null, null, null, null, 52.0, -1.0);
    }

    @Test
    void keepsPlacesAbroadFurtherAreasOutcomesAndEvidence() {
        var abroad = new PlaceView(null, "Christchurch", "abroad", null, null, "NZ", "Christchurch", -43.5, 172.6);
        var outcome = new RecordView.OutcomeView("cost", "Saved", BigDecimal.ONE, BigDecimal.TEN, "£", "2020", null, BigDecimal.valueOf(9),
                BigDecimal.valueOf(9), false);
        var before = new RecordView(1, 0, 1, "t", null, List.of(english("A"), abroad, english("B"), english("C"), english("D")),
                List.of("gp", "acute"), "place", List.of(), null, "led", List.of(), LocalDate.of(2020, 1, 1), null,
                List.of(outcome, outcome), List.of(new RecordView.EvidenceView("one", "https://a"), new RecordView.EvidenceView("two", "https://b")),
                1, "self-reported by the leader on 2020-01-01", "self-reported", null, null, null, List.of(), null, null, "published", null, List.of());
        assertEquals(List.of("A", "B", "C"), List.of(RecordForm.values(before).get("area-0"), RecordForm.values(before).get("area-1"),
                RecordForm.values(before).get("area-2")));

        var edited = new RecordInput("t2", null, List.of(new RecordInput.AreaInput("A", null, null, null, null)), List.of("gp", "acute"),
                "place", List.of(), null, "led", List.of(), LocalDate.of(2020, 1, 1), null, List.of(), List.of(), 0);
        var kept = RecordForm.keepUnshown(edited, before);
        assertEquals(List.of("A", "D"), kept.areas().stream().map(RecordInput.AreaInput::code).filter(c -> c != null).toList());
        assertEquals("NZ", kept.areas().get(2).country());
        assertEquals(1, kept.outcomes().size(), "the first outcome is the form's; the second is kept");
        assertEquals(List.of("https://b"), kept.evidence().stream().map(RecordInput.EvidenceInput::url).toList());
    }

    @Test
    void aStaleVersionIsSaidInWordsBesideTheTitleAndOtherProblemsAreLeftAsTheyAre() {
        var stale = RecordPages.inWords(Violation.body("version", "expected 1"));
        var errors = new FormErrors(List.of(stale), RecordForm::fieldOf);
        assertTrue(errors.of("title").startsWith("This record was changed by someone else since you opened this page"), errors.of("title"));
        var other = Violation.body("periodStart", "must not be in the future");
        assertEquals(other, RecordPages.inWords(other));
    }
}
