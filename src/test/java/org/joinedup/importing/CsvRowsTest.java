package org.joinedup.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.joinedup.platform.ProblemException;
import org.junit.jupiter.api.Test;

/** The reader alone, without a service: the limit counted while reading, a byte-order mark, quoted cells. */
class CsvRowsTest {

    @Test
    void aStreamPastTheLimitIsRefusedWhileReadingWithoutHoldingItWhole() {
        // an endless file: only the limit can end it
        InputStream endless = new InputStream() {
            long n;

            @Override
            public int read() {
                return n++ == 0 ? 'l' : 'a';
            }
        };
        var refused = assertThrows(ProblemException.class, () -> CsvRows.read(endless, 1_000_000));
        assertEquals(413, refused.problem().status());
    }

    @Test
    void aByteOrderMarkAndQuotedCellsWithCommasAndLineBreaksAreRead() {
        var csv = "\uFEFFleader_external_id,name,home_area,doing_now\nx,\"Smith, Jo\",E10000024,\"two\nlines\"\ny,Al,E10000024,\n";
        var read = CsvRows.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), 10_000);
        assertEquals(List.of(), read.problems());
        assertEquals(2, read.rows().size());
        assertEquals("Smith, Jo", read.rows().get(0).get(ImportColumn.NAME));
        assertEquals("two\nlines", read.rows().get(0).get(ImportColumn.DOING_NOW));
        assertEquals(3, read.rows().get(1).number(), "rows are numbered as records, as a spreadsheet shows them");
        assertTrue(read.rows().get(1).get(ImportColumn.DOING_NOW).isEmpty());
    }
}
