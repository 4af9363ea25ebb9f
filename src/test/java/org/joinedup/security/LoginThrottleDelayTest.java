package org.joinedup.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The delay schedule alone: free attempts, then doubling, then the cap. */
class LoginThrottleDelayTest {

    private static LoginThrottle throttle() {
        var throttle = new LoginThrottle();
        throttle.limits = new LoginThrottle.Limits() {
            public int freeAttemptsPerAccount() {
                return 5;
            }

            public int freeAttemptsPerAddress() {
                return 50;
            }

            public Duration firstDelay() {
                return Duration.ofSeconds(1);
            }

            public Duration maxDelay() {
                return Duration.ofMinutes(10);
            }

            public Duration window() {
                return Duration.ofMinutes(15);
            }
        };
        return throttle;
    }

    @Test
    void freeAttemptsThenDoublingUpToTheCap() {
        var throttle = throttle();
        assertEquals(Duration.ZERO, throttle.delayAfter(4, 5));
        assertEquals(Duration.ofSeconds(1), throttle.delayAfter(5, 5));
        assertEquals(Duration.ofSeconds(2), throttle.delayAfter(6, 5));
        assertEquals(Duration.ofSeconds(512), throttle.delayAfter(14, 5));
        assertEquals(Duration.ofMinutes(10), throttle.delayAfter(15, 5));
        assertEquals(Duration.ofMinutes(10), throttle.delayAfter(Integer.MAX_VALUE, 5));
    }
}
