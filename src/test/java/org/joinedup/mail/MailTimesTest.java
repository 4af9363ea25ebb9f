package org.joinedup.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Times in mail: UK time in words, summer time included. */
class MailTimesTest {

    @Test
    void winterAndSummerAreSaidInUkTimeToTheMinute() {
        assertEquals("22 December 2026, 00:25 (UK time)", MailTimes.ukTime(Instant.parse("2026-12-22T00:25:26.127713880Z")));
        assertEquals("1 July 2026, 10:05 (UK time)", MailTimes.ukTime(Instant.parse("2026-07-01T09:05:59Z")));
    }
}
