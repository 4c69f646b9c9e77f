package vn.khien.monitoring.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import vn.khien.monitoring.AlertRaised;
import vn.khien.monitoring.AlertSeverity;
import vn.khien.platform.Notice;
import vn.khien.platform.Notifications;
import vn.khien.platform.Role;

/**
 * Tells the analysts (and the agency's officers) of high and critical alerts, at most
 * {@link MonitoringSettings#mailCap()} per hour: past the cap, the next hour's first
 * notice says how many were held back, so that a flood of alerts never becomes a flood of
 * mail.
 */
@Component
class AlertNotices {

	private final Notifications notifications;

	private final MonitoringSettings settings;

	private long hour;

	private int sent;

	private long heldBack;

	AlertNotices(Notifications notifications, MonitoringSettings settings) {
		this.notifications = notifications;
		this.settings = settings;
	}

	@EventListener
	void on(AlertRaised raised) {
		if (raised.severity().compareTo(AlertSeverity.HIGH) < 0) {
			return;
		}
		long held;
		synchronized (this) {
			long now = Instant.now().truncatedTo(ChronoUnit.HOURS).getEpochSecond();
			if (now != hour) {
				hour = now;
				sent = 0;
			}
			if (sent >= settings.mailCap()) {
				heldBack++;
				return;
			}
			sent++;
			held = heldBack;
			heldBack = 0;
		}
		Notice notice = Notice
			.of("monitoring.alert.raised", "monitoring.notice.alertRaised", "/alerts/" + raised.alertId(),
					raised.alertId(), raised.title(), raised.severity().code(), held)
			.to(Notice.Audience.everyone(Role.PROVINCE_OPERATOR));
		if (raised.agencyId() != null) {
			notice = notice.to(Notice.Audience.ofAgency(Role.AGENCY_OFFICER, raised.agencyId()));
		}
		notifications.notify(notice);
	}

}
