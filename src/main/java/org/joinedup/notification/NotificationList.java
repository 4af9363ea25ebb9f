package org.joinedup.notification;

import java.util.List;

/** A page of the caller's notifications, newest first, with how many of all of them are unread. */
public record NotificationList(List<NotificationView> items, int page, int size, long total, int totalPages, long unread) {
}
