package org.joinedup.security;

import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.joinedup.platform.Problem;
import org.joinedup.platform.ProblemException;

@Path("/api/auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Sign in")
public class AuthResource {

    /** A deployment that takes its tokens from an identity provider has no accounts or tokens of its own. */
    private static final String NOT_OWN_TOKENS = "Tokens come from an identity provider here, not from this service";

    @Inject
    SignIn signIn;

    @Inject
    AccountService accounts;

    @Inject
    CurrentUser user;

    @Inject
    TokenConfig config;

    @Inject
    SignedOutTokens signedOut;

    public record Credentials(@NotBlank @Size(max = 60) String username, @NotBlank @Size(max = 200) String password) {
    }

    public record PasswordChange(@NotBlank @Size(max = 200) String currentPassword,
            @NotBlank @Size(min = 12, max = 200, message = "must be 12 to 200 characters") String newPassword) {
    }

    @POST
    @Path("/token")
    @PermitAll
    @Operation(operationId = "signIn", summary = "Sign in: get a bearer token",
            description = "With username and password; send the answer's accessToken as Authorization: Bearer <token>. "
                    + "Repeated failures are delayed: 429 with Retry-After.")
    @APIResponse(responseCode = "200", description = "Signed in", content = @Content(schema = @Schema(implementation = TokenService.Token.class)))
    @APIResponse(responseCode = "401", description = "Wrong username or password")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    @APIResponse(responseCode = "404", description = NOT_OWN_TOKENS)
    public TokenService.Token token(@Valid @NotNull Credentials credentials, @Context HttpServerRequest request) {
        requireOwnTokens();
        var outcome = signIn.attempt(credentials.username(), credentials.password(), request);
        if (outcome instanceof SignIn.Delayed delayed) {
            throw tooManyAttempts(delayed);
        }
        if (outcome instanceof SignIn.SignedIn signedIn) {
            return signedIn.token();
        }
        throw new ProblemException(Problem.of("unauthorized", "Unauthorized", 401, "wrong username or password"));
    }

    @PUT
    @Path("/password")
    @Authenticated
    @Operation(operationId = "changePassword", summary = "Change your password",
            description = "The current password is required (wrong ones count towards the sign-in delay: 429 with Retry-After); "
                    + "the new one must meet the password policy (docs/accounts.md). Every other token of yours stops working; the answer is a new token.")
    @APIResponse(responseCode = "200", description = "Changed: a new token", content = @Content(schema = @Schema(implementation = TokenService.Token.class)))
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    @APIResponse(responseCode = "404", description = NOT_OWN_TOKENS)
    public TokenService.Token changePassword(@Valid @NotNull PasswordChange change, @Context HttpServerRequest request) {
        requireOwnTokens();
        var account = accounts.changePassword(user.name(), change.currentPassword(), change.newPassword(), SignIn.clientAddress(request));
        return signIn.reissue(account);
    }

    @POST
    @Path("/sign-out")
    @Authenticated
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "signOut", summary = "Sign out",
            description = "The token this request carries stops working, in every copy of the service; your other tokens go on.")
    @APIResponse(responseCode = "204", description = "Signed out")
    @APIResponse(responseCode = "404", description = NOT_OWN_TOKENS)
    @Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
    public Response signOut() {
        requireOwnTokens();
        user.token().ifPresent(signedOut::signOut);
        return Response.noContent().build();
    }

    @POST
    @Path("/sign-out-everywhere")
    @Authenticated
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "signOutEverywhere", summary = "Sign out everywhere",
            description = "Every token issued to your account so far, this one included, stops working.")
    @APIResponse(responseCode = "204", description = "Signed out")
    @APIResponse(responseCode = "404", description = NOT_OWN_TOKENS)
    // no body on success: a client that accepts only problem+json, what its errors are, is served (not 406)
    @Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
    public Response signOutEverywhere() {
        requireOwnTokens();
        accounts.revokeSessions(user.name());
        return Response.noContent().build();
    }

    private static ProblemException tooManyAttempts(SignIn.Delayed delayed) {
        return new ProblemException(Problem.of("too-many-attempts", "Too many attempts", 429,
                "too many sign-in attempts; try again in " + delayed.seconds() + " seconds")).retryAfter(delayed.seconds());
    }

    private void requireOwnTokens() {
        if (!config.issue()) {
            throw new ProblemException(Problem.of("not-found", "Not found", 404, NOT_OWN_TOKENS));
        }
    }
}
