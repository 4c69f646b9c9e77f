package vn.khien.platform.notification;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import vn.khien.platform.Notifications;

/**
 * A notification as the API answers it: its text in the caller's language and the path it
 * points at.
 */
record NotificationView(long id, String kind, String message, String link, Instant createdAt, boolean read,
		@Nullable Instant readAt) {

	static NotificationView from(Notifications.Notification n, String message) {
		return new NotificationView(n.id(), n.kind(), message, n.link(), n.createdAt(), n.read(), n.readAt());
	}

}
