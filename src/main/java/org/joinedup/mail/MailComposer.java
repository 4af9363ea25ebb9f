package org.joinedup.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.joinedup.mail.MailStore.Claimed;

/**
 * Turns an outbox row into the message: its text, then a footer saying why the person got it and
 * how to get fewer (with a one-click unsubscribe link for the kind, RFC 8058), never for security mail.
 */
@ApplicationScoped
public class MailComposer {

    @Inject
    UnsubscribeTokens links;

    @ConfigProperty(name = "joinedup.public-url", defaultValue = "http://localhost:8080")
    String publicUrl;

    public io.quarkus.mailer.Mail compose(Claimed mail) {
        var message = io.quarkus.mailer.Mail.withText(mail.address(), oneLine(mail.subject()), mail.text().stripTrailing() + "\n\n" + footer(mail));
        message.addHeader("Message-ID", messageId(mail.id()));
        message.addHeader("Auto-Submitted", "auto-generated");
        message.addHeader("X-JoinedUp-Event", mail.kind().code() + " " + oneLine(mail.eventKey()));
        if (unsubscribable(mail)) {
            message.addHeader("List-Unsubscribe", "<" + links.link(mail.accountId(), mail.kind()) + ">");
            message.addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        return message;
    }

    /** The same for every attempt at one outbox row, so whoever receives it twice (an admin's resend) can tell. */
    public String messageId(long outboxId) {
        var host = URI.create(publicUrl).getHost();
        return "<joinedup-mail-" + outboxId + "@" + (host == null ? "joinedup.invalid" : host) + ">";
    }

    String footer(Claimed mail) {
        var footer = new StringBuilder("-- \n").append("Why you got this: ").append(mail.reason().strip()).append('\n');
        if (mail.accountId() == null) {
            return footer.toString();
        }
        if (mail.kind().security()) {
            footer.append("This is security mail about your account: it is always sent.\n");
        }
        footer.append("Choose which JoinedUp mails you get, and when: ").append(links.preferencesLink()).append('\n');
        if (unsubscribable(mail)) {
            var what = mail.kind() == MailKind.DIGEST ? "the weekly digest" : "mails like this (" + mail.kind().label().toLowerCase(Locale.ROOT) + ")";
            footer.append("Stop ").append(what).append(" with one click: ").append(links.link(mail.accountId(), mail.kind())).append('\n');
        }
        return footer.toString();
    }

    private static boolean unsubscribable(Claimed mail) {
        return mail.accountId() != null && !mail.kind().security();
    }

    /** Header values never carry a line break, whatever a caller put in a subject or event key. */
    private static String oneLine(String text) {
        return text.replaceAll("[\\r\\n\\t]+", " ").strip();
    }
}
