package org.joinedup.importing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.util.List;
import java.util.Map;

/** Writes rows as an import file (the demo data, benchmarks): the template's header and columns, with jackson-dataformat-csv. */
public final class ImportCsv {

    private static final CsvMapper CSV = new CsvMapper();

    private ImportCsv() {
    }

    /** The template's column headers, in order. */
    public static List<String> columns() {
        return ImportColumn.headers();
    }

    /** Rows keyed by column header (a key that is no column is a mistake: refused), as UTF-8 CSV with the header. */
    public static byte[] write(List<Map<String, String>> rows) {
        var schema = CsvSchema.builder().setUseHeader(true);
        columns().forEach(schema::addColumn);
        for (var row : rows) {
            for (var key : row.keySet()) {
                if (ImportColumn.of(key).isEmpty()) {
                    throw new IllegalArgumentException("'" + key + "' is not a column of the import template");
                }
            }
        }
        try {
            return CSV.writer(schema.build()).writeValueAsBytes(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the import file", e);
        }
    }
}
