package org.joinedup.mail;

import java.util.Objects;

/**
 * One mail to queue. {@code eventKey} names what happened ("introduction-12-requested"): the same
 * recipient, kind and event key queue one mail however often they are queued. {@code reason} says
 * why the person gets it ("You are leader Priya Raman in JoinedUp and someone asked to be introduced").
 * {@code accountId} is null only for someone without an account yet (an invitation).
 */
public record Mail(Long accountId, String address, MailKind kind, String eventKey, String subject, String text, String reason) {

    public Mail {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(eventKey, "eventKey");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(reason, "reason");
    }
}
