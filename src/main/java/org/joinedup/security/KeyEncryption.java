package org.joinedup.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secrets kept in the database (the token signing keys) with AES-256-GCM under a key the
 * deployment provides, and derives other keys (CSRF) from that secret. Without the secret the
 * service does not start: a key kept in plain text next to the data it protects protects nothing.
 */
@ApplicationScoped
public class KeyEncryption {

    static final String PREFIX = "aesgcm:";
    static final int MIN_SECRET_LENGTH = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    KeyConfig config;

    private byte[] secret;
    private SecretKeySpec aesKey;

    @PostConstruct
    void init() {
        var text = config.encryptionKey().filter(s -> !s.isBlank()).orElseGet(this::fromFile).strip();
        if (text.length() < MIN_SECRET_LENGTH) {
            throw new IllegalStateException("joinedup.security.keys.encryption-key must be at least " + MIN_SECRET_LENGTH
                    + " characters (a random secret; bin/joinedup makes one for local use)");
        }
        secret = text.getBytes(StandardCharsets.UTF_8);
        aesKey = new SecretKeySpec(derive("signing-key-encryption"), "AES");
    }

    private String fromFile() {
        var file = config.encryptionKeyFile().orElseThrow(() -> new IllegalStateException(
                "no key-encryption key: set JOINEDUP_SECURITY_KEYS_ENCRYPTION_KEY or JOINEDUP_SECURITY_KEYS_ENCRYPTION_KEY_FILE "
                        + "(bin/joinedup makes one for local use)"));
        if (!Files.exists(file)) {
            throw new IllegalStateException("no key-encryption key file " + file + ": run bin/joinedup services (it makes one for "
                    + "local use), or set JOINEDUP_SECURITY_KEYS_ENCRYPTION_KEY or JOINEDUP_SECURITY_KEYS_ENCRYPTION_KEY_FILE");
        }
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the key-encryption key file " + file, e);
        }
    }

    /** A 256-bit key for one purpose, derived from the deployment secret (HMAC-SHA256 as the derivation). */
    public byte[] derive(String purpose) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(("joinedup:" + purpose).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String encrypt(byte[] plain) {
        try {
            var iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, aesKey, new GCMParameterSpec(TAG_BITS, iv));
            var sealed = cipher.doFinal(plain);
            var out = Arrays.copyOf(iv, IV_BYTES + sealed.length);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Fails when the stored value was encrypted under another secret: the service must not start with the wrong one. */
    public byte[] decrypt(String stored) {
        if (!isEncrypted(stored)) {
            throw new IllegalArgumentException("not an encrypted value");
        }
        var data = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        try {
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, aesKey, new GCMParameterSpec(TAG_BITS, data, 0, IV_BYTES));
            return cipher.doFinal(data, IV_BYTES, data.length - IV_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a signing key cannot be decrypted: the key-encryption key is not the one it was "
                    + "encrypted with (joinedup.security.keys.encryption-key)", e);
        }
    }

    public static boolean isEncrypted(String stored) {
        return stored.startsWith(PREFIX);
    }
}
