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
import java.util.Base64;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Verifies the service's own tokens with the key their {@code kid} names, so several keys can be
 * valid while one rotates out. Reads keys from memory only: this runs on the IO thread. External
 * providers' tokens go through SmallRye's own key location handling unchanged.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class KeyedTokenParser extends DefaultJWTParser {

    private static final ObjectMapper JSON = new ObjectMapper();

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
        var key = keys.verifying(keyId(token)).orElseThrow(() -> new ParseException("the token's signing key is unknown or expired"));
        return verify(token, key);
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
