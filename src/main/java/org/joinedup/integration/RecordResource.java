package org.joinedup.integration;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.joinedup.platform.Page;
import org.joinedup.platform.PageRequest;
import org.joinedup.platform.ProblemException;

@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Integration records")
public class RecordResource {

    @Inject
    IntegrationRecordService records;

    @POST
    @Path("/leaders/{leaderId}/records")
    @Operation(summary = "Log a piece of integration work for a leader")
    public Response create(@PathParam("leaderId") long leaderId, @Valid @NotNull RecordInput input, @Context UriInfo uri) {
        var created = records.create(leaderId, input).orElseThrow(() -> ProblemException.notFound("Leader", leaderId));
        return Response.created(uri.getBaseUriBuilder().path("api/records/" + created.id()).build()).entity(created).build();
    }

    @GET
    @Path("/leaders/{leaderId}/records")
    @Operation(summary = "A leader's records, most recent first, a page at a time")
    public Page<RecordView> listOfLeader(@PathParam("leaderId") long leaderId, @Valid @BeanParam PageRequest paging) {
        return records.listOfLeader(leaderId, paging).orElseThrow(() -> ProblemException.notFound("Leader", leaderId));
    }

    @GET
    @Path("/records/{id}")
    @Operation(summary = "One integration record with its endorsements")
    public RecordView get(@PathParam("id") long id) {
        return records.find(id).orElseThrow(() -> ProblemException.notFound("Record", id));
    }

    @PUT
    @Path("/records/{id}")
    @Operation(summary = "Replace a record; send the version you read, a stale one is 409")
    public RecordView update(@PathParam("id") long id, @Valid @NotNull RecordInput input) {
        return records.update(id, input).orElseThrow(() -> ProblemException.notFound("Record", id));
    }

    @DELETE
    @Path("/records/{id}")
    @Operation(summary = "Remove a record and its endorsements")
    public Response delete(@PathParam("id") long id) {
        if (!records.delete(id)) {
            throw ProblemException.notFound("Record", id);
        }
        return Response.noContent().build();
    }

    @POST
    @Path("/records/{id}/endorsements")
    @Operation(summary = "Corroborate a record: an endorsement from a partner organisation, or a programme verification")
    public Response endorse(@PathParam("id") long id, @Valid @NotNull EndorsementInput input) {
        var record = records.endorse(id, input).orElseThrow(() -> ProblemException.notFound("Record", id));
        return Response.status(Response.Status.CREATED).entity(record).build();
    }
}
