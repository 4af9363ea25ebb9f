package org.joinedup.security;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Set;

/**
 * Tells SmallRye JWT how to verify tokens: RS256 only (so "alg: none" and HMAC tricks are refused),
 * the expected issuer and audience, an expiry, and the key: the external provider's, or for the
 * service's own tokens the key their key id names ({@link KeyedTokenParser}). The token comes from
 * the web pages' session cookie or, for API clients, the Authorization header.
 */
@ApplicationScoped
public class TokenVerification {

    /** The HttpOnly cookie the web pages keep the signed-in account's token in (see org.joinedup.web.SignInPages). */
    public static final String SESSION_COOKIE = "joinedup-session";
    static final Duration EXPIRY_GRACE = Duration.ofSeconds(30);

    @Inject
    TokenConfig config;

    @Produces
    @Alternative
    @Priority(1)
    @ApplicationScoped
    JWTAuthContextInfo verification() {
        var info = new JWTAuthContextInfo();
        info.setIssuedBy(config.issuer());
        info.setExpectedAudience(Set.copyOf(config.audience()));
        info.setSignatureAlgorithm(Set.of(SignatureAlgorithm.RS256));
        info.setRequiredClaims(Set.of("exp", "iat", "iss", "aud"));
        info.setGroupsPath(config.rolesClaim());
        info.setExpGracePeriodSecs((int) EXPIRY_GRACE.toSeconds());
        // the session cookie first; without one, the Authorization: Bearer header as before
        info.setTokenHeader("Cookie");
        info.setTokenCookie(SESSION_COOKIE);
        info.setAlwaysCheckAuthorization(true);
        config.publicKeyLocation().ifPresent(info::setPublicKeyLocation);
        return info;
    }
}
