package org.joinedup.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.joinedup.notification.NotificationList;
import org.joinedup.notification.NotificationService;
import org.joinedup.platform.PageRequest;

/**
 * The signed-in account's notifications for the pages ({@code inject:myNotifications}): the latest
 * on My work, the unread count in the header. Read once per request, whichever asks first.
 */
@Named("myNotifications")
@RequestScoped
public class MyNotifications {

    static final int SHOWN = 20;

    @Inject
    NotificationService notifications;

    @Inject
    PageContext page;

    private NotificationList latest;

    public NotificationList latest() {
        if (latest == null) {
            latest = notifications.mine(new PageRequest(0, SHOWN));
        }
        return latest;
    }

    /** Unread notifications, for the header; 0 when signed out. */
    public long unread() {
        return page.signedIn() ? latest().unread() : 0;
    }
}
