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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
    @Operation(operationId = "askIntroduction", summary = "Ask to be introduced to a leader",
            description = "The leader sees the message; their contact details follow only if they accept.")
    @APIResponse(responseCode = "201", description = "Asked", content = @Content(schema = @Schema(implementation = IntroductionView.class)))
    public Response ask(@Valid @NotNull IntroductionInput input) {
        return Response.status(Response.Status.CREATED).entity(introductions.ask(input)).build();
    }

    @GET
    @Operation(operationId = "listIntroductions", summary = "List your introductions",
            description = "Introductions you asked for or were asked for, a page at a time.")
    public Page<IntroductionView> list(@Valid @BeanParam PageRequest paging) {
        return introductions.mine(paging);
    }

    @GET
    @Path("/{id}")
    @WithETag
    @Operation(operationId = "getIntroduction", summary = "Get an introduction",
            description = "One introduction; once accepted, the requester sees the leader's contact details here.")
    public IntroductionView get(@PathParam("id") long id) {
        return introductions.find(id).orElseThrow(() -> ProblemException.notFound("Introduction", id));
    }

    @POST
    @Path("/{id}/accept")
    @Operation(operationId = "acceptIntroduction", summary = "Accept an introduction",
            description = "The leader accepts: the requester may now see their contact details.")
    public IntroductionView accept(@PathParam("id") long id,
            @Parameter(description = ETags.IF_MATCH_HELP) @HeaderParam(ETags.IF_MATCH) String ifMatch) {
        return introductions.answer(id, true, ETags.forChange(ifMatch)).orElseThrow(() -> ProblemException.notFound("Introduction", id));
    }

    @POST
    @Path("/{id}/decline")
    @Operation(operationId = "declineIntroduction", summary = "Decline an introduction", description = "The leader declines; no contact details are shared.")
    public IntroductionView decline(@PathParam("id") long id,
            @Parameter(description = ETags.IF_MATCH_HELP) @HeaderParam(ETags.IF_MATCH) String ifMatch) {
        return introductions.answer(id, false, ETags.forChange(ifMatch)).orElseThrow(() -> ProblemException.notFound("Introduction", id));
    }
}
