package org.joinedup.integration;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.joinedup.platform.ProblemException;
import org.joinedup.security.Roles;

@Path("/api/records")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Integration records")
public class RecordResource {

    @Inject
    IntegrationRecordService records;

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(summary = "One integration record with its endorsements")
    public RecordView get(@PathParam("id") long id) {
        return records.find(id).orElseThrow(() -> ProblemException.notFound("Record", id));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({ Roles.LEADER, Roles.ADMIN })
    @Operation(summary = "Replace a record; send the version you read, a stale one is 409")
    public RecordView update(@PathParam("id") long id, @Valid @NotNull RecordInput input) {
        return records.update(id, input).orElseThrow(() -> ProblemException.notFound("Record", id));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({ Roles.LEADER, Roles.ADMIN })
    @Operation(summary = "Remove a record and its endorsements")
    public Response delete(@PathParam("id") long id) {
        if (!records.delete(id)) {
            throw ProblemException.notFound("Record", id);
        }
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/endorsements")
    @RolesAllowed({ Roles.LEADER, Roles.COMMISSIONER, Roles.PROGRAMME, Roles.ADMIN })
    @Operation(summary = "Corroborate a record: an endorsement from a partner organisation, or a programme verification")
    public Response endorse(@PathParam("id") long id, @Valid @NotNull EndorsementInput input) {
        var record = records.endorse(id, input).orElseThrow(() -> ProblemException.notFound("Record", id));
        return Response.status(Response.Status.CREATED).entity(record).build();
    }
}
