package org.joinedup.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The deployment's secret and how signing keys rotate. The secret (a random string of at least 32
 * characters, from the environment or a secret file) encrypts the signing keys at rest and keys the
 * CSRF tokens; the database alone is not enough to forge a token.
 */
@ConfigMapping(prefix = "joinedup.security.keys")
public interface KeyConfig {

    /** JOINEDUP_SECURITY_KEYS_ENCRYPTION_KEY: the secret itself. */
    Optional<String> encryptionKey();

    /** JOINEDUP_SECURITY_KEYS_ENCRYPTION_KEY_FILE: a file holding it (a Kubernetes secret mount, say). */
    Optional<Path> encryptionKeyFile();

    /**
     * How long a new key is only published before it signs: longer than {@link #refresh()}, so every
     * copy can verify a token signed with it before the first one is issued.
     */
    @WithDefault("2M")
    Duration publishDelay();

    /** How often each copy rereads the key set from the database. */
    @WithDefault("30S")
    Duration refresh();
}
