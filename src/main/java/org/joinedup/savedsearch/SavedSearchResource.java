package org.joinedup.savedsearch;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.joinedup.platform.ETags;
import org.joinedup.platform.Page;
import org.joinedup.platform.PageRequest;
import org.joinedup.platform.Problem;
import org.joinedup.platform.ProblemException;
import org.joinedup.platform.WithETag;
import org.joinedup.security.Roles;

/** The caller's saved searches (docs/saved-searches.md); each is its owner's alone, another account's id is 404. */
@Path("/api/saved-searches")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.COMMISSIONER, Roles.PROGRAMME })
@Tag(name = "Saved searches")
public class SavedSearchResource {

    @Inject
    SavedSearchService searches;

    @POST
    @WithETag
    @Operation(operationId = "createSavedSearch", summary = "Save a search",
            description = "Keeps a search under a name, with weekly alerts (leaders newly matching it, or whose matching records were added, "
                    + "edited or verified) or none. The parameters are checked as GET /api/search/leaders checks them: a bad one is 400 naming "
                    + "query.<parameter>. What it matches now is noted, so the first alert tells only of what changes after saving. "
                    + "At most joinedup.saved-searches.max-per-account (20) per account: 409 beyond that.")
    @APIResponse(responseCode = "201", description = "Saved", content = @Content(schema = @Schema(implementation = SavedSearchView.class)))
    public Response create(@Valid @NotNull SavedSearchInput input, @Context UriInfo uri) {
        var created = searches.create(input);
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build()).entity(created).build();
    }

    @GET
    @Operation(operationId = "listSavedSearches", summary = "List your saved searches",
            description = "Your own saved searches, by name, a page at a time (pages count from 0).")
    public Page<SavedSearchView> list(@Valid @BeanParam PageRequest paging) {
        return searches.list(paging);
    }

    @GET
    @Path("/{id}")
    @WithETag
    @Operation(operationId = "getSavedSearch", summary = "Get one of your saved searches",
            description = "With its ETag for a change; 404 for an id that is not one of yours.")
    public SavedSearchView get(@PathParam("id") long id) {
        return searches.find(id).orElseThrow(() -> ProblemException.notFound("Saved search", id));
    }

    @PUT
    @Path("/{id}")
    @WithETag
    @Operation(operationId = "updateSavedSearch", summary = "Change one of your saved searches",
            description = "Replaces its name, parameters and alerts (what GET gave can be sent back). New parameters note what they match now, "
                    + "as saving does. Send the version you read, or its ETag as If-Match: a stale version is 409, a stale If-Match 412.")
    public SavedSearchView update(@PathParam("id") long id, @Valid @NotNull SavedSearchInput input,
            @Parameter(description = ETags.IF_MATCH_HELP) @HeaderParam(ETags.IF_MATCH) String ifMatch) {
        return searches.update(id, input, ETags.forUpdate(ifMatch, input.version()))
                .orElseThrow(() -> ProblemException.notFound("Saved search", id));
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteSavedSearch", summary = "Delete one of your saved searches",
            description = "Removes it and its alerts; 404 for an id that is not one of yours.")
    @APIResponse(responseCode = "204", description = "Deleted")
    // no body on success: a client that accepts only problem+json, what its errors are, is served (not 406)
    @Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
    public Response delete(@PathParam("id") long id,
            @Parameter(description = ETags.IF_MATCH_HELP) @HeaderParam(ETags.IF_MATCH) String ifMatch) {
        if (!searches.delete(id, ETags.forChange(ifMatch))) {
            throw ProblemException.notFound("Saved search", id);
        }
        return Response.noContent().build();
    }
}
