package org.joinedup.security;

import io.agroal.api.AgroalDataSource;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * Refuses a token of the service's own whose account is gone, disabled, or has moved to a newer
 * session version (a role or password change, a disable, "sign out everywhere"): the token names
 * its account (sub) and the session version it was issued for (sv). One primary-key read per
 * request that carries a token, through plain JDBC on a worker thread (the cost is measured in
 * docs/benchmarks.md). External providers' tokens are revoked at the provider and pass unchanged.
 */
@ApplicationScoped
public class AccountSessions implements SecurityIdentityAugmentor {

    private static final Logger LOG = Logger.getLogger(AccountSessions.class);
    /** The claim holding the account's session version at issue. */
    public static final String SESSION_CLAIM = "sv";

    @Inject
    AgroalDataSource database;

    @Inject
    TokenConfig config;

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !config.issue() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        return context.runBlocking(() -> {
            if (!current(token)) {
                LOG.debugf("Refused a revoked token of %s", token.getName());
                throw new AuthenticationFailedException("the token was revoked; sign in again");
            }
            return identity;
        });
    }

    private boolean current(JsonWebToken token) {
        long accountId;
        int issuedFor;
        try {
            // custom claims arrive as JSON numbers, which are not java.lang.Number
            accountId = Long.parseLong(token.getSubject());
            issuedFor = Integer.parseInt(String.valueOf(token.<Object>getClaim(SESSION_CLAIM)));
        } catch (NumberFormatException e) {
            return false;
        }
        try (var connection = database.getConnection();
                var query = connection.prepareStatement("select session_version from account where id = ? and disabled_at is null")) {
            query.setLong(1, accountId);
            try (var row = query.executeQuery()) {
                return row.next() && row.getInt(1) == issuedFor;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot check the token's account", e);
        }
    }
}
