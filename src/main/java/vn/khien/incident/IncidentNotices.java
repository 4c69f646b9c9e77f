package vn.khien.incident;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.khien.platform.Formats;
import vn.khien.platform.Notice;
import vn.khien.platform.Notifications;
import vn.khien.platform.Role;

/**
 * Who is told what about incidents, in the app and by mail: the response team of each new
 * report in the queue and of each coordination request its recipient acknowledged; the
 * recipient (a provider’s users, an agency’s officers) of each request; a roster member
 * of the task given to them; the team, the case’s lead and the agency’s officers of a
 * reporting deadline that comes near (the settings’ warning) or passes, once each, by a
 * sweep every five minutes. Notices are written in the transaction of the change they are
 * about.
 */
@Component
class IncidentNotices {

	/** Deadlines looked at per sweep; the next sweep takes the rest. */
	static final int SWEEP = 500;

	private final Notifications notifications;

	private final JdbcClient jdbc;

	private final IncidentSettings settings;

	IncidentNotices(Notifications notifications, JdbcClient jdbc, IncidentSettings settings) {
		this.notifications = notifications;
		this.jdbc = jdbc;
		this.settings = settings;
	}

	@EventListener
	void reported(IncidentReported event) {
		notifications
			.notify(Notice
				.of("incident.new", "notification.notice.reportNew", "/incidents/" + event.incidentId(),
						clip("#" + event.incidentId() + " " + event.title()))
				.to(Notice.Audience.everyone(Role.RESPONDER)));
	}

	@EventListener
	void asked(CoordinationRequested event) {
		Notice notice = Notice.of("incident.coordination.received", "notification.notice.coordinationReceived",
				"/coordination-requests", clip(event.action()));
		if (event.organisationId() != null) {
			notice = notice.to(Notice.Audience.ofOrganisation(event.organisationId()));
		}
		if (event.agencyId() != null) {
			notice = notice.to(Notice.Audience.ofAgency(Role.AGENCY_OFFICER, event.agencyId()));
		}
		notifications.notify(notice);
	}

	@EventListener
	void acknowledged(CoordinationAcknowledged event) {
		notifications.notify(Notice
			.of("incident.coordination.acknowledged", "notification.notice.coordinationAcknowledged",
					"/incidents/" + event.incidentId(), "#" + event.incidentId() + " " + event.by())
			.to(Notice.Audience.everyone(Role.RESPONDER)));
	}

	@EventListener
	void assigned(IncidentTaskAssigned event) {
		if (event.accountId() != null) {
			notifications
				.notify(Notice
					.of("incident.task.assigned", "notification.notice.taskAssigned",
							"/incidents/" + event.incidentId(), clip("#" + event.incidentId() + " " + event.task()))
					.to(event.accountId()));
		}
	}

	/** Warns of deadlines coming near and of those passed, each once. */
	@Transactional
	public void sweep() {
		Instant now = Instant.now();
		for (Due due : due("warned_at", now.plus(settings.warning()))) {
			tell(due, "incident.deadline.approaching", "notification.notice.deadlineApproaching");
			mark(due, "warned_at", now);
		}
		for (Due due : due("overdue_at", now)) {
			tell(due, "incident.deadline.passed", "notification.notice.deadlinePassed");
			mark(due, "overdue_at", now);
		}
	}

	private record Due(long incidentId, String kind, String title, Instant due, @Nullable Long agencyId,
			@Nullable Long lead) {
	}

	private List<Due> due(String column, Instant before) {
		// NB: the index (met_at, due) finds the unmet ones due before the moment; only
		// open cases count
		return jdbc.sql("""
				SELECT d.incident_id, d.kind, d.title, d.due, i.agency_id, i.lead_account_id
				FROM incident_deadline d JOIN incident i ON i.id = d.incident_id
				WHERE d.met_at IS NULL AND d.due IS NOT NULL AND d.due < :before AND d.%s IS NULL
				  AND i.status IN ('DETECTION', 'CONTAINMENT', 'POST_INCIDENT')
				ORDER BY d.due LIMIT %d""".formatted(column, SWEEP))
			.param("before", Timestamp.from(before))
			.query((rs, n) -> new Due(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
					IncidentRows.nullableLong(rs, "agency_id"), IncidentRows.nullableLong(rs, "lead_account_id")))
			.list();
	}

	private void tell(Due due, String kind, String message) {
		Notice notice = Notice
			.of(kind, message, "/incidents/" + due.incidentId(), clip("#" + due.incidentId() + " " + due.title()),
					Formats.dateTime(due.due().atZone(IncidentRows.ZONE)))
			.to(Notice.Audience.everyone(Role.RESPONDER));
		if (due.agencyId() != null) {
			notice = notice.to(Notice.Audience.ofAgency(Role.AGENCY_OFFICER, due.agencyId()));
		}
		if (due.lead() != null) {
			notice = notice.to(due.lead());
		}
		notifications.notify(notice);
	}

	/** A notice’s text is a line, not the whole title or request. */
	private static String clip(String text) {
		return text.length() <= 200 ? text : text.substring(0, 199) + "…";
	}

	private void mark(Due due, String column, Instant at) {
		jdbc.sql("UPDATE incident_deadline SET %s = :at WHERE incident_id = :id AND kind = :kind".formatted(column))
			.param("at", Timestamp.from(at))
			.param("id", due.incidentId())
			.param("kind", due.kind())
			.update();
	}

}
