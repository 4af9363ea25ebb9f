package org.joinedup.importing;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a dry run found: every problem, or what the import would create and change. */
public record ImportReport(
        @Schema(description = "The file name given", examples = "pioneers-2026.csv") String fileName,
        @Schema(description = "Data rows read (the header and blank rows not counted)") int rows,
        @Schema(description = "True when the file can be imported as it is: no problems") boolean valid,
        @Schema(description = "How many problems in all (the list stops at 1000)") int problemCount,
        @Schema(description = "Each problem: row, column, value, message and allowed values") List<ImportProblem> problems,
        @Schema(description = "What the import would do to leaders; absent while there are problems") ImportCounts leaders,
        @Schema(description = "What the import would do to records; absent while there are problems") ImportCounts records) {
}
