package org.joinedup.recognition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DefaultCriteriaTest {

    @Test
    void loadsTheSixCriteriaOfTheSeedFile() {
        var defaults = new DefaultCriteria();
        defaults.load();
        assertEquals(List.of("leadership", "local-impact", "buy-in", "outcomes", "innovation", "peer-support"),
                defaults.criteria().stream().map(c -> c.code).toList());
    }

    @Test
    void handsOutCopiesSoARoundsEditsNeverReachTheDefaults() {
        var defaults = new DefaultCriteria();
        defaults.load();
        defaults.criteria().get(0).name = "Changed";
        assertEquals("Effective leadership", defaults.criteria().get(0).name);
    }

    @Test
    void refusesABadRowNamingIt() {
        var good = new RoundCriterion("leadership", "Leadership", "How well they lead.");
        var e = assertThrows(IllegalStateException.class, () -> DefaultCriteria.parse(List.of(good, new RoundCriterion("Bad Code", "x", "y"))));
        assertTrue(e.getMessage().contains("row 3"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> DefaultCriteria.parse(List.of(good, good)));
        assertThrows(IllegalStateException.class, () -> DefaultCriteria.parse(List.of(new RoundCriterion("ok", "", "y"))));
        assertThrows(IllegalStateException.class, () -> DefaultCriteria.parse(List.of(new RoundCriterion("ok", "x", "y".repeat(1001)))));
        assertThrows(IllegalStateException.class, () -> DefaultCriteria.parse(List.of()));
    }
}
