package org.joinedup.security;

import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashSet;

/** Issues the service's own bearer tokens: account name, roles and, for leaders, the leader id. */
@ApplicationScoped
public class TokenService {

    public record Token(String accessToken, String tokenType, long expiresIn) {
    }

    @Inject
    TokenConfig config;

    @Inject
    SigningKeys keys;

    public Token issue(AccountView account) {
        var builder = Jwt.issuer(config.issuer())
                .upn(account.username())
                .subject(String.valueOf(account.id()))
                .groups(new HashSet<>(account.roles()))
                .expiresIn(config.lifespan());
        if (account.leaderId() != null) {
            builder.claim(CurrentUser.LEADER_CLAIM, account.leaderId());
        }
        var token = builder.jws().keyId(SigningKeys.KEY_ID).sign(keys.privateKey());
        return new Token(token, "Bearer", config.lifespan().toSeconds());
    }
}
