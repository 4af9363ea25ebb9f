package org.joinedup.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import org.junit.jupiter.api.Test;

/** Names and job titles on one line: refused with a control character, flattened where stored ones are put into mail. */
class OneLineTest {

    @Test
    void controlCharactersAndLineSeparatorsAreRefusedNamingTheField() {
        for (var bad : new String[] {"A\n\nclick http://evil", "A\rB", "A\tB", "A\u0000B", "A\u007fB", "A\u0085B", "A\u2028B", "A\u2029B"}) {
            var violations = new ArrayList<Violation>();
            OneLine.check("fullName", bad, 200, violations);
            assertEquals(1, violations.size(), bad);
            assertEquals("fullName", violations.get(0).field());
        }
    }

    @Test
    void ordinaryNamesPassAndLengthIsCheckedOnTheStrippedText() {
        var violations = new ArrayList<Violation>();
        OneLine.check("name", "Siân O'Brien-Smith, MBE (she/her)", 200, violations);
        OneLine.check("name", null, 200, violations);
        OneLine.check("name", "x".repeat(200), 200, violations);
        assertTrue(violations.isEmpty(), violations::toString);
        OneLine.check("name", "x".repeat(201), 200, violations);
        assertEquals("must be at most 200 characters", violations.get(0).message());
        assertTrue("Plain Name".matches(OneLine.PATTERN));
        assertTrue(!"Two\nLines".matches(OneLine.PATTERN));
    }

    @Test
    void flatteningMakesEachRunOfControlCharactersOneSpace() {
        assertEquals("A click http://evil", OneLine.flatten("A\r\n\r\nclick http://evil\n"));
        assertEquals("A B C", OneLine.flatten("A\tB\u2028C"));
        assertEquals("Plain", OneLine.flatten("Plain"));
        assertNull(OneLine.flatten(null));
    }
}
