package vn.khien.incident;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.khien.law.RulePack;
import vn.khien.law.RulePacks;

/**
 * The reporting deadlines of an incident, from the pack in force on its discovery date:
 * those whose condition (serious, beyond the owner’s capability, a threat to national
 * security) the incident meets, each due its span after discovery or after the end of the
 * response. Planned again whenever a flag or the end of the response changes; a deadline
 * already met stays.
 */
@Component
class IncidentDeadlines {

	private final JdbcClient jdbc;

	private final RulePacks packs;

	IncidentDeadlines(JdbcClient jdbc, RulePacks packs) {
		this.jdbc = jdbc;
		this.packs = packs;
	}

	/** The pack in force on the day (in Vietnam) the incident was discovered. */
	Optional<RulePack> packFor(Instant discovered) {
		return packs.inForce(discovered.atZone(IncidentRows.ZONE).toLocalDate());
	}

	void plan(Incident incident) {
		if (incident.packId() == null) {
			return;
		}
		if (incident.status() == IncidentStatus.REJECTED || incident.status() == IncidentStatus.MERGED
				|| incident.status() == IncidentStatus.NEW) {
			// no incident (yet), or another case holds the duty: only what was met stays
			jdbc.sql("DELETE FROM incident_deadline WHERE incident_id = :id AND met_at IS NULL")
				.param("id", incident.id())
				.update();
			return;
		}
		RulePack pack = packs.get(incident.packId());
		List<String> kept = new ArrayList<>();
		for (RulePack.IncidentDeadline d : pack.incidentDeadlines()) {
			if (!applies(d, incident)) {
				continue;
			}
			kept.add(d.id());
			Instant due = due(d, incident);
			if (exists(incident.id(), d.id())) {
				// NB: a deadline met stays as it was met; one not yet met is planned
				// again
				jdbc.sql("""
						UPDATE incident_deadline SET title = :title, recipient = :recipient, citation = :citation,
						  due = :due, agency_id = :agency
						WHERE incident_id = :id AND kind = :kind AND met_at IS NULL""")
					.param("title", d.title())
					.param("recipient", d.recipient())
					.param("citation", d.source().citation())
					.param("due", IncidentRows.timestamp(due))
					.param("agency", incident.agencyId())
					.param("id", incident.id())
					.param("kind", d.id())
					.update();
				continue;
			}
			jdbc.sql("""
					INSERT INTO incident_deadline (incident_id, agency_id, kind, title, recipient, citation, due)
					VALUES (:id, :agency, :kind, :title, :recipient, :citation, :due)""")
				.param("id", incident.id())
				.param("agency", incident.agencyId())
				.param("kind", d.id())
				.param("title", d.title())
				.param("recipient", d.recipient())
				.param("citation", d.source().citation())
				.param("due", IncidentRows.timestamp(due))
				.update();
		}
		Set<String> planned = Set.copyOf(kept);
		List<String> stale = jdbc.sql("SELECT kind FROM incident_deadline WHERE incident_id = :id AND met_at IS NULL")
			.param("id", incident.id())
			.query(String.class)
			.list()
			.stream()
			.filter(k -> !planned.contains(k))
			.collect(Collectors.toList());
		for (String kind : stale) {
			jdbc.sql("DELETE FROM incident_deadline WHERE incident_id = :id AND kind = :kind")
				.param("id", incident.id())
				.param("kind", kind)
				.update();
		}
	}

	List<Incident.Deadline> of(long incidentId, Instant now) {
		return jdbc.sql("""
				SELECT kind, title, recipient, citation, due, met_at FROM incident_deadline WHERE incident_id = :id
				ORDER BY due NULLS LAST, kind""").param("id", incidentId).query((rs, n) -> {
			Instant due = IncidentRows.instant(rs, "due");
			Instant met = IncidentRows.instant(rs, "met_at");
			boolean overdue = due != null && (met == null ? now.isAfter(due) : met.isAfter(due));
			return new Incident.Deadline(rs.getString("kind"), rs.getString("title"), rs.getString("recipient"),
					rs.getString("citation"), due == null ? null : IncidentRows.local(due), met != null, met, overdue);
		}).list();
	}

	/** Records that what the deadline asks for was sent; false if it was already. */
	boolean meet(long incidentId, String kind, Instant at, String by) {
		return jdbc.sql("""
				UPDATE incident_deadline SET met_at = :at, met_by = :by
				WHERE incident_id = :id AND kind = :kind AND met_at IS NULL""")
			.param("at", Timestamp.from(at))
			.param("by", by)
			.param("id", incidentId)
			.param("kind", kind)
			.update() > 0;
	}

	boolean exists(long incidentId, String kind) {
		return jdbc.sql("SELECT COUNT(*) FROM incident_deadline WHERE incident_id = :id AND kind = :kind")
			.param("id", incidentId)
			.param("kind", kind)
			.query(Long.class)
			.single() > 0;
	}

	private static boolean applies(RulePack.IncidentDeadline d, Incident incident) {
		if (d.when() == null) {
			return true;
		}
		return switch (d.when()) {
			case "serious" -> incident.serious();
			case "beyond_capability" -> incident.beyondCapability();
			case "national_security" -> incident.nationalSecurity();
			default -> false;
		};
	}

	private static @Nullable Instant due(RulePack.IncidentDeadline d, Incident incident) {
		Instant from = d.from().equals("response_end") ? incident.responseEndedAt()
				: incident.discoveredAt().toInstant();
		if (from == null) {
			return null;
		}
		LocalDateTime start = LocalDateTime.ofInstant(from, IncidentRows.ZONE);
		LocalDateTime end = d.within().after(start);
		return end == null ? null : end.atZone(IncidentRows.ZONE).toInstant();
	}

}
