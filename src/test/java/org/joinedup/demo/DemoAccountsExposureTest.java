package org.joinedup.demo;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Demo accounts (with the README's password) are made only when the service listens on loopback alone. */
class DemoAccountsExposureTest {

    @Test
    void loopbackAddressesAllowDemoAccounts() {
        for (var host : new String[] {"127.0.0.1", "127.0.1.1", "localhost", "::1", "[::1]"}) {
            assertTrue(DemoDataLoader.loopback(host), host);
        }
    }

    @Test
    void anyOtherInterfaceRefusesThem() {
        for (var host : new String[] {"0.0.0.0", "::", "10.0.0.5", "192.168.1.20", "joinedup.example", "127.example.org"}) {
            assertFalse(DemoDataLoader.loopback(host), host);
        }
    }
}
