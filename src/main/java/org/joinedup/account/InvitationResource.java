package org.joinedup.account;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.joinedup.platform.ProblemException;
import org.joinedup.security.CurrentUser;
import org.joinedup.security.Roles;

/** Programme staff invite a leader to claim their profile (InvitationClaimResource takes the claim). */
@Path("/api/leaders/{id}/invitation")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Accounts")
public class InvitationResource {

    @Inject
    InvitationService invitations;

    @Inject
    CurrentUser user;

    public record InvitationInput(@NotBlank @Size(max = 254) @Schema(examples = "priya.raman@nhs.net") String email) {
    }


    @POST
    @RolesAllowed({ Roles.PROGRAMME, Roles.ADMIN })
    @Operation(operationId = "inviteLeader", summary = "Invite a leader to claim their profile",
            description = "Mails a one-time link to the address; following it, the person sets a password and gets a leader account "
                    + "for this leader. Inviting again replaces the earlier link. 409 if the leader, or the address, has an account already.")
    @APIResponse(responseCode = "202", description = "The invitation is queued to be mailed",
            content = @Content(schema = @Schema(implementation = InvitationService.Invitation.class)))
    public Response invite(@PathParam("id") long id, @Valid @NotNull InvitationInput input) {
        var invitation = invitations.invite(id, input.email(), user.name()).orElseThrow(() -> ProblemException.notFound("Leader", id));
        return Response.accepted(invitation).build();
    }
}
