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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import io.vertx.core.http.HttpServerRequest;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Forgotten passwords: a mailed one-time link, then a new password. */
@Path("/api/password-reset")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Accounts")
public class PasswordResetResource {

    /** Said to everyone who asks, whether or not the address has an account. */
    public static final String ASKED = "If that address belongs to an account, we have mailed it a link to set a new password. "
            + "The link works once, for a short time.";

    @Inject
    PasswordResetService resets;

    public record ResetRequest(@NotBlank @Size(max = 254) @Schema(examples = "pat.partner@nhs.net") String email) {
    }

    public record NewPassword(@NotBlank @Size(max = 100) String token,
            @NotBlank @Size(max = 200) @Schema(description = "At least 12 characters, not a common password, not containing the username")
            String password) {
    }

    public record Message(String message) {
    }

    @POST
    @PermitAll
    @Operation(operationId = "askForPasswordReset", summary = "Ask for a password reset",
            description = "Mails a one-time link to the address if it belongs to an enabled account, at most 3 an hour per address and "
                    + "within a limit of asks per client. The answer is the same whether or not it does, and whether or not a limit was reached.")
    @APIResponse(responseCode = "202", description = "Asked", content = @Content(schema = @Schema(implementation = Message.class)))
    public Response ask(@Valid @NotNull ResetRequest request, @Context HttpServerRequest http) {
        resets.request(request.email(), MailAskLimits.clientOf(http));
        return Response.accepted(new Message(ASKED)).build();
    }

    @POST
    @Path("/completion")
    @PermitAll
    @Operation(operationId = "resetPassword", summary = "Set a new password with a reset link",
            description = "With the token from the reset mail (or from the mail of an approved account request). Every session of the account "
                    + "ends. A password that fails the policy is a 400 and the link still works; a forged, used, out-of-date link, or one of "
                    + "a disabled account, is a 410.")
    @APIResponse(responseCode = "200", description = "Set: sign in with it", content = @Content(schema = @Schema(implementation = Message.class)))
    @APIResponse(responseCode = "410", description = LinkProblems.GONE)
    public Message reset(@Valid @NotNull NewPassword input) {
        if (!resets.reset(input.token(), input.password())) {
            throw LinkProblems.gone();
        }
        return new Message("Your password is set. Sign in with it; every earlier session has ended.");
    }
}
