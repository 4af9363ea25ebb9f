package org.joinedup.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.joinedup.security.KeyEncryption;

/**
 * Tokens that prove a form was served by us to this browser session: an HMAC of the session
 * cookie (or, before sign-in, of a random pre-session cookie). A cross-site page can make the
 * browser send the cookie but cannot read it, so it cannot forge the token. The key derives from
 * the deployment's secret (not from anything in the database), so every service copy computes the
 * same tokens and a signing key rotation does not invalidate open forms.
 */
@ApplicationScoped
public class CsrfTokens {

    @Inject
    KeyEncryption secrets;

    private SecretKeySpec key;

    @PostConstruct
    void init() {
        key = new SecretKeySpec(secrets.derive("csrf"), "HmacSHA256");
    }

    public String token(String binding) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            var sum = mac.doFinal(("csrf:" + binding).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sum);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean matches(String binding, String given) {
        if (binding == null || binding.isEmpty() || given == null) {
            return false;
        }
        return MessageDigest.isEqual(token(binding).getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.US_ASCII));
    }
}
