package org.joinedup.mail;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Times as mails say them: UK time in words, as the pages do (web/Formats), never a machine timestamp. */
public final class MailTimes {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK);

    private MailTimes() {
    }

    /** "22 December 2026, 00:25 (UK time)": to the minute, cut down, so a link never seems to work later than it does. */
    public static String ukTime(Instant instant) {
        return MINUTE.format(instant.atZone(LONDON)) + " (UK time)";
    }
}
