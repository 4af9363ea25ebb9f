package org.joinedup.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * One CSV line as every export writes it: RFC 4180 quoting of every cell, and the formula guard.
 * A cell starting with = + - @, a tab or a carriage return is prefixed with ' so a spreadsheet
 * does not run it as a formula (OWASP's CSV injection list: spreadsheets skip a leading tab or CR
 * and then read the formula behind it). Numbers are cells like any other: a negative baseline
 * comes out as '-3, which a spreadsheet shows as text rather than running.
 */
public final class CsvLine {

    private static final String FORMULA_STARTS = "=+-@\t\r";

    private CsvLine() {
    }

    public static void write(Appendable out, List<String> cells) {
        try {
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append('"').append(guard(cells.get(i)).replace("\"", "\"\"")).append('"');
            }
            out.append("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String of(List<String> cells) {
        var line = new StringBuilder();
        write(line, cells);
        return line.toString();
    }

    /** The cell as written, before quoting: null as empty, a formula start defused. */
    static String guard(String cell) {
        if (cell == null) {
            return "";
        }
        return !cell.isEmpty() && FORMULA_STARTS.indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }
}
