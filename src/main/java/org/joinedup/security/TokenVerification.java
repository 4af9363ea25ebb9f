package org.joinedup.security;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.Set;

/**
 * Tells SmallRye JWT how to verify tokens: RS256 only (so "alg: none" and HMAC tricks are refused),
 * the expected issuer, an expiry, and the key: the service's own, or the external provider's.
 * The token comes from the web pages' session cookie or, for API clients, the Authorization header.
 */
@ApplicationScoped
public class TokenVerification {

    /** The HttpOnly cookie the web pages keep the signed-in account's token in (see org.joinedup.web.SignInPages). */
    public static final String SESSION_COOKIE = "joinedup-session";

    @Inject
    TokenConfig config;

    @Inject
    SigningKeys keys;

    @Produces
    @Alternative
    @Priority(1)
    @ApplicationScoped
    JWTAuthContextInfo verification() {
        var info = new JWTAuthContextInfo();
        info.setIssuedBy(config.issuer());
        info.setSignatureAlgorithm(Set.of(SignatureAlgorithm.RS256));
        info.setRequiredClaims(Set.of("exp", "iat", "iss"));
        info.setGroupsPath(config.rolesClaim());
        info.setExpGracePeriodSecs(30);
        // the session cookie first; without one, the Authorization: Bearer header as before
        info.setTokenHeader("Cookie");
        info.setTokenCookie(SESSION_COOKIE);
        info.setAlwaysCheckAuthorization(true);
        config.publicKeyLocation().ifPresentOrElse(info::setPublicKeyLocation, () -> info.setPublicVerificationKey(keys.publicKey()));
        return info;
    }
}
