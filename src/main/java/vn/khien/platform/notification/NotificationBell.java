package vn.khien.platform.notification;

import org.springframework.stereotype.Component;

import vn.khien.platform.Notifications;

/**
 * The header's bell ({@code ${@notificationBell.unread()}}): the signed-in user's unread
 * notifications, counted up to one past {@link Notifications#BELL_CAP}.
 */
@Component("notificationBell")
class NotificationBell {

	private final Notifications notifications;

	NotificationBell(Notifications notifications) {
		this.notifications = notifications;
	}

	public long unread() {
		return notifications.unread(Notifications.BELL_CAP);
	}

	public int cap() {
		return Notifications.BELL_CAP;
	}

}
