package org.joinedup.importing;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One thing wrong with an import file: where (row and column), what it held, why, and what would be accepted. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ImportProblem(
        @Schema(description = "The row as a spreadsheet numbers it: 1 is the header; absent for the file as a whole", examples = "7") Integer row,
        @Schema(description = "The column's header; absent for a whole row or the file", examples = "services") String column,
        @Schema(description = "What the cell held (of a multi-valued cell, the value at fault)", examples = "hosptal") String value,
        @Schema(required = true, description = "What is wrong", examples = "'hosptal' is not in the services vocabulary") String message,
        @Schema(description = "The values accepted, where there is a list (a vocabulary's codes)") List<String> allowed) {

    static ImportProblem file(String message) {
        return new ImportProblem(null, null, null, message, List.of());
    }

    static ImportProblem at(int row, ImportColumn column, String value, String message) {
        return new ImportProblem(row, column == null ? null : column.header, value, message, List.of());
    }
}
