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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.joinedup.platform.ETags;
import org.joinedup.platform.Page;
import org.joinedup.platform.PageRequest;
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
    @Operation(summary = "List the leaders you may see, a page at a time (pages count from 0)")
    public Page<LeaderView> list(@Valid @BeanParam PageRequest paging) {
        return leaders.list(paging);
    }

    @POST
    @WithETag
    @RolesAllowed({ Roles.PROGRAMME, Roles.ADMIN })
    @Operation(summary = "Add a leader (programme staff importing, or an admin)")
    public Response create(@Valid @NotNull LeaderInput input, @jakarta.ws.rs.core.Context UriInfo uri) {
        var created = leaders.create(input);
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build()).entity(created).build();
    }

    @GET
    @Path("/{id}")
    @WithETag
    @PermitAll
    @Operation(summary = "One leader's profile (never their contact details); 404 when hidden from you")
    public LeaderView get(@PathParam("id") long id) {
        return leaders.findForCaller(id).orElseThrow(() -> ProblemException.notFound("Leader", id));
    }

    @PUT
    @Path("/{id}")
    @WithETag
    @RolesAllowed({ Roles.LEADER, Roles.ADMIN })
    @Operation(summary = "Replace your profile; send the version you read, or its ETag as If-Match: a stale one is 409, a stale If-Match 412")
    public LeaderView update(@PathParam("id") long id, @Valid @NotNull LeaderInput input,
            @Parameter(description = ETags.IF_MATCH_HELP) @HeaderParam(ETags.IF_MATCH) String ifMatch) {
        return leaders.update(id, input, ETags.forUpdate(ifMatch, input.version()))
                .orElseThrow(() -> ProblemException.notFound("Leader", id));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({ Roles.LEADER, Roles.ADMIN })
    @Operation(summary = "Remove your profile together with your records and endorsements")
    public Response delete(@PathParam("id") long id,
            @Parameter(description = ETags.IF_MATCH_HELP) @HeaderParam(ETags.IF_MATCH) String ifMatch) {
        if (!leaders.delete(id, ETags.forChange(ifMatch))) {
            throw ProblemException.notFound("Leader", id);
        }
        return Response.noContent().build();
    }
}
