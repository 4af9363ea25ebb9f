package org.joinedup.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.joinedup.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Only genuine, current tokens of this service get in; guessing passwords is slowed to a stop. */
@QuarkusTest
class TokenTest {

    private static final String ADMIN_ONLY = "/api/admin/outbox";

    @Inject
    SigningKeys keys;

    @Inject
    TokenConfig config;

    @BeforeAll
    static void noDefaultToken() {
        Fixtures.actAnonymously();
    }

    private static void refused(String token) {
        given().header("Authorization", Fixtures.bearer(token)).when().get(ADMIN_ONLY)
                .then().statusCode(401).contentType("application/problem+json").body("type", equalTo("https://joinedup.example/problems/unauthorized"));
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aGenuineTokenIsAccepted() {
        given().header("Authorization", Fixtures.bearer(Fixtures.token("demo-admin"))).when().get(ADMIN_ONLY).then().statusCode(200);
    }

    @Test
    void aTamperedTokenIsRefused() {
        var parts = Fixtures.token("demo-commissioner").split("\\.");
        var payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("\"commissioner\"", "\"admin\"");
        refused(parts[0] + "." + base64(payload) + "." + parts[2]);
    }

    @Test
    void anExpiredTokenIsRefused() {
        var now = Instant.now().getEpochSecond();
        refused(Jwt.issuer(config.issuer()).upn("demo-admin").groups(Set.of(Roles.ADMIN)).issuedAt(now - 7200).expiresAt(now - 3600)
                .jws().keyId(SigningKeys.KEY_ID).sign(keys.privateKey()));
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() throws Exception {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        refused(Jwt.issuer(config.issuer()).upn("demo-admin").groups(Set.of(Roles.ADMIN)).expiresIn(600)
                .jws().keyId(SigningKeys.KEY_ID).sign(generator.generateKeyPair().getPrivate()));
    }

    @Test
    void anUnsignedAlgNoneTokenIsRefused() {
        var now = Instant.now().getEpochSecond();
        var payload = "{\"iss\":\"" + config.issuer() + "\",\"upn\":\"demo-admin\",\"groups\":[\"admin\"],\"iat\":" + now + ",\"exp\":" + (now + 600) + "}";
        refused(base64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + base64(payload) + ".");
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() {
        refused(Jwt.issuer("https://elsewhere.example").upn("demo-admin").groups(Set.of(Roles.ADMIN)).expiresIn(600)
                .jws().keyId(SigningKeys.KEY_ID).sign(keys.privateKey()));
    }

    @Test
    void repeatedWrongPasswordsAreAnswered429UntilTheWindowPasses() {
        var username = "throttled-" + System.nanoTime();
        given().header("Authorization", Fixtures.bearer(Fixtures.token("demo-admin"))).contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", "a-long-enough-password", "roles", List.of(Roles.COMMISSIONER)))
                .when().post("/api/admin/accounts").then().statusCode(201);
        for (int i = 0; i < 5; i++) {
            given().contentType(ContentType.JSON).body(Map.of("username", username, "password", "wrong " + i))
                    .when().post("/api/auth/token").then().statusCode(401).contentType("application/problem+json");
        }
        given().contentType(ContentType.JSON).body(Map.of("username", username, "password", "a-long-enough-password"))
                .when().post("/api/auth/token").then().statusCode(429).contentType("application/problem+json")
                .body("type", equalTo("https://joinedup.example/problems/too-many-attempts"));
    }

    /** Another service copy's failures, written straight into the shared table, count here too. */
    @Test
    void failuresSeenByAnotherCopyCountHere() {
        var username = "throttled-elsewhere-" + System.nanoTime();
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < 5; i++) {
                Account.getEntityManager().createNativeQuery("insert into login_failure (subject, failed_at) values (:s, now())")
                        .setParameter("s", "account:" + username).executeUpdate();
            }
        });
        given().contentType(ContentType.JSON).body(Map.of("username", username, "password", "any password at all"))
                .when().post("/api/auth/token").then().statusCode(429).contentType("application/problem+json");
    }

    @Test
    @jakarta.transaction.Transactional
    void passwordsAreStoredAsBcryptHashesAndNeverShown() {
        var body = given().header("Authorization", Fixtures.bearer(Fixtures.token("demo-admin"))).queryParam("size", 100)
                .when().get("/api/admin/accounts").then().statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertFalse(body.contains("password"), body);
        org.junit.jupiter.api.Assertions.assertTrue(Account.<Account>find("username", "demo-admin").firstResultOptional()
                .map(a -> a.passwordHash.startsWith("$2")).orElse(false));
    }
}
