package org.joinedup.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private static List<String> problems(String password, String username, String email) {
        return PasswordPolicy.check("password", password, username, email).stream().map(v -> v.field() + ": " + v.message()).toList();
    }

    @Test
    void acceptsALongUncommonPassword() {
        assertEquals(List.of(), problems("kestrel-harbour-lantern-9", "pat", "pat.partner@nhs.net"));
    }

    @Test
    void refusesShortOnes() {
        assertTrue(problems("Tr0ub4dor&3", null, null).get(0).startsWith("password: must be 12"));
    }

    @Test
    void refusesCommonOnesPaddedOrRepeated() {
        for (var common : List.of("password1234", "Password2024!", "123456qwerty", "monkeymonkey", "!!dragon!!2025", "aaaaaaaaaaaaaa")) {
            assertEquals(1, problems(common, null, null).size(), common);
        }
    }

    @Test
    void refusesTheUsernameOrTheAddressesName() {
        assertEquals(1, problems("my-name-is-pat.partner!", null, "pat.partner@nhs.net").size());
        assertEquals(1, problems("priya-raman-rules-ok", "priya-raman", null).size());
    }

    @Test
    void theDemoAndTestPasswordsWouldPass() {
        assertEquals(List.of(), problems("joinedup-local-demo", "demo-admin", null));
        assertEquals(List.of(), problems("a-test-password-long-enough", "leader-1-2", null));
    }
}
