package org.joinedup.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;
import java.util.List;

/**
 * Which bearer tokens the service accepts. By default its own (RS256, signed with {@link SigningKeys},
 * issued at POST /api/auth/token). Set {@code public-key-location} (a PEM or JWKS file or URL),
 * {@code issuer} and {@code audience} to accept an external identity provider's tokens instead, by
 * configuration alone.
 */
@ConfigMapping(prefix = "joinedup.security.token")
public interface TokenConfig {

    @WithDefault("https://joinedup.local/issuer")
    String issuer();

    /**
     * The audiences a token must name (aud). The service's own tokens name the first; an external
     * provider's must name one of them, so a token it issued for another application is refused.
     */
    @WithDefault("joinedup-api")
    List<String> audience();

    /**
     * One hour: every request checks the token against its account's session version, so a token is
     * revoked at once by a role or password change, disable or "sign out everywhere"; a shorter life
     * would only make people sign in more often.
     */
    @WithDefault("1H")
    Duration lifespan();

    /** External identity provider: where its public key or JWKS is. Absent: the service's own keys. */
    Optional<String> publicKeyLocation();

    /** The claim holding the roles (a path such as realm_access/roles for Keycloak). */
    @WithDefault("groups")
    String rolesClaim();

    /** Whether this service issues tokens itself (off when an external provider does). */
    @WithDefault("true")
    boolean issue();
}
