package org.joinedup.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * Which bearer tokens the service accepts. By default its own (RS256, signed with {@link SigningKeys},
 * issued at POST /api/auth/token). Set {@code public-key-location} (a PEM or JWKS file or URL) and
 * {@code issuer} to accept an external identity provider's tokens instead, by configuration alone.
 */
@ConfigMapping(prefix = "joinedup.security.token")
public interface TokenConfig {

    @WithDefault("https://joinedup.local/issuer")
    String issuer();

    @WithDefault("1H")
    Duration lifespan();

    /** External identity provider: where its public key or JWKS is. Absent: the service's own key. */
    Optional<String> publicKeyLocation();

    /** The claim holding the roles (a path such as realm_access/roles for Keycloak). */
    @WithDefault("groups")
    String rolesClaim();

    /** Whether this service issues tokens itself (off when an external provider does). */
    @WithDefault("true")
    boolean issue();
}
