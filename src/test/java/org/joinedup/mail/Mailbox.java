package org.joinedup.mail;

import io.quarkus.test.common.QuarkusTestResource;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What the test SMTP server (GreenMail, {@link TestSmtp}) received, by recipient. For any test:
 * {@code Mailbox.awaitOne("someone@example.org")} waits for a mail the service sent (the sender runs
 * every second in tests) and returns its subject, plain text and headers.
 */
@QuarkusTestResource(TestSmtp.class)
public final class Mailbox {

    /** One mail as it arrived. */
    public record Received(String to, String subject, String text, String messageId, MimeMessage message) {

        /** The first value of a header, or null. */
        public String header(String name) {
            try {
                var values = message.getHeader(name);
                return values == null || values.length == 0 ? null : values[0];
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static final Duration WAIT = Duration.ofSeconds(30);

    private Mailbox() {
    }

    /** Every mail received so far for {@code address}, oldest first. */
    public static List<Received> to(String address) {
        var wanted = address.strip().toLowerCase(Locale.ROOT);
        var received = new ArrayList<Received>();
        for (var message : TestSmtp.greenMail.getReceivedMessages()) {
            try {
                var recipients = message.getRecipients(Message.RecipientType.TO);
                if (recipients != null && Arrays.stream(recipients).anyMatch(r -> r.toString().toLowerCase(Locale.ROOT).contains(wanted))) {
                    received.add(new Received(wanted, message.getSubject(), text(message), message.getMessageID(), message));
                }
            } catch (MessagingException | IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return received;
    }

    /** Waits until at least {@code count} mails reached {@code address} (failing after 30 s), and returns all of them. */
    public static List<Received> await(String address, int count) {
        var deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            var received = to(address);
            if (received.size() >= count) {
                return received;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + count + " mail(s) to " + address + " within " + WAIT.toSeconds() + " s, got " + received.size());
            }
            sleep(100);
        }
    }

    /** Waits for the first mail to {@code address}. */
    public static Received awaitOne(String address) {
        return await(address, 1).get(0);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String text(MimeMessage message) throws MessagingException, IOException {
        var content = message.getContent();
        if (content instanceof String s) {
            return s;
        }
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                var part = multipart.getBodyPart(i);
                if (part.isMimeType("text/plain")) {
                    return (String) part.getContent();
                }
            }
        }
        return "";
    }
}
