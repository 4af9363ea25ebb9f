package org.joinedup.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * Refuses a token of the service's own whose account is gone, disabled, or has moved to a newer
 * session version (a role or password change, a disable, "sign out everywhere"), and a token signed
 * out by itself ({@link SignedOutTokens}): the token names its account (sub), the session version it
 * was issued for (sv) and its own id (jti). A version this copy remembers
 * ({@link SessionVersions}, which forgets it when the database says it changed) is checked on the
 * I/O thread; otherwise one primary-key read through plain JDBC on a worker thread (the costs are
 * in docs/benchmarks.md). External providers' tokens are revoked at the provider and pass unchanged.
 */
@ApplicationScoped
public class AccountSessions implements SecurityIdentityAugmentor {

    private static final Logger LOG = Logger.getLogger(AccountSessions.class);
    /** The claim holding the account's session version at issue. */
    public static final String SESSION_CLAIM = "sv";

    @Inject
    SessionVersions versions;

    @Inject
    TokenConfig config;

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !config.issue() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        long accountId;
        int issuedFor;
        try {
            // custom claims arrive as JSON numbers, which are not java.lang.Number
            accountId = Long.parseLong(token.getSubject());
            issuedFor = Integer.parseInt(String.valueOf(token.<Object>getClaim(SESSION_CLAIM)));
        } catch (NumberFormatException e) {
            return Uni.createFrom().failure(revoked(token));
        }
        var tokenId = token.getTokenID();
        // only an acceptance is trusted from memory: a token newer than what is remembered is read afresh
        if (versions.remembered(accountId).filter(s -> s.accepts(issuedFor, tokenId)).isPresent()) {
            return Uni.createFrom().item(identity);
        }
        return context.runBlocking(() -> {
            if (read(accountId).filter(s -> s.accepts(issuedFor, tokenId)).isEmpty()) {
                throw revoked(token);
            }
            return identity;
        });
    }

    private Optional<SessionVersions.Session> read(long accountId) {
        try {
            return versions.read(accountId);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot check the token's account", e);
        }
    }

    private static AuthenticationFailedException revoked(JsonWebToken token) {
        LOG.debugf("Refused a revoked token of %s", token.getName());
        return new AuthenticationFailedException("the token was revoked; sign in again");
    }
}
