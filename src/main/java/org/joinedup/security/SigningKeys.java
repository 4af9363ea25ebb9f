package org.joinedup.security;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The RSA key pair that signs and verifies the service's own tokens. Made at the first start and
 * kept in the database, so every service copy signs with the same key and tokens survive restarts.
 * Loaded at startup: loaded lazily, the first request after a restart carrying a token would read
 * the database on the IO thread, which is refused, and every such request failed with a 500 until
 * someone signed in (found by the matching benchmark).
 */
@Startup
@ApplicationScoped
public class SigningKeys {

    private static final Logger LOG = Logger.getLogger(SigningKeys.class);
    static final String KEY_ID = "joinedup-1";

    @Inject
    EntityManager em;

    private PrivateKey privateKey;
    private PublicKey publicKey;

    @PostConstruct
    void load() {
        var stored = read();
        if (stored.isEmpty()) {
            create();
            stored = read();
        }
        var row = stored.get(0);
        try {
            var rsa = KeyFactory.getInstance("RSA");
            privateKey = rsa.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode((String) row[0])));
            publicKey = rsa.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode((String) row[1])));
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException("the signing key in table signing_key cannot be read", e);
        }
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    @Transactional
    @SuppressWarnings("unchecked")
    List<Object[]> read() {
        return em.createNativeQuery("select private_key, public_key from signing_key where key_id = :id")
                .setParameter("id", KEY_ID).getResultList();
    }

    /** Two copies starting at once both generate; the first insert wins and both read it back. */
    @Transactional
    void create() {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            var pair = generator.generateKeyPair();
            int inserted = em.createNativeQuery("""
                    insert into signing_key (key_id, private_key, public_key) values (:id, :private, :public)
                    on conflict (key_id) do nothing""")
                    .setParameter("id", KEY_ID)
                    .setParameter("private", Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()))
                    .setParameter("public", Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()))
                    .executeUpdate();
            if (inserted == 1) {
                LOG.info("Generated the token signing key pair (table signing_key)");
            }
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
