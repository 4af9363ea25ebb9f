package org.joinedup.security;

import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashSet;

/**
 * Issues the service's own bearer tokens: the account (sub, upn), its roles, its session version (sv,
 * checked on every request by {@link AccountSessions}) and, for leaders, the leader id.
 */
@ApplicationScoped
public class TokenService {

    public record Token(String accessToken, String tokenType, long expiresIn) {
    }

    @Inject
    TokenConfig config;

    @Inject
    SigningKeys keys;

    Token issue(Account account) {
        var builder = Jwt.issuer(config.issuer())
                .audience(config.audience().get(0))
                .upn(account.username)
                .subject(String.valueOf(account.id))
                .groups(new HashSet<>(account.roles))
                .claim(AccountSessions.SESSION_CLAIM, account.sessionVersion)
                .expiresIn(config.lifespan());
        if (account.leaderId != null) {
            builder.claim(CurrentUser.LEADER_CLAIM, account.leaderId);
        }
        var key = keys.signing();
        var token = builder.jws().keyId(key.id()).sign(key.privateKey());
        return new Token(token, "Bearer", config.lifespan().toSeconds());
    }
}
