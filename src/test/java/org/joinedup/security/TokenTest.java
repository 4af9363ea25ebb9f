package org.joinedup.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.joinedup.Fixtures;
import org.junit.jupiter.api.Assertions;
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

    @Inject
    KeyedTokenParser parser;

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
    void aTamperedTokenIsRefused() throws Exception {
        var token = Fixtures.token("demo-commissioner");
        // the genuine one verified and remembered first: its copy must still be checked on its own
        Assertions.assertTrue(parser.parse(token).getGroups().contains(Roles.COMMISSIONER));
        refused(promotedToAdmin(token));
    }

    /** A commissioner's token with its payload edited to say admin, its signature left as it was. */
    private static String promotedToAdmin(String token) {
        var parts = token.split("\\.");
        var payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("\"commissioner\"", "\"admin\"");
        return parts[0] + "." + base64(payload) + "." + parts[2];
    }

    /** Everything a genuine demo-admin token carries; each test below breaks one thing. */
    private JwtClaimsBuilder demoAdmin() {
        Account admin = QuarkusTransaction.requiringNew().call(() -> Account.<Account>find("username", "demo-admin").firstResult());
        return Jwt.issuer(config.issuer()).audience(config.audience().get(0)).upn("demo-admin").subject(String.valueOf(admin.id))
                .groups(Set.of(Roles.ADMIN)).claim(AccountSessions.SESSION_CLAIM, admin.sessionVersion).expiresIn(600);
    }

    @Test
    void aForgedTokenWithTheRealKeyIsAcceptedSoTheCasesBelowTestOneThingEach() {
        given().header("Authorization", Fixtures.bearer(demoAdmin().jws().keyId(keys.signing().id()).sign(keys.signing().privateKey())))
                .when().get(ADMIN_ONLY).then().statusCode(200);
    }

    @Test
    void anExpiredTokenIsRefused() {
        var now = Instant.now().getEpochSecond();
        refused(demoAdmin().issuedAt(now - 7200).expiresAt(now - 3600).jws().keyId(keys.signing().id()).sign(keys.signing().privateKey()));
    }

    @Test
    void aTokenIsVerifiedOnceThenRememberedUntilItExpires() throws Exception {
        var token = demoAdmin().jws().keyId(keys.signing().id()).sign(keys.signing().privateKey());
        var first = parser.parse(token);
        Assertions.assertSame(first, parser.parse(token), "the second use is answered from what the first verified");
        given().header("Authorization", Fixtures.bearer(token)).when().get(ADMIN_ONLY).then().statusCode(200);
        try {
            // past its expiry and the grace for clocks: refused, though it was verified before
            parser.useClock(Clock.offset(Clock.systemUTC(), Duration.ofSeconds(600).plus(TokenVerification.EXPIRY_GRACE).plusSeconds(5)));
            refused(token);
        } finally {
            parser.useClock(Clock.systemUTC());
        }
    }

    @Test
    void eightRequestsAtOnceWithOneNewTokenAreAllAnsweredAndItsForgedCopyNever() throws Exception {
        var token = Fixtures.token("demo-commissioner");
        var forged = promotedToAdmin(token);
        var pool = Executors.newFixedThreadPool(8);
        try {
            var start = new CountDownLatch(1);
            var answers = new ArrayList<Future<int[]>>();
            for (int i = 0; i < 8; i++) {
                // the first uses of a token race to verify and remember it; a forged copy sent beside them must never ride on that
                answers.add(pool.submit(() -> {
                    start.await();
                    return new int[] { given().header("Authorization", Fixtures.bearer(token)).when().get("/api/me").statusCode(),
                            given().header("Authorization", Fixtures.bearer(forged)).when().get(ADMIN_ONLY).statusCode() };
                }));
            }
            start.countDown();
            for (var answer : answers) {
                var codes = answer.get(60, TimeUnit.SECONDS);
                Assertions.assertEquals(200, codes[0], "the genuine token");
                Assertions.assertEquals(401, codes[1], "its forged copy");
            }
        } finally {
            pool.shutdownNow();
        }
        Assertions.assertTrue(parser.parse(token).getGroups().contains(Roles.COMMISSIONER));
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() throws Exception {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        refused(demoAdmin().jws().keyId(keys.signing().id()).sign(generator.generateKeyPair().getPrivate()));
    }

    @Test
    void aTokenNamingAnUnknownKeyIsRefused() {
        refused(demoAdmin().jws().keyId("jk-unknown").sign(keys.signing().privateKey()));
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        refused(demoAdmin().audience("another-application").jws().keyId(keys.signing().id()).sign(keys.signing().privateKey()));
    }

    @Test
    void aTokenWithoutASessionVersionIsRefused() {
        refused(demoAdmin().remove(AccountSessions.SESSION_CLAIM).jws().keyId(keys.signing().id()).sign(keys.signing().privateKey()));
    }

    @Test
    void anUnsignedAlgNoneTokenIsRefused() {
        var now = Instant.now().getEpochSecond();
        var payload = "{\"iss\":\"" + config.issuer() + "\",\"upn\":\"demo-admin\",\"groups\":[\"admin\"],\"iat\":" + now + ",\"exp\":" + (now + 600) + "}";
        refused(base64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + base64(payload) + ".");
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() {
        refused(demoAdmin().issuer("https://elsewhere.example").jws().keyId(keys.signing().id()).sign(keys.signing().privateKey()));
    }

    @Test
    @Transactional
    void passwordsAreStoredAsBcryptHashesAndNeverShown() {
        var body = given().header("Authorization", Fixtures.bearer(Fixtures.token("demo-admin"))).queryParam("size", 100)
                .when().get("/api/admin/accounts").then().statusCode(200).extract().asString();
        Assertions.assertFalse(body.contains("password"), body);
        Assertions.assertTrue(Account.<Account>find("username", "demo-admin").firstResultOptional()
                .map(a -> a.passwordHash.startsWith("$2")).orElse(false));
    }
}
