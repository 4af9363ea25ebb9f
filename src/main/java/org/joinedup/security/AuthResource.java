package org.joinedup.security;

import io.vertx.core.http.HttpServerRequest;
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
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import org.joinedup.platform.Problem;
import org.joinedup.platform.ProblemException;

@Path("/api/auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Sign in")
public class AuthResource {

    private static final Logger LOG = Logger.getLogger(AuthResource.class);

    @Inject
    AccountService accounts;

    @Inject
    TokenService tokens;

    @Inject
    LoginThrottle throttle;

    @Inject
    TokenConfig config;

    public record Credentials(@NotBlank @Size(max = 60) String username, @NotBlank @Size(max = 200) String password) {
    }

    @POST
    @Path("/token")
    @PermitAll
    @Operation(summary = "Sign in with username and password; answers a bearer token (429 after repeated failures)")
    public TokenService.Token token(@Valid @NotNull Credentials credentials, @Context HttpServerRequest request) {
        if (!config.issue()) {
            throw new ProblemException(Problem.of("not-found", "Not found", 404, "tokens come from the identity provider here"));
        }
        var username = credentials.username().strip().toLowerCase(Locale.ROOT);
        var address = request.remoteAddress() == null ? "unknown" : request.remoteAddress().host();
        throttle.blockedFor(username, address).ifPresent(wait -> {
            LOG.warnf("Sign-in refused for %s from %s: too many failures", username, address);
            throw new ProblemException(Problem.of("too-many-attempts", "Too many attempts", 429,
                    "too many failed sign-ins; try again in " + wait.toSeconds() + " seconds"));
        });
        var account = accounts.authenticate(username, credentials.password());
        if (account.isEmpty()) {
            throttle.failed(username, address);
            LOG.infof("Failed sign-in for %s from %s", username, address);
            throw new ProblemException(Problem.of("unauthorized", "Unauthorized", 401, "wrong username or password"));
        }
        throttle.succeeded(username);
        return tokens.issue(account.get());
    }
}
