package org.joinedup.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Verifies the service's own tokens with the key their {@code kid} names, so several keys can be
 * valid while one rotates out. Reads keys from memory only: this runs on the IO thread. External
 * providers' tokens go through SmallRye's own key location handling unchanged.
 *
 * <p>A token string verified once is not verified again until it expires: its signature and claims
 * cannot change, and verifying them (the RSA signature, the claims read) was a tenth of a search's
 * CPU (docs/benchmarks.md, "At the demo size"). Its key is still looked up on every use, so a key
 * that stops verifying refuses its tokens at once, and the account check that follows
 * ({@link AccountSessions}) runs on every request as before.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class KeyedTokenParser extends DefaultJWTParser {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A bound on memory (a few kB a token); past it the map is emptied, which costs each token one verification more. */
    private static final int REMEMBERED = 4096;

    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    private volatile Clock clock = Clock.systemUTC();

    private final SigningKeys keys;
    private final boolean ownKeys;

    @Inject
    public KeyedTokenParser(JWTAuthContextInfo info, TokenConfig config, SigningKeys keys) {
        super(info);
        this.keys = keys;
        this.ownKeys = config.publicKeyLocation().isEmpty();
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        if (!ownKeys) {
            return super.parse(token);
        }
        long now = clock.instant().getEpochSecond();
        var known = verified.get(token);
        if (known != null) {
            // the same string names the same key: no need to read its header again, only to ask whether the key still verifies
            if (now > known.usableUntil() || keys.verifying(known.keyId()).isEmpty()) {
                verified.remove(token);
                throw new ParseException("the token has expired or its signing key is retired");
            }
            return known.token();
        }
        var keyId = keyId(token);
        var key = keys.verifying(keyId).orElseThrow(() -> new ParseException("the token's signing key is unknown or expired"));
        var fresh = verify(token, key);
        remember(token, new Verified(fresh, keyId, fresh.getExpirationTime() + TokenVerification.EXPIRY_GRACE.toSeconds()), now);
        return fresh;
    }

    /** Until the token's expiry and the grace allowed for clocks: as long as the verification above would accept it. */
    private void remember(String token, Verified entry, long now) {
        if (verified.size() >= REMEMBERED) {
            verified.values().removeIf(v -> now > v.usableUntil());
            if (verified.size() >= REMEMBERED) {
                verified.clear();
            }
        }
        verified.put(token, entry);
    }

    /** For the tests: step past a token's expiry. */
    void useClock(Clock clock) {
        this.clock = clock;
    }

    private record Verified(JsonWebToken token, String keyId, long usableUntil) {
    }

    private static String keyId(String token) throws ParseException {
        int dot = token.indexOf('.');
        if (dot <= 0) {
            throw new ParseException("not a signed token");
        }
        try {
            var header = JSON.readTree(Base64.getUrlDecoder().decode(token.substring(0, dot)));
            return header.path("kid").asText("");
        } catch (IOException | IllegalArgumentException e) {
            throw new ParseException("the token's header cannot be read");
        }
    }
}
