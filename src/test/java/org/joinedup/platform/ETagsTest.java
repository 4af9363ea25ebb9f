package org.joinedup.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What an If-Match header says, and which answer a stale one gets. */
class ETagsTest {

    @Test
    void theETagIsTheVersionQuoted() {
        assertEquals("\"3\"", ETags.of(3));
    }

    @Test
    void ifMatchNamesTheVersionsOfItsStrongTags() {
        assertNull(ETags.parse(null));
        assertNull(ETags.parse(" "));
        assertSame(ExpectedVersion.ANY, ETags.parse("*"));
        assertEquals(Set.of(3), ETags.parse("\"3\"").versions());
        assertEquals(Set.of(3, 4), ETags.parse(" \"3\" ,\"4\"").versions());
        // a weak tag never matches under If-Match, nor does a tag that is no version of ours
        assertEquals(Set.of(), ETags.parse("W/\"3\"").versions());
        assertEquals(Set.of(), ETags.parse("\"abc\", \"07\"").versions());
    }

    @Test
    void anythingButEntityTagsIs400NamingTheHeader() {
        for (var bad : List.of("3", "\"3", "\"3\" \"4\"", "\"3\",")) {
            var refused = assertThrows(ProblemException.class, () -> ETags.parse(bad), bad);
            assertEquals(400, refused.problem().status());
            assertEquals("If-Match", refused.problem().violations().get(0).field());
        }
    }

    @Test
    void aStaleIfMatchIs412AndAStaleBodyVersion409() {
        assertEquals(412, assertThrows(ProblemException.class, () -> ETags.forUpdate("\"2\"", null).check("Record", 1, 3)).problem().status());
        assertEquals(409, assertThrows(ProblemException.class, () -> ETags.forUpdate(null, 2).check("Record", 1, 3)).problem().status());
        ETags.forUpdate("\"3\"", 3).check("Record", 1, 3);
        ETags.forChange(null).check("Record", 1, 3);
        ETags.forUpdate("*", null).check("Record", 1, 3);
    }

    @Test
    void anUpdateNeedsAVersionAndBothMustAgree() {
        assertEquals("version", assertThrows(ProblemException.class, () -> ETags.forUpdate(null, null)).problem().violations().get(0).field());
        var contradiction = assertThrows(ProblemException.class, () -> ETags.forUpdate("\"3\"", 4)).problem();
        assertEquals(List.of("If-Match", "version"), contradiction.violations().stream().map(Violation::field).toList());
        // with *, the body's version decides
        assertEquals(409, assertThrows(ProblemException.class, () -> ETags.forUpdate("*", 2).check("Record", 1, 3)).problem().status());
    }
}
