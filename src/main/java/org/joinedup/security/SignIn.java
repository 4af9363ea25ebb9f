package org.joinedup.security;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * One sign-in attempt, the same for the API (POST /api/auth/token) and the sign-in page: counted
 * and maybe delayed first, then the password, then a token. The client address is the connection's,
 * or the one a trusted proxy forwarded (quarkus.http.proxy.*, see docs/security.md).
 */
@ApplicationScoped
public class SignIn {

    private static final Logger LOG = Logger.getLogger(SignIn.class);

    public sealed interface Outcome {
    }

    public record SignedIn(AccountView account, TokenService.Token token) implements Outcome {
    }

    public record Refused() implements Outcome {
    }

    public record Delayed(Duration delay) implements Outcome {
        /** Whole seconds to wait, at least one. */
        public long seconds() {
            return Math.max(1, (delay.toMillis() + 999) / 1000);
        }
    }

    @Inject
    AccountService accounts;

    @Inject
    TokenService tokens;

    @Inject
    LoginThrottle throttle;

    public Outcome attempt(String username, String password, HttpServerRequest request) {
        var name = username.strip().toLowerCase(Locale.ROOT);
        var address = clientAddress(request);
        var wait = throttle.attempt(name, address);
        if (wait.isPresent()) {
            LOG.warnf("Sign-in for %s from %s delayed: too many attempts", name, address);
            return new Delayed(wait.get());
        }
        var account = accounts.authenticate(name, password);
        if (account.isEmpty()) {
            LOG.infof("Failed sign-in for %s from %s", name, address);
            return new Refused();
        }
        throttle.succeeded(name, address);
        return new SignedIn(accounts.view(account.get()), tokens.issue(account.get()));
    }

    /** After a password change: a fresh token for the new session version. */
    public TokenService.Token reissue(Account account) {
        return tokens.issue(account);
    }

    static String clientAddress(HttpServerRequest request) {
        return request == null || request.remoteAddress() == null ? "unknown" : request.remoteAddress().host();
    }
}
