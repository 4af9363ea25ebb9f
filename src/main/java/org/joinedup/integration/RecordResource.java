package org.joinedup.integration;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.joinedup.platform.ETags;
import org.joinedup.platform.Problem;
import org.joinedup.platform.ProblemException;
import org.joinedup.platform.WithETag;
import org.joinedup.security.Roles;

@Path("/api/records")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Integration records")
public class RecordResource {

    @Inject
    IntegrationRecordService records;

    @Inject
    CorroborationService corroboration;

    @GET
    @Path("/{id}")
    @WithETag
    @PermitAll
    @Operation(operationId = "getRecord", summary = "Get a record",
            description = "One integration record with its outcomes, evidence and the corroboration it holds; 404 when hidden from you.")
    public RecordView get(@PathParam("id") long id) {
        return records.find(id).orElseThrow(() -> ProblemException.notFound("Record", id));
    }

    @PUT
    @Path("/{id}")
    @WithETag
    // any role: a delegate may be any account; the service decides (403)
    @RolesAllowed({ Roles.LEADER, Roles.COMMISSIONER, Roles.PROGRAMME, Roles.ADMIN })
    @Operation(operationId = "updateRecord", summary = "Replace a record",
            description = "The record's leader, their delegate or an admin. Send the version you read, or its ETag as If-Match: a stale version is 409, a stale If-Match 412. A material change asks for corroboration again.")
    public RecordView update(@PathParam("id") long id, @Valid @NotNull RecordInput input,
            @Parameter(description = ETags.IF_MATCH_HELP) @HeaderParam(ETags.IF_MATCH) String ifMatch) {
        return records.update(id, input, ETags.forUpdate(ifMatch, input.version()))
                .orElseThrow(() -> ProblemException.notFound("Record", id));
    }

    @POST
    @Path("/{id}/publish")
    @WithETag
    // no body: a client need not send a content type
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({ Roles.LEADER, Roles.ADMIN })
    @Operation(operationId = "publishRecord", summary = "Publish a draft record",
            description = "A draft (started from a follow-up answer) is checked against the rules every record meets, all problems at "
                    + "once, and published: from then on it is searchable and shown on the profile. 409 when it is already published; "
                    + "If-Match optional (a stale one is 412).")
    public RecordView publish(@PathParam("id") long id,
            @Parameter(description = ETags.IF_MATCH_HELP) @HeaderParam(ETags.IF_MATCH) String ifMatch) {
        return records.publish(id, ETags.forChange(ifMatch)).orElseThrow(() -> ProblemException.notFound("Record", id));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({ Roles.LEADER, Roles.ADMIN })
    @Operation(operationId = "deleteRecord", summary = "Remove a record",
            description = "Removes the record and its endorsements: the record's leader or an admin, never a delegate.")
    @APIResponse(responseCode = "204", description = "Removed")
    // no body on success: a client that accepts only problem+json, what its errors are, is served (not 406)
    @Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
    public Response delete(@PathParam("id") long id,
            @Parameter(description = ETags.IF_MATCH_HELP) @HeaderParam(ETags.IF_MATCH) String ifMatch) {
        if (!records.delete(id, ETags.forChange(ifMatch))) {
            throw ProblemException.notFound("Record", id);
        }
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/corroboration-requests")
    @RolesAllowed({ Roles.LEADER, Roles.PROGRAMME, Roles.ADMIN })
    @Operation(operationId = "askCorroboration", summary = "Ask a partner organisation to corroborate a record",
            description = "The organisation must be one of the record's partners. 201 the first time, 200 when asked again "
                    + "(about the current revision).")
    @APIResponse(responseCode = "201", description = "Asked", content = @Content(schema = @Schema(implementation = CorroborationRequestView.class)))
    @APIResponse(responseCode = "200", description = "Asked again", content = @Content(schema = @Schema(implementation = CorroborationRequestView.class)))
    public Response ask(@PathParam("id") long id, @Valid @NotNull CorroborationRequestInput input) {
        var asked = corroboration.ask(id, input).orElseThrow(() -> ProblemException.notFound("Record", id));
        return Response.status(asked.created() ? Response.Status.CREATED : Response.Status.OK).entity(asked.request()).build();
    }

    @GET
    @Path("/{id}/corroboration-requests")
    @RolesAllowed({ Roles.LEADER, Roles.COMMISSIONER, Roles.PROGRAMME, Roles.ADMIN })
    @Operation(operationId = "listCorroborationRequests", summary = "List the organisations asked to corroborate a record",
            description = "All of them for the record's leader and for staff; its own for an account of an asked organisation.")
    public List<CorroborationRequestView> requests(@PathParam("id") long id) {
        return corroboration.requestsOf(id).orElseThrow(() -> ProblemException.notFound("Record", id));
    }

    @POST
    @Path("/{id}/endorsements")
    @RolesAllowed({ Roles.LEADER, Roles.COMMISSIONER, Roles.PROGRAMME, Roles.ADMIN })
    @Operation(operationId = "endorseRecord", summary = "Confirm or reject a record for your organisation",
            description = "Answers a corroboration request about the record's current revision; who you are comes from your account. "
                    + "201 the first time, 200 when your earlier endorsement was for an earlier revision; 409 when already given for this one.")
    @APIResponse(responseCode = "201", description = "Given", content = @Content(schema = @Schema(implementation = RecordView.class)))
    @APIResponse(responseCode = "200", description = "Given again, for the current revision", content = @Content(schema = @Schema(implementation = RecordView.class)))
    public Response endorse(@PathParam("id") long id, @Valid @NotNull EndorsementInput input) {
        return given(corroboration.endorse(id, input), id);
    }

    @POST
    @Path("/{id}/verifications")
    @RolesAllowed({ Roles.PROGRAMME, Roles.ADMIN })
    @Operation(operationId = "verifyRecord", summary = "Verify a record for a programme",
            description = "Programme staff verify (or reject) the record's current revision for a programme. "
                    + "201 the first time, 200 when an earlier verification was for an earlier revision.")
    @APIResponse(responseCode = "201", description = "Verified", content = @Content(schema = @Schema(implementation = RecordView.class)))
    @APIResponse(responseCode = "200", description = "Verified again, for the current revision", content = @Content(schema = @Schema(implementation = RecordView.class)))
    public Response verify(@PathParam("id") long id, @Valid @NotNull VerificationInput input) {
        return given(corroboration.verify(id, input), id);
    }

    private static Response given(Optional<CorroborationService.Given> given, long id) {
        var result = given.orElseThrow(() -> ProblemException.notFound("Record", id));
        return Response.status(result.created() ? Response.Status.CREATED : Response.Status.OK).entity(result.record()).build();
    }
}
