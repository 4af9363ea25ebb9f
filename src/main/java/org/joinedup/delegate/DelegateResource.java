package org.joinedup.delegate;

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

/** A leader's delegates; a class of its own beside /api/leaders (see LeaderRecordResource). */
@Path("/api/leaders/{leaderId}/delegates")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Delegates")
public class DelegateResource {

    @Inject
    DelegateService delegates;

    @POST
    @RolesAllowed({ Roles.LEADER, Roles.ADMIN })
    @Operation(operationId = "grantDelegate", summary = "Make an account your delegate",
            description = "The leader (or an admin) lets an existing account, named by username, edit the leader's profile fields and records. "
                    + "A delegate cannot change visibility or contact details, remove the profile or records, grant further, "
                    + "or endorse, verify or answer for the leader. 201 the first time, 200 when the account is a delegate already; "
                    + "400 naming username for an unknown or disabled account or the leader's own.")
    @APIResponse(responseCode = "201", description = "Granted", content = @Content(schema = @Schema(implementation = DelegateView.class)))
    @APIResponse(responseCode = "200", description = "Already a delegate", content = @Content(schema = @Schema(implementation = DelegateView.class)))
    public Response grant(@PathParam("leaderId") long leaderId, @Valid @NotNull DelegateInput input) {
        var granted = delegates.grant(leaderId, input).orElseThrow(() -> ProblemException.notFound("Leader", leaderId));
        return Response.status(granted.created() ? Response.Status.CREATED : Response.Status.OK).entity(granted.delegate()).build();
    }

    @GET
    @RolesAllowed({ Roles.LEADER, Roles.ADMIN })
    @Operation(operationId = "listDelegates", summary = "List a leader's delegates",
            description = "For the leader and admins: who may edit the profile and records, since when and granted by whom.")
    public List<DelegateView> list(@PathParam("leaderId") long leaderId) {
        return delegates.list(leaderId).orElseThrow(() -> ProblemException.notFound("Leader", leaderId));
    }

    @DELETE
    @Path("/{username}")
    @RolesAllowed({ Roles.LEADER, Roles.COMMISSIONER, Roles.PROGRAMME, Roles.ADMIN })
    @Operation(operationId = "revokeDelegate", summary = "End a delegate's access",
            description = "The leader or an admin revokes a delegate; a delegate may step down themself. It holds from the delegate's next request.")
    @APIResponse(responseCode = "204", description = "Revoked")
    // no body on success: a client that accepts only problem+json, what its errors are, is served (not 406)
    @Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
    public Response revoke(@PathParam("leaderId") long leaderId, @PathParam("username") String username) {
        if (!delegates.revoke(leaderId, username)) {
            throw ProblemException.notFound("Delegate", username);
        }
        return Response.noContent().build();
    }
}
