package org.joinedup.notification;

import java.time.Instant;

/** A notification as its account sees it; {@code link} is the page where they act on it. */
public record NotificationView(long id, String kind, String eventKey, String title, String text, String link, Instant createdAt,
        Instant readAt) {

    public boolean unread() {
        return readAt == null;
    }
}
