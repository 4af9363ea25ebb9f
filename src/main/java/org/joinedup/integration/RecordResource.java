package org.joinedup.integration;

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

@Path("/api/records")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Integration records")
public class RecordResource {

    @Inject
    IntegrationRecordService records;

    @GET
    @Path("/{id}")
    @Operation(summary = "One integration record with its endorsements")
    public RecordView get(@PathParam("id") long id) {
        return records.find(id).orElseThrow(() -> ProblemException.notFound("Record", id));
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Replace a record; send the version you read, a stale one is 409")
    public RecordView update(@PathParam("id") long id, @Valid @NotNull RecordInput input) {
        return records.update(id, input).orElseThrow(() -> ProblemException.notFound("Record", id));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Remove a record and its endorsements")
    public Response delete(@PathParam("id") long id) {
        if (!records.delete(id)) {
            throw ProblemException.notFound("Record", id);
        }
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/endorsements")
    @Operation(summary = "Corroborate a record: an endorsement from a partner organisation, or a programme verification")
    public Response endorse(@PathParam("id") long id, @Valid @NotNull EndorsementInput input) {
        var record = records.endorse(id, input).orElseThrow(() -> ProblemException.notFound("Record", id));
        return Response.status(Response.Status.CREATED).entity(record).build();
    }
}
