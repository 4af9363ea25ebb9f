package org.joinedup.mail;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How mail is sent (joinedup.mail.*); the SMTP server itself is quarkus.mailer.*. See docs/mail.md. */
@ConfigMapping(prefix = "joinedup.mail")
public interface MailConfig {

    /** Off: nothing is sent (mail still queues). */
    @WithDefault("true")
    boolean enabled();

    /** How often each copy runs a send pass (read by MailSender's @Scheduled). */
    @WithDefault("5S")
    String sendEvery();

    /** When the weekly digest runs (in one copy; read by MailDigest's @Scheduled). */
    @WithDefault("0 0 7 ? * MON")
    String digestCron();

    /** Most mails one send pass of one copy sends (the pass runs every joinedup.mail.send-every). */
    @WithDefault("50")
    int batch();

    /**
     * How long a claimed mail may stay 'sending' before it is taken as lost mid-send ('uncertain').
     * Longer than any one SMTP exchange can take (quarkus.mailer.timeout), so a slow send is never taken for a dead one.
     */
    @WithDefault("5M")
    Duration lease();

    /** The first wait after a failed attempt; each further failure doubles it, up to {@link #retryMax()}. */
    @WithDefault("30S")
    Duration retryBase();

    @WithDefault("1H")
    Duration retryMax();

    /** Permanent refusals (5xx) by the SMTP server before the mail is parked for an admin. */
    @WithDefault("3")
    int maxRefusals();

    /** Attempts of any kind (server down, temporary failures) before the mail is parked: about a day with the defaults. */
    @WithDefault("30")
    int maxAttempts();
}
