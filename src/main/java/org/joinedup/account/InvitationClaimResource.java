package org.joinedup.account;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.joinedup.security.AccountView;

/** Claiming an invitation with the token from its mailed link: anyone holding the link. */
@Path("/api/invitations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Accounts")
public class InvitationClaimResource {

    @Inject
    InvitationService invitations;

    public record Claim(@NotBlank @Size(max = 100) String token,
            @Size(max = 254) @Schema(description = "3 to 60 letters, digits, '.', '_' or '-'; left out, the invited address is the username")
            String username,
            @NotBlank @Size(max = 200) @Schema(description = "At least 12 characters, not a common password, not containing the username")
            String password) {
    }

    @POST
    @Path("/claim")
    @PermitAll
    @Operation(operationId = "claimInvitation", summary = "Claim an invitation",
            description = "With the token from the invitation's link: makes the leader account, with this username (or the invited address) and "
                    + "password. A password that fails the policy, or a taken username, is a 400 and the link still works; a forged, used, "
                    + "replaced or out-of-date link is a 410.")
    @APIResponse(responseCode = "201", description = "The account", content = @Content(schema = @Schema(implementation = AccountView.class)))
    @APIResponse(responseCode = "410", description = LinkProblems.GONE)
    public Response claim(@Valid @NotNull Claim claim) {
        var account = invitations.claim(claim.token(), claim.username(), claim.password()).orElseThrow(LinkProblems::gone);
        return Response.status(Response.Status.CREATED).entity(account).build();
    }
}
