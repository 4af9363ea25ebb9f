package org.joinedup.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Locale;
import org.joinedup.platform.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which addresses we keep and send to: an RFC 5321 dot-atom before the @, dot-separated labels after it. */
class AddressesTest {

    @ParameterizedTest
    @ValueSource(strings = {"name@trust.nhs.uk", "first.last@example.org", "a+tag@example.org", "o'brien@example.org",
            "x_y-z@sub.example.co.uk", "!#$%&'*+-/=?^_`{|}~@example.org", "Mixed.Case@Example.ORG", "  padded@example.org  "})
    void dotAtomAddressesAreKeptLowerCase(String address) {
        assertEquals(address.strip().toLowerCase(Locale.ROOT), Addresses.normalise("email", address));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a,b@example.org", "a<b@example.org", "a>b@example.org", "<a@example.org>", "\"a\"@example.org",
            "a\"b@example.org", "a b@example.org", "a\u0000b@example.org", "a\tb@example.org", "a\r\nb@example.org", "a..b@example.org",
            ".a@example.org", "a.@example.org", "a;b@example.org", "a:b@example.org", "a(b)@example.org", "a[b]@example.org",
            "a\\b@example.org", "a@b@example.org", "@example.org", "a@example", "a@example..org", "a@exa_mple.org", "a@example.org,b@x.org",
            "Someone <a@example.org>", "é@example.org", ""})
    void anythingElseIsRefusedNamingTheField(String address) {
        var refused = assertThrows(ProblemException.class, () -> Addresses.normalise("email", address));
        assertEquals(400, refused.problem().status());
        assertEquals("email", refused.problem().violations().get(0).field());
    }

    @Test
    void aLocalPartOver64OrAnAddressOver254IsRefused() {
        assertEquals("a".repeat(64) + "@example.org", Addresses.normalise("email", "a".repeat(64) + "@example.org"));
        assertThrows(ProblemException.class, () -> Addresses.normalise("email", "a".repeat(65) + "@example.org"));
        assertThrows(ProblemException.class, () -> Addresses.normalise("email", "a@" + "b".repeat(250) + ".org"));
        assertThrows(ProblemException.class, () -> Addresses.normalise("email", null));
    }
}
