package org.joinedup.introduction;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.joinedup.platform.ETags;
import org.joinedup.platform.Page;
import org.joinedup.platform.PageRequest;
import org.joinedup.platform.ProblemException;
import org.joinedup.platform.WithETag;
import org.joinedup.security.Roles;

@Path("/api/introductions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.LEADER, Roles.COMMISSIONER, Roles.PROGRAMME, Roles.ADMIN })
@Tag(name = "Introductions")
public class IntroductionResource {

    @Inject
    IntroductionService introductions;

    @POST
    @WithETag
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ask to be introduced to a leader; their contact details follow only if they accept")
    public Response ask(@Valid @NotNull IntroductionInput input) {
        return Response.status(Response.Status.CREATED).entity(introductions.ask(input)).build();
    }

    @GET
    @Operation(summary = "Introductions you asked for or were asked for")
    public Page<IntroductionView> list(@Valid @BeanParam PageRequest paging) {
        return introductions.mine(paging);
    }

    @GET
    @Path("/{id}")
    @WithETag
    @Operation(summary = "One introduction; once accepted, the requester sees the leader's contact details here")
    public IntroductionView get(@PathParam("id") long id) {
        return introductions.find(id).orElseThrow(() -> ProblemException.notFound("Introduction", id));
    }

    @POST
    @Path("/{id}/accept")
    @Operation(summary = "The leader accepts: the requester may now see their contact details")
    public IntroductionView accept(@PathParam("id") long id,
            @Parameter(description = ETags.IF_MATCH_HELP) @HeaderParam(ETags.IF_MATCH) String ifMatch) {
        return introductions.answer(id, true, ETags.forChange(ifMatch)).orElseThrow(() -> ProblemException.notFound("Introduction", id));
    }

    @POST
    @Path("/{id}/decline")
    @Operation(summary = "The leader declines")
    public IntroductionView decline(@PathParam("id") long id,
            @Parameter(description = ETags.IF_MATCH_HELP) @HeaderParam(ETags.IF_MATCH) String ifMatch) {
        return introductions.answer(id, false, ETags.forChange(ifMatch)).orElseThrow(() -> ProblemException.notFound("Introduction", id));
    }
}
