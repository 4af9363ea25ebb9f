package org.joinedup.leader;

import jakarta.annotation.security.PermitAll;
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

@Path("/api/leaders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Leaders")
public class LeaderResource {

    @Inject
    LeaderService leaders;

    @GET
    @PermitAll
    @Operation(operationId = "listLeaders", summary = "List leaders",
            description = "The leaders you may see, a page at a time (pages count from 0). Without a token only public profiles.")
    public Page<LeaderView> list(@Valid @BeanParam PageRequest paging) {
        return leaders.list(paging);
    }

    @POST
    @WithETag
    @RolesAllowed({ Roles.PROGRAMME, Roles.ADMIN })
    @Operation(operationId = "createLeader", summary = "Add a leader",
            description = "Programme staff importing leaders, or an admin. The answer is the leader as stored; Location is its address.")
    @APIResponse(responseCode = "201", description = "Added", content = @Content(schema = @Schema(implementation = LeaderView.class)))
    public Response create(@Valid @NotNull LeaderInput input, @Context UriInfo uri) {
        var created = leaders.create(input);
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build()).entity(created).build();
    }

    @GET
    @Path("/{id}")
    @WithETag
    @PermitAll
    @Operation(operationId = "getLeader", summary = "Get a leader's profile",
            description = "One leader's profile, never their contact details (those come through an introduction); 404 when hidden from you.")
    public LeaderView get(@PathParam("id") long id) {
        return leaders.findForCaller(id).orElseThrow(() -> ProblemException.notFound("Leader", id));
    }

    @PUT
    @Path("/{id}")
    @WithETag
    // any role: a delegate may be any account; the service decides (403)
    @RolesAllowed({ Roles.LEADER, Roles.COMMISSIONER, Roles.PROGRAMME, Roles.ADMIN })
    @Operation(operationId = "updateLeader", summary = "Replace a leader's profile",
            description = "A leader replaces their own profile, an admin anyone's; a delegate of the leader too, "
                    + "but a delegate's change of visibility, or any contact in their body, is 403 naming the field. Send the version you read, or its ETag as If-Match: a stale version is 409, a stale If-Match 412.")
    public LeaderView update(@PathParam("id") long id, @Valid @NotNull LeaderInput input,
            @Parameter(description = ETags.IF_MATCH_HELP) @HeaderParam(ETags.IF_MATCH) String ifMatch) {
        return leaders.update(id, input, ETags.forUpdate(ifMatch, input.version()))
                .orElseThrow(() -> ProblemException.notFound("Leader", id));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({ Roles.LEADER, Roles.ADMIN })
    @Operation(operationId = "deleteLeader", summary = "Remove a leader",
            description = "Removes the profile together with its records and endorsements; a leader removes their own, an admin anyone's.")
    @APIResponse(responseCode = "204", description = "Removed")
    // no body on success: a client that accepts only problem+json, what its errors are, is served (not 406)
    @Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
    public Response delete(@PathParam("id") long id,
            @Parameter(description = ETags.IF_MATCH_HELP) @HeaderParam(ETags.IF_MATCH) String ifMatch) {
        if (!leaders.delete(id, ETags.forChange(ifMatch))) {
            throw ProblemException.notFound("Leader", id);
        }
        return Response.noContent().build();
    }
}
