package org.joinedup.shortlist;

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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.joinedup.export.LeaderExport;
import org.joinedup.platform.ETags;
import org.joinedup.platform.Page;
import org.joinedup.platform.PageRequest;
import org.joinedup.platform.Problem;
import org.joinedup.platform.ProblemException;
import org.joinedup.platform.WithETag;
import org.joinedup.search.Audience;
import org.joinedup.security.CurrentUser;
import org.joinedup.security.Roles;

/** Commissioners' and programme staff's shortlists of leaders, with private notes shared within the owner's organisation. */
@Path("/api/shortlists")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Shortlists")
@RolesAllowed({ Roles.COMMISSIONER, Roles.PROGRAMME })
public class ShortlistResource {

    private static final String SHARING = " A list is seen and worked on by its owner and by the accounts of the organisation the owner had when making it; "
            + "anyone else gets 404, as for a list that does not exist.";

    @Inject
    ShortlistService shortlists;

    @Inject
    LeaderExport export;

    @Inject
    CurrentUser user;

    @POST
    @WithETag
    @Operation(operationId = "createShortlist", summary = "Start a shortlist",
            description = "A new, empty shortlist of yours, shared with the accounts of your organisation (if you have one)." + SHARING
                    + " At most " + ShortlistService.MAX_SHORTLISTS + " per account (409 past that); the name is 1 to "
                    + ShortlistService.MAX_NAME + " characters (400 naming name).")
    @APIResponse(responseCode = "201", description = "Started", content = @Content(schema = @Schema(implementation = ShortlistView.class)))
    public Response create(@Valid @NotNull ShortlistInput input, @Context UriInfo uri) {
        var created = shortlists.create(input);
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build()).entity(created).build();
    }

    @GET
    @Operation(operationId = "listShortlists", summary = "List your shortlists and your organisation's",
            description = "Yours first, then your colleagues', most recently changed first, a page at a time (pages count from 0), "
                    + "each with how many leaders on it you may see.")
    public Page<ShortlistSummary> list(@Valid @BeanParam PageRequest paging) {
        return shortlists.list(paging);
    }

    @GET
    @Path("/{id}")
    @WithETag
    @Operation(operationId = "getShortlist", summary = "Get a shortlist with its leaders and notes",
            description = "Every leader on it that you may see (at most " + ShortlistService.MAX_ENTRIES
                    + "), with a summary of them, the private note, and who added them when." + SHARING)
    public ShortlistView get(@PathParam("id") long id) {
        return shortlists.find(id).orElseThrow(() -> ProblemException.notFound("Shortlist", id));
    }

    @GET
    @Path("/{id}/export.csv")
    @Produces("text/csv")
    @Operation(operationId = "exportShortlist", summary = "Export a shortlist as CSV",
            description = "The leaders on the list that you may see, in the order they were added, one row per published record "
                    + "(a leader without records gets one row): the same columns, quoting and formula guard as GET /api/search/export.csv "
                    + "(docs/export.md), streamed without a row cap. The list's private notes are not in it." + SHARING)
    @APIResponse(responseCode = "200", description = "The CSV, as an attachment",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
    public Response export(@PathParam("id") long id) {
        return LeaderExport.attachment(export.leaders(shortlists.leaderIds(id), Audience.of(user)));
    }

    @PUT
    @Path("/{id}")
    @WithETag
    @Operation(operationId = "renameShortlist", summary = "Rename a shortlist",
            description = "The owner only (a colleague gets 403). Send the version you read, or its ETag as If-Match: a stale version is 409, "
                    + "a stale If-Match 412. What a GET gave may be sent back as it is." + SHARING)
    public ShortlistView rename(@PathParam("id") long id, @Valid @NotNull ShortlistInput input,
            @Parameter(description = ETags.IF_MATCH_HELP) @HeaderParam(ETags.IF_MATCH) String ifMatch) {
        return shortlists.rename(id, input, ETags.forUpdate(ifMatch, input.version()))
                .orElseThrow(() -> ProblemException.notFound("Shortlist", id));
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteShortlist", summary = "Delete a shortlist",
            description = "The owner only (a colleague gets 403); its leaders and notes go with it." + SHARING)
    @APIResponse(responseCode = "204", description = "Deleted")
    // no body on success: a client that accepts only problem+json, what its errors are, is served (not 406)
    @Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
    public Response delete(@PathParam("id") long id,
            @Parameter(description = ETags.IF_MATCH_HELP) @HeaderParam(ETags.IF_MATCH) String ifMatch) {
        if (!shortlists.delete(id, ETags.forChange(ifMatch))) {
            throw ProblemException.notFound("Shortlist", id);
        }
        return Response.noContent().build();
    }

    @PUT
    @Path("/{id}/leaders/{leaderId}")
    @Operation(operationId = "putShortlistLeader", summary = "Put a leader on a shortlist, or change their note",
            description = "The owner and colleagues alike. 201 when the leader was added, 200 when they were on it already (the note is replaced; "
                    + "no body or no note clears it); the same call twice changes nothing more. A leader hidden from you is 404, as one that does not exist. "
                    + "At most " + ShortlistService.MAX_ENTRIES + " leaders per list (409 past that); a note is at most " + ShortlistService.MAX_NOTE
                    + " characters (400 naming note). The note is private to the list's readers: never in search, on the profile, or shown to the leader."
                    + SHARING)
    @APIResponse(responseCode = "201", description = "Added", content = @Content(schema = @Schema(implementation = ShortlistEntryView.class)))
    @APIResponse(responseCode = "200", description = "On the list already; note as sent", content = @Content(schema = @Schema(implementation = ShortlistEntryView.class)))
    public Response putLeader(@PathParam("id") long id, @PathParam("leaderId") long leaderId, @Valid ShortlistEntryInput input) {
        var put = shortlists.putLeader(id, leaderId, input == null ? null : input.note(), true);
        return Response.status(put.created() ? Response.Status.CREATED : Response.Status.OK).entity(put.entry()).build();
    }

    @DELETE
    @Path("/{id}/leaders/{leaderId}")
    @Operation(operationId = "removeShortlistLeader", summary = "Take a leader off a shortlist",
            description = "The owner and colleagues alike; the note goes with them. 404 when the leader is not on it or is hidden from you." + SHARING)
    @APIResponse(responseCode = "204", description = "Taken off")
    @Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
    public Response removeLeader(@PathParam("id") long id, @PathParam("leaderId") long leaderId) {
        shortlists.removeLeader(id, leaderId);
        return Response.noContent().build();
    }
}
