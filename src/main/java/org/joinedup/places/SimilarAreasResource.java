package org.joinedup.places;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Reference data like /api/areas, so open to everyone as that is. */
@Path("/api/areas/{code}/similar")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Vocabularies and areas")
public class SimilarAreasResource {

    @Inject
    SimilarPlaces places;

    @GET
    @Operation(operationId = "listSimilarAreas", summary = "List a council's nearest neighbours",
            description = "The councils most like this upper-tier council by population, share aged 65 and over, deprivation and density "
                    + "(standardised, weighted; docs/places.md), nearest first, each with its distance and its figures beside the council's own. "
                    + "Only councils have neighbours: an ICB or region code is a 400 naming code, listing its councils.")
    public SimilarAreas similar(@PathParam("code") String code,
            @Parameter(description = "How many neighbours, 1 to 50") @QueryParam("size") @DefaultValue("10") String size) {
        return places.similar(code, size);
    }
}
