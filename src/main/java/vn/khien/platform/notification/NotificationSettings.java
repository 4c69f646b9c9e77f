package vn.khien.platform.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The notification mails ({@code khien.notifications.*}).
 *
 * @param mailFrom their sender
 * @param siteUrl where Khiên is reached, before each notification's link
 * @param retryAfter the wait after a first failed attempt, doubled after each further one
 * up to an hour
 * @param maxAttempts attempts before a mail is given up (the notification stays in the
 * app)
 * @param lease how long a node's claim on a mail holds: past it, a node that died while
 * sending is taken over
 */
@ConfigurationProperties("khien.notifications")
record NotificationSettings(@DefaultValue("khien@localhost") String mailFrom,
		@DefaultValue("http://localhost:8080") String siteUrl, @DefaultValue("1m") Duration retryAfter,
		@DefaultValue("8") int maxAttempts, @DefaultValue("10m") Duration lease) {

	NotificationSettings {
		siteUrl = siteUrl.replaceAll("/+$", "");
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("khien.notifications.max-attempts must be at least 1: " + maxAttempts);
		}
	}

}
