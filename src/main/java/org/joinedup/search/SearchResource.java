package org.joinedup.search;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/search")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Search")
public class SearchResource {

    @Inject
    SearchService search;

    @GET
    @Path("/leaders")
    @Operation(operationId = "searchLeaders", summary = "Search leaders",
            description = "By text, area, services, approach, scope, programme, outcome, verification and distance. Filters hold within one record; several service values must all be joined up in that record, several values "
                    + "of any other filter are alternatives. Facet counts are in leaders and honour every filter but their own. "
                    + "Pages count from 0; results beyond the first 10,000 cannot be paged to. A search that finds nobody carries "
                    + "suggestions: the same search with a spelling the index knows, without one filter or with a wider distance, each with "
                    + "the number of leaders it finds for the same caller.")
    public SearchResult leaders(@BeanParam SearchParams params, @Context UriInfo uri) {
        requireKnownNames(uri);
        return search.search(params);
    }

    @GET
    @Path("/regions")
    @Operation(operationId = "searchRegions", summary = "Count leaders per region, ICB and council",
            description = "Leaders and records per NHS region, per ICB and per council a record covered, with centroids (for a map), for the same filters as the search.")
    public RegionOverview regions(@BeanParam SearchParams params, @Context UriInfo uri) {
        requireKnownNames(uri);
        return search.regions(params);
    }

    private static void requireKnownNames(UriInfo uri) {
        SearchParams.requireKnownNames(uri.getQueryParameters());
    }
}
