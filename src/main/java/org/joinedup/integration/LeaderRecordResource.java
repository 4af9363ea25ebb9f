package org.joinedup.integration;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.joinedup.platform.Page;
import org.joinedup.platform.PageRequest;
import org.joinedup.platform.ProblemException;
import org.joinedup.platform.WithETag;
import org.joinedup.security.Roles;

/**
 * A leader's records. A class of its own because JAX-RS matches the class path first: under a
 * class at /api the longer /api/leaders of LeaderResource would win and these would be 404.
 */
@Path("/api/leaders/{leaderId}/records")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Integration records")
public class LeaderRecordResource {

    @Inject
    IntegrationRecordService records;

    @POST
    @WithETag
    // any role: a delegate may be any account; the service decides (403)
    @RolesAllowed({ Roles.LEADER, Roles.COMMISSIONER, Roles.PROGRAMME, Roles.ADMIN })
    @Operation(operationId = "createRecord", summary = "Log a piece of integration work",
            description = "A leader logs their own work (or their delegate does), an admin anyone's: where, which services were joined up, the approaches, "
                    + "scope, role, period and outcomes. The answer is the record as stored; Location is /api/records/{id}.")
    @APIResponse(responseCode = "201", description = "Logged", content = @Content(schema = @Schema(implementation = RecordView.class)))
    public Response create(@PathParam("leaderId") long leaderId, @Valid @NotNull RecordInput input, @Context UriInfo uri) {
        var created = records.create(leaderId, input).orElseThrow(() -> ProblemException.notFound("Leader", leaderId));
        return Response.created(uri.getBaseUriBuilder().path("api/records/" + created.id()).build()).entity(created).build();
    }

    @GET
    @PermitAll
    @Operation(operationId = "listLeaderRecords", summary = "List a leader's records",
            description = "A leader's records, most recent first, a page at a time; 404 when the leader is hidden from you.")
    public Page<RecordView> list(@PathParam("leaderId") long leaderId, @Valid @BeanParam PageRequest paging) {
        return records.listOfLeader(leaderId, paging).orElseThrow(() -> ProblemException.notFound("Leader", leaderId));
    }
}
