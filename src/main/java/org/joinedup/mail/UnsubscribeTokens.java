package org.joinedup.mail;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.joinedup.security.KeyEncryption;

/**
 * The one-click unsubscribe link of a mail: "{account}.{kind}.{HMAC}" where the HMAC-SHA256 is keyed
 * by a key derived from the deployment secret (KeyEncryption), so every copy makes and checks the same
 * tokens and nothing new is stored. A token only ever turns one kind off for one account, so it does
 * not expire: a mail read a year later still unsubscribes (RFC 8058 asks for links that keep working).
 */
@ApplicationScoped
public class UnsubscribeTokens {

    /** What a valid token says. */
    public record Unsubscribe(long accountId, MailKind kind) {
    }

    @Inject
    KeyEncryption keys;

    @ConfigProperty(name = "joinedup.public-url", defaultValue = "http://localhost:8080")
    String publicUrl;

    private byte[] key;

    @PostConstruct
    void init() {
        key = keys.derive("mail-unsubscribe");
    }

    public String token(long accountId, MailKind kind) {
        var payload = accountId + "." + kind.code();
        return payload + "." + mac(payload);
    }

    /** The link a mail carries (List-Unsubscribe and its footer). */
    public String link(long accountId, MailKind kind) {
        return base() + "/mail/unsubscribe?token=" + token(accountId, kind);
    }

    /** Where a person changes which mails they get. */
    public String preferencesLink() {
        return base() + "/account/mail";
    }

    /** Empty for anything not made by {@link #token}: forged, tampered, truncated, security kind. */
    public Optional<Unsubscribe> read(String token) {
        if (token == null || token.length() > 200) {
            return Optional.empty();
        }
        var parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        var expected = mac(parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, parts[2].getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        try {
            var kind = MailKind.ofCode(parts[1]).filter(k -> !k.security());
            return kind.map(k -> new Unsubscribe(Long.parseLong(parts[0]), k));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private String base() {
        return publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    private String mac(String payload) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
