package org.joinedup.integration;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.joinedup.platform.Problem;
import org.joinedup.platform.ProblemException;
import org.joinedup.security.Roles;

/** A record's other leaders (docs/co-led-records.md); a class of its own beside RecordResource, which is long enough. */
@Path("/api/records/{id}/co-leaders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Integration records")
public class CoLeaderResource {

    @Inject
    CoLeadService coLeads;

    @POST
    // any role: a delegate may be any account; the service decides (403), as for editing the record
    @RolesAllowed({ Roles.LEADER, Roles.COMMISSIONER, Roles.PROGRAMME, Roles.ADMIN })
    @Operation(operationId = "inviteCoLeader", summary = "Invite a leader who led the record together with its leader",
            description = "Whoever may edit the record names a leader of the registry (leaderId) or a person not in it (name, email: "
                    + "they become a leader and are invited to claim the profile), with their role. The record shows as theirs once "
                    + "they confirm. 400 for the record's own leader or an unknown role, 404 for a leader hidden from you, 409 when "
                    + "invited already.")
    @APIResponse(responseCode = "201", description = "Invited", content = @Content(schema = @Schema(implementation = CoLeaderView.class)))
    public Response invite(@PathParam("id") long id, @Valid @NotNull CoLeaderInput input) {
        var invited = coLeads.invite(id, input).orElseThrow(() -> ProblemException.notFound("Record", id));
        return Response.status(Response.Status.CREATED).entity(invited).build();
    }

    @GET
    @RolesAllowed({ Roles.LEADER, Roles.COMMISSIONER, Roles.PROGRAMME, Roles.ADMIN })
    @Operation(operationId = "listCoLeaders", summary = "List the record's co-leaders",
            description = "All of them, waiting invitations too, for whoever may edit the record and for its co-leaders; for anyone "
                    + "else those who confirmed and whom you may see. At most 20.")
    public List<CoLeaderView> list(@PathParam("id") long id) {
        return coLeads.of(id).orElseThrow(() -> ProblemException.notFound("Record", id));
    }

    @DELETE
    @Path("/{leaderId}")
    @RolesAllowed({ Roles.LEADER, Roles.COMMISSIONER, Roles.PROGRAMME, Roles.ADMIN })
    @Operation(operationId = "removeCoLeader", summary = "Remove a co-leader, or leave a record",
            description = "Whoever may edit the record removes a co-leader; a co-leader removes themself. 404 when the leader is not "
                    + "one of the record's co-leaders.")
    @APIResponse(responseCode = "204", description = "Removed")
    @Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
    public Response remove(@PathParam("id") long id, @PathParam("leaderId") long leaderId) {
        if (!coLeads.remove(id, leaderId)) {
            throw ProblemException.notFound("Co-leader", leaderId);
        }
        return Response.noContent().build();
    }
}
