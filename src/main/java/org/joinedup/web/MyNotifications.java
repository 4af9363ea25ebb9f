package org.joinedup.web;

import io.vertx.core.Context;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.jboss.logging.Logger;
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
    private static final Logger LOG = Logger.getLogger(MyNotifications.class);

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

    /**
     * Unread notifications, for the header; 0 when signed out. The count is a nicety: a page (an
     * error page while PostgreSQL is down, say) renders without it rather than fail.
     */
    public long unread() {
        // an error page answered before any resource runs is rendered on the event loop, where the database may not be asked
        if (!page.signedIn() || Context.isOnEventLoopThread()) {
            return 0;
        }
        try {
            return latest().unread();
        } catch (RuntimeException e) {
            LOG.debugf("No unread count for the header: %s", e.getMessage());
            return 0;
        }
    }
}
