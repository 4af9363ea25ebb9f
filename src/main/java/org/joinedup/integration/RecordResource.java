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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.joinedup.platform.ETags;
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
    @Operation(summary = "One integration record with its endorsements")
    public RecordView get(@PathParam("id") long id) {
        return records.find(id).orElseThrow(() -> ProblemException.notFound("Record", id));
    }

    @PUT
    @Path("/{id}")
    @WithETag
    @RolesAllowed({ Roles.LEADER, Roles.ADMIN })
    @Operation(summary = "Replace a record; send the version you read, or its ETag as If-Match: a stale one is 409, a stale If-Match 412")
    public RecordView update(@PathParam("id") long id, @Valid @NotNull RecordInput input,
            @Parameter(description = ETags.IF_MATCH_HELP) @HeaderParam(ETags.IF_MATCH) String ifMatch) {
        return records.update(id, input, ETags.forUpdate(ifMatch, input.version()))
                .orElseThrow(() -> ProblemException.notFound("Record", id));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({ Roles.LEADER, Roles.ADMIN })
    @Operation(summary = "Remove a record and its endorsements")
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
    @Operation(summary = "Ask a partner organisation to corroborate the record: 201 the first time, 200 when asked again (about the current revision)")
    public Response ask(@PathParam("id") long id, @Valid @NotNull CorroborationRequestInput input) {
        var asked = corroboration.ask(id, input).orElseThrow(() -> ProblemException.notFound("Record", id));
        return Response.status(asked.created() ? Response.Status.CREATED : Response.Status.OK).entity(asked.request()).build();
    }

    @GET
    @Path("/{id}/corroboration-requests")
    @RolesAllowed({ Roles.LEADER, Roles.COMMISSIONER, Roles.PROGRAMME, Roles.ADMIN })
    @Operation(summary = "The organisations asked to corroborate the record: all for its leader and staff, their own for an asked organisation's accounts")
    public List<CorroborationRequestView> requests(@PathParam("id") long id) {
        return corroboration.requestsOf(id).orElseThrow(() -> ProblemException.notFound("Record", id));
    }

    @POST
    @Path("/{id}/endorsements")
    @RolesAllowed({ Roles.LEADER, Roles.COMMISSIONER, Roles.PROGRAMME, Roles.ADMIN })
    @Operation(summary = "Confirm or reject the record's current revision for your organisation, once asked; who you are comes from your account",
            description = "201 the first time, 200 when your earlier endorsement was for an earlier revision; 409 when already given for this one")
    public Response endorse(@PathParam("id") long id, @Valid @NotNull EndorsementInput input) {
        return given(corroboration.endorse(id, input), id);
    }

    @POST
    @Path("/{id}/verifications")
    @RolesAllowed({ Roles.PROGRAMME, Roles.ADMIN })
    @Operation(summary = "Verify (or reject) the record's current revision for a programme, as programme staff")
    public Response verify(@PathParam("id") long id, @Valid @NotNull VerificationInput input) {
        return given(corroboration.verify(id, input), id);
    }

    private static Response given(Optional<CorroborationService.Given> given, long id) {
        var result = given.orElseThrow(() -> ProblemException.notFound("Record", id));
        return Response.status(result.created() ? Response.Status.CREATED : Response.Status.OK).entity(result.record()).build();
    }
}
