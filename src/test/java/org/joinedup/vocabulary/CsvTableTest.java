package org.joinedup.vocabulary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvTableTest {

    private static List<Map<String, String>> read(String text) {
        return CsvTable.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "test.csv");
    }

    @Test
    void readsQuotedFieldsWithCommasQuotesAndNewlines() {
        var rows = read("code,name\r\nE1,\"Bath, \"\"North\"\"\nEast\"\nE2,Plain\n");
        assertEquals(2, rows.size());
        assertEquals("Bath, \"North\"\nEast", rows.get(0).get("name"));
        assertEquals("Plain", rows.get(1).get("name"));
    }

    @Test
    void skipsTheByteOrderMarkAndBlankLines() {
        var rows = read("\uFEFFcode,name\nE1,One\n\n");
        assertEquals(List.of(Map.of("code", "E1", "name", "One")), rows);
    }

    @Test
    void refusesRowsWithTheWrongNumberOfFields() {
        assertThrows(IllegalStateException.class, () -> read("code,name\nE1,One,extra\n"));
    }
}
