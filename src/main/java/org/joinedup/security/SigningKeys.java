package org.joinedup.security;

import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The RSA key pairs that sign and verify the service's own tokens, kept in the database (private
 * keys encrypted under the deployment's secret) so every copy signs and verifies alike. Rotation adds
 * a key that is published first and signs only after {@link KeyConfig#publishDelay()}, so every copy
 * has reread it by then; the key it replaces keeps verifying the tokens it signed until they expire.
 * Loaded at startup: loaded lazily, the first request after a restart carrying a token would read
 * the database on the IO thread, which is refused (found by the matching benchmark).
 */
@Startup
@ApplicationScoped
public class SigningKeys {

    private static final Logger LOG = Logger.getLogger(SigningKeys.class);

    /** One key pair and when it signs; a retired key verifies until its last token expires. */
    public record Key(String id, PrivateKey privateKey, PublicKey publicKey, Instant signsFrom, Instant retiredAt) {
    }

    /** A key as admins see it: never the private key. */
    public record KeyView(String id, Instant signsFrom, Instant retiredAt, String state) {
    }

    @Inject
    EntityManager em;

    @Inject
    KeyEncryption encryption;

    @Inject
    KeyConfig config;

    @Inject
    TokenConfig tokens;

    Clock clock = Clock.systemUTC();

    private volatile List<Key> keys = List.of();

    @PostConstruct
    void load() {
        if (rows().isEmpty()) {
            insert(newKeyId(), clock.instant());
        }
        encryptPlainRows();
        refresh();
    }

    /** Rereads the key set, so a key rotated on another copy verifies here before it signs. */
    @Scheduled(every = "${joinedup.security.keys.refresh:30S}", delayed = "${joinedup.security.keys.refresh:30S}")
    void refresh() {
        keys = rows().stream().map(this::key).sorted(Comparator.comparing(Key::signsFrom)).toList();
    }

    /** The key that signs now: the newest whose signing time has come. */
    public Key signing() {
        var now = clock.instant();
        return keys.stream().filter(k -> !k.signsFrom().isAfter(now)).reduce((older, newer) -> newer)
                .orElseThrow(() -> new IllegalStateException("no signing key in table signing_key"));
    }

    /** The public key for a token's key id, while tokens it signed can still be valid. */
    public Optional<PublicKey> verifying(String keyId) {
        var now = clock.instant();
        return keys.stream().filter(k -> k.id().equals(keyId)).filter(k -> k.retiredAt() == null || now.isBefore(validUntil(k)))
                .map(Key::publicKey).findFirst();
    }

    /**
     * Adds the next key (it signs after the publish delay) and retires the current one at that moment;
     * keys whose tokens have all expired are deleted. Audited by the caller.
     */
    @Transactional
    public KeyView rotate() {
        // one rotation at a time across copies: the lock is held to the end of this transaction
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext('joinedup-signing-key-rotation'))").getSingleResult();
        var now = clock.instant();
        var signsFrom = now.plus(config.publishDelay());
        em.createNativeQuery("update signing_key set retired_at = :at where retired_at is null")
                .setParameter("at", signsFrom).executeUpdate();
        var id = newKeyId();
        insert(id, signsFrom);
        em.createNativeQuery("delete from signing_key where retired_at < :cutoff")
                .setParameter("cutoff", now.minus(tokens.lifespan()).minus(TokenVerification.EXPIRY_GRACE)).executeUpdate();
        LOG.infof("Rotated the token signing key: %s signs from %s", id, signsFrom);
        refresh();
        return views().stream().filter(v -> v.id().equals(id)).findFirst().orElseThrow();
    }

    public List<KeyView> views() {
        var now = clock.instant();
        return keys.stream().map(k -> new KeyView(k.id(), k.signsFrom(), k.retiredAt(), state(k, now))).toList();
    }

    private String state(Key key, Instant now) {
        if (key.signsFrom().isAfter(now)) {
            return "published";
        }
        if (key.retiredAt() == null || now.isBefore(key.retiredAt())) {
            return "signing";
        }
        return now.isBefore(validUntil(key)) ? "verifying" : "expired";
    }

    private Instant validUntil(Key key) {
        return key.retiredAt().plus(tokens.lifespan()).plus(TokenVerification.EXPIRY_GRACE);
    }

    private static String newKeyId() {
        return "jk-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Transactional
    @SuppressWarnings("unchecked")
    List<Object[]> rows() {
        return em.createNativeQuery("select key_id, private_key, public_key, signs_from, retired_at from signing_key").getResultList();
    }

    /** Two copies starting at once on an empty table both insert; both then read both keys, and the newer signs. */
    @Transactional
    void insert(String id, Instant signsFrom) {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            var pair = generator.generateKeyPair();
            em.createNativeQuery("""
                    insert into signing_key (key_id, private_key, public_key, signs_from) values (:id, :private, :public, :from)""")
                    .setParameter("id", id)
                    .setParameter("private", encryption.encrypt(pair.getPrivate().getEncoded()))
                    .setParameter("public", Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()))
                    .setParameter("from", signsFrom)
                    .executeUpdate();
            LOG.infof("Generated token signing key %s (table signing_key, private key encrypted)", id);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Keys stored in plain text by an earlier version are encrypted in place once. */
    @Transactional
    void encryptPlainRows() {
        for (var row : rows()) {
            var stored = (String) row[1];
            if (!KeyEncryption.isEncrypted(stored)) {
                em.createNativeQuery("update signing_key set private_key = :enc where key_id = :id and private_key = :plain")
                        .setParameter("enc", encryption.encrypt(Base64.getDecoder().decode(stored)))
                        .setParameter("id", row[0]).setParameter("plain", stored).executeUpdate();
                LOG.infof("Encrypted signing key %s at rest", row[0]);
            }
        }
    }

    private Key key(Object[] row) {
        try {
            var rsa = KeyFactory.getInstance("RSA");
            var privateKey = rsa.generatePrivate(new PKCS8EncodedKeySpec(encryption.decrypt((String) row[1])));
            var publicKey = rsa.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode((String) row[2])));
            return new Key((String) row[0], privateKey, publicKey, instant(row[3]), row[4] == null ? null : instant(row[4]));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing key " + row[0] + " in table signing_key cannot be read", e);
        }
    }

    /** A timestamptz read by a native query, whichever Java type the driver gave it as. */
    static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
