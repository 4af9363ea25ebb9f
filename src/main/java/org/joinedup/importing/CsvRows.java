package org.joinedup.importing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.joinedup.platform.ProblemException;

/**
 * Reads an import file into rows by column, with jackson-dataformat-csv: UTF-8 (a byte-order mark is
 * allowed), comma-separated, a header row naming the columns of {@link ImportColumn}. Whatever keeps
 * the file from being read (not UTF-8, another delimiter, no header, an unknown column, broken
 * quoting) is a problem of the file; nothing of such a file is imported.
 */
final class CsvRows {

    /** A data row: its number as a spreadsheet shows it (the header is row 1) and its cells, blank ones left out. */
    record Row(int number, Map<ImportColumn, String> cells) {
        String get(ImportColumn column) {
            return cells.getOrDefault(column, "");
        }
    }

    record Read(List<ImportColumn> columns, List<Row> rows, List<ImportProblem> problems) {
    }

    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();

    private CsvRows() {
    }

    static Read read(InputStream in, long maxBytes) {
        var problems = new ArrayList<ImportProblem>();
        var rows = new ArrayList<Row>();
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        int number = 0;
        List<ImportColumn> columns = List.of();
        try (Reader reader = new InputStreamReader(new LimitedInputStream(in, maxBytes), decoder);
                MappingIterator<String[]> cells = CSV.readerFor(String[].class).with(CsvSchema.emptySchema()).readValues(reader)) {
            while (cells.hasNextValue()) {
                String[] values = cells.nextValue();
                number++;
                if (number == 1) {
                    columns = header(values, problems);
                    if (!problems.isEmpty()) {
                        return new Read(columns, rows, problems);
                    }
                    continue;
                }
                if (blank(values)) {
                    continue;
                }
                if (values.length > columns.size()) {
                    problems.add(new ImportProblem(number, null, null, "the row has " + values.length + " cells but the header names "
                            + columns.size() + " columns (a comma inside a cell needs the cell in double quotes)", List.of()));
                    continue;
                }
                var byColumn = new EnumMap<ImportColumn, String>(ImportColumn.class);
                for (int i = 0; i < values.length; i++) {
                    var value = values[i] == null ? "" : values[i].strip();
                    if (!value.isEmpty()) {
                        byColumn.put(columns.get(i), value);
                    }
                }
                rows.add(new Row(number, byColumn));
            }
        } catch (IOException e) {
            rethrowTooLarge(e);
            if (e instanceof JsonProcessingException json && codingCause(e) == null) {
                problems.add(new ImportProblem(number + 1, null, null, "the file cannot be read as CSV here: " + json.getOriginalMessage(),
                        List.of()));
            } else {
                problems.add(encodingOrIo(e, number + 1));
            }
        } catch (RuntimeException e) {
            rethrowTooLarge(e);
            var coding = codingCause(e);
            if (coding == null) {
                throw e;
            }
            problems.add(encodingOrIo(coding, number + 1));
        }
        if (number == 0 && problems.isEmpty()) {
            problems.add(ImportProblem.file("the file is empty: it needs a header row and a row per record; see the template"));
        }
        return new Read(columns, rows, problems);
    }

    private static List<ImportColumn> header(String[] values, List<ImportProblem> problems) {
        if (values.length > 0 && values[0] != null && values[0].startsWith("\uFEFF")) {
            values[0] = values[0].substring(1);
        }
        var columns = new ArrayList<ImportColumn>();
        var unknown = new ArrayList<String>();
        for (var value : values) {
            var column = ImportColumn.of(value);
            if (column.isPresent()) {
                columns.add(column.get());
            } else {
                unknown.add(value == null ? "" : value.strip());
                columns.add(null);
            }
        }
        if (columns.stream().allMatch(c -> c == null)) {
            String first = values.length == 0 || values[0] == null ? "" : values[0];
            if (values.length == 1 && (first.contains(";") || first.contains("\t") || first.contains("|"))) {
                String delimiter = first.contains(";") ? "semicolons" : first.contains("\t") ? "tabs" : "'|'";
                problems.add(new ImportProblem(1, null, abbreviate(first), "the columns are separated by " + delimiter
                        + ": save the file as comma-separated CSV (UTF-8); ';' separates values inside a cell only", List.of()));
            } else {
                problems.add(new ImportProblem(1, null, abbreviate(first), "the first row must be the header naming the columns;"
                        + " it names none of them (see the allowed columns and the template)", ImportColumn.headers()));
            }
            return columns;
        }
        for (var name : unknown) {
            problems.add(new ImportProblem(1, name, name, name.isEmpty() ? "a column has no header" : "'" + name + "' is not a column of the template",
                    ImportColumn.headers()));
        }
        var seen = new HashSet<ImportColumn>();
        columns.stream().filter(c -> c != null && !seen.add(c))
                .forEach(c -> problems.add(ImportProblem.at(1, c, c.header, "the column appears twice")));
        ImportColumn.REQUIRED.stream().filter(c -> !columns.contains(c))
                .forEach(c -> problems.add(ImportProblem.at(1, c, null, "the column " + c.header + " is missing from the header")));
        return columns;
    }

    private static boolean blank(String[] values) {
        for (var value : values) {
            if (value != null && !value.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static ImportProblem encodingOrIo(Exception e, int row) {
        if (e instanceof CharacterCodingException || codingCause(e) != null) {
            return new ImportProblem(row, null, null, "the file is not UTF-8 from about this row on (bytes that are no UTF-8 character,"
                    + " e.g. a file saved as Windows-1252 or several encodings mixed): save it as \"CSV UTF-8\"", List.of());
        }
        return ImportProblem.file("the file could not be read to its end: " + e.getMessage());
    }

    /** The limit's 413, however the parser wrapped it. */
    private static void rethrowTooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ProblemException problem) {
                throw problem;
            }
        }
    }

    private static CharacterCodingException codingCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CharacterCodingException coding) {
                return coding;
            }
        }
        return null;
    }

    private static String abbreviate(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }
}
