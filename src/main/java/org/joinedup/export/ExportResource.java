package org.joinedup.export;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.joinedup.search.SearchParams;

/** A search as CSV: whoever may search may take its results away, with the same visibility. */
@Path("/api/search/export.csv")
@PermitAll
@Tag(name = "Search")
public class ExportResource {

    @Inject
    LeaderExport export;

    @GET
    @Produces("text/csv")
    @Operation(operationId = "exportSearch", summary = "Export a search as CSV",
            description = "Every leader the search finds (all pages; page and size are ignored), one row per record that matched the "
                    + "search's record filters, or per published record when it has none (a leader without records gets one row). Codes "
                    + "and labels, areas, outcomes with direction and source, verification and corroboration; never contact details. "
                    + "Streamed as it is written, without a row cap; every cell quoted, and a cell starting with = + - @, tab or CR "
                    + "prefixed with '. Same parameters and problems as GET /api/search/leaders. Columns: docs/export.md.")
    @APIResponse(responseCode = "200", description = "The CSV, as an attachment",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
    public Response exportSearch(@BeanParam SearchParams params, @Context UriInfo uri) {
        SearchParams.requireKnownNames(uri.getQueryParameters());
        return LeaderExport.attachment(export.search(params));
    }
}
