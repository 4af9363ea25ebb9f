package org.joinedup.security;

import static org.joinedup.security.SecurityFixtures.as;
import static org.joinedup.security.SecurityFixtures.withToken;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.joinedup.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The signing keys are encrypted at rest, and rotate without signing anyone out. */
@QuarkusTest
class SigningKeysTest {

    @Inject
    EntityManager em;

    @Inject
    SigningKeys keys;

    @BeforeAll
    static void anonymous() {
        Fixtures.actAnonymously();
    }

    @SuppressWarnings("unchecked")
    private List<String> storedPrivateKeys() {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("select private_key from signing_key").getResultList());
    }

    private static String keyIdOf(String token) {
        var header = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))), StandardCharsets.UTF_8);
        return header.replaceAll(".*\"kid\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }

    @Test
    void privateKeysAreStoredEncrypted() {
        var stored = storedPrivateKeys();
        assertFalse(stored.isEmpty());
        var plain = Base64.getEncoder().encodeToString(keys.signing().privateKey().getEncoded());
        for (var value : stored) {
            assertTrue(value.startsWith("aesgcm:"), "stored in plain text: " + value.substring(0, 12));
            assertFalse(value.contains(plain.substring(0, 40)));
        }
    }

    @Test
    void aRotatedKeyIsPublishedFirstThenSignsWhileTheOldOneStillVerifies() {
        var before = Fixtures.token("demo-commissioner");
        var oldKey = keyIdOf(before);

        var rotated = as("demo-admin").when().post("/api/admin/signing-keys/rotate").then().statusCode(201)
                .extract().jsonPath();
        var newKey = rotated.getString("id");
        assertEquals("published", rotated.getString("state"));
        assertNotEquals(oldKey, newKey);
        // not signing yet: every copy has the publish delay to learn the key first
        assertEquals(oldKey, keyIdOf(Fixtures.token("demo-commissioner")));

        Fixtures.sleep(2_500);
        var after = Fixtures.token("demo-commissioner");
        assertEquals(newKey, keyIdOf(after));
        withToken(after).when().get("/api/me").then().statusCode(200);
        withToken(before).when().get("/api/me").then().statusCode(200);

        var states = as("demo-admin").when().get("/api/admin/signing-keys").then().statusCode(200).extract().jsonPath();
        assertEquals("signing", states.getString("find { it.id == '" + newKey + "' }.state"));
        assertEquals("verifying", states.getString("find { it.id == '" + oldKey + "' }.state"));
        assertTrue(storedPrivateKeys().stream().allMatch(v -> v.startsWith("aesgcm:")));
    }

    @Test
    void onlyAdminsSeeOrRotateKeys() {
        as("demo-programme").when().get("/api/admin/signing-keys").then().statusCode(403);
        as("demo-programme").when().post("/api/admin/signing-keys/rotate").then().statusCode(403);
    }
}
