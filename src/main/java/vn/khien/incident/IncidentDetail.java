package vn.khien.incident;

import java.io.InputStream;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.khien.law.RulePack;
import vn.khien.law.RulePacks;
import vn.khien.platform.Accounts;
import vn.khien.platform.FileStore;
import vn.khien.platform.UploadTypes;
import vn.khien.platform.InvalidInputException;
import vn.khien.platform.Sha256;

/**
 * What an incident holds besides its row, read and written for {@link Incidents} and
 * {@link IncidentResponse}: the timeline, the participants, the observables (checked by
 * kind), and the serious-incident flag as the pack’s criteria set it.
 */
@Component
class IncidentDetail {

	private static final Pattern IPV4 = Pattern
		.compile("^((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(/\\d{1,2})?$");

	private static final Pattern IPV6 = Pattern.compile("^[0-9a-fA-F:]{2,39}(/\\d{1,3})?$");

	private static final Pattern DOMAIN = Pattern
		.compile("^(?=.{1,253}$)([a-z0-9_]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]{0,62}$");

	private static final Pattern HASH = Pattern.compile("^([0-9a-f]{32}|[0-9a-f]{40}|[0-9a-f]{64})$");

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]{1,253}\\.[^@\\s]{2,63}$");

	private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ().-]{3,30}$");

	private final JdbcClient jdbc;

	private final IncidentDeadlines deadlines;

	private final RulePacks packs;

	private final Accounts accounts;

	private final FileStore files;

	IncidentDetail(JdbcClient jdbc, IncidentDeadlines deadlines, RulePacks packs, Accounts accounts, FileStore files) {
		this.files = files;
		this.jdbc = jdbc;
		this.deadlines = deadlines;
		this.packs = packs;
		this.accounts = accounts;
	}

	/**
	 * Every observable of the case, TLP:RED ones too: for the module’s own work (a
	 * merge).
	 */
	List<Incident.Observable> observables(long incidentId) {
		return jdbc.sql("""
				SELECT id, kind, observed, tlp, note, sightings, first_seen, last_seen, added_by
				FROM incident_observable WHERE incident_id = :id ORDER BY id""")
			.param("id", incidentId)
			.query((rs, n) -> new Incident.Observable(rs.getLong(1), ObservableKind.valueOf(rs.getString(2)),
					rs.getString(3), Tlp.valueOf(rs.getString(4)), rs.getString(5), rs.getInt(6),
					rs.getTimestamp(7).toInstant(), rs.getTimestamp(8).toInstant(), rs.getString(9)))
			.list();
	}

	/** The incident with its detail, as {@code viewer} may see it. */
	Incident of(Incident i, @Nullable Long viewer) {
		long id = i.id();
		boolean participant = viewer != null && participant(id, viewer);
		List<Incident.Observable> all = observables(id);
		List<Incident.Observable> shown = participant ? all : all.stream().filter(o -> o.tlp() != Tlp.RED).toList();
		List<Incident.Task> tasks = jdbc.sql("""
				SELECT t.id, t.phase, t.position, t.title, t.description, t.responder_id, r.name, t.status, t.due,
				  t.created_at, t.done_at
				FROM incident_task t LEFT JOIN responder r ON r.id = t.responder_id
				WHERE t.incident_id = :id ORDER BY t.position, t.id""")
			.param("id", id)
			.query((rs, n) -> new Incident.Task(rs.getLong(1), IncidentPhase.valueOf(rs.getString(2)), rs.getInt(3),
					rs.getString(4), rs.getString(5), IncidentRows.nullableLong(rs, "responder_id"), rs.getString(7),
					TaskStatus.valueOf(rs.getString(8)), rs.getDate(9) == null ? null : rs.getDate(9).toLocalDate(),
					rs.getTimestamp(10).toInstant(), IncidentRows.instant(rs, "done_at"), taskLog(rs.getLong(1))))
			.list();
		List<Incident.Evidence> evidence = jdbc.sql("""
				SELECT id, file_id, name, sha256, size_bytes, content_type, added_by, added_at
				FROM incident_evidence WHERE incident_id = :id ORDER BY id""")
			.param("id", id)
			.query((rs, n) -> new Incident.Evidence(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
					rs.getLong(5), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant()))
			.list();
		List<Long> assets = jdbc.sql("SELECT asset_id FROM incident_asset WHERE incident_id = :id ORDER BY asset_id")
			.param("id", id)
			.query(Long.class)
			.list();
		List<Incident.TimelineEntry> timeline = jdbc.sql("""
				SELECT event_at, actor, kind, from_status, to_status, text FROM incident_event
				WHERE incident_id = :id ORDER BY id""")
			.param("id", id)
			.query((rs, n) -> new Incident.TimelineEntry(rs.getTimestamp(1).toInstant(), rs.getString(2),
					rs.getString(3), code(rs.getString(4)), code(rs.getString(5)), rs.getString(6)))
			.list();
		List<Long> merged = jdbc.sql("SELECT id FROM incident WHERE merged_into_id = :id ORDER BY id")
			.param("id", id)
			.query(Long.class)
			.list();
		return new Incident(i.id(), i.agencyId(), i.systemId(), i.source(), i.status(), i.title(), i.description(),
				i.discoveredAt(), i.packId(), i.severity(), i.tlp(), i.taxonomy(), i.reportType(), i.impact(),
				i.securityLevel(), i.nationallyImportant(), i.beyondCapability(), i.nationalSecurity(), i.serious(),
				i.handling(), i.estimatedDamage(), i.detectedBy(), i.initialReport(), i.contact(), i.externalRef(),
				i.leadAccountId(), i.mergedIntoId(), i.rootCause(), i.actionsTaken(), i.lessonsLearned(),
				i.responseEndedAt(), i.closedAt(), i.createdBy(), i.createdAt(), i.updatedAt(),
				deadlines.of(id, Instant.now()), tasks, shown, all.size() - shown.size(), evidence, assets, timeline,
				merged);
	}

	private List<Incident.TaskLog> taskLog(long taskId) {
		return jdbc.sql("SELECT log_at, actor, text FROM incident_task_log WHERE task_id = :t ORDER BY id")
			.param("t", taskId)
			.query((rs, n) -> new Incident.TaskLog(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3)))
			.list();
	}

	void event(long incidentId, @Nullable Long agencyId, String kind, @Nullable IncidentStatus from,
			@Nullable IncidentStatus to, @Nullable String text, String actor) {
		jdbc.sql("""
				INSERT INTO incident_event (incident_id, agency_id, event_at, actor, kind, from_status, to_status, text)
				VALUES (:id, :agency, :at, :actor, :kind, :from, :to, :text)""")
			.param("id", incidentId)
			.param("agency", agencyId)
			.param("at", Timestamp.from(Instant.now()))
			.param("actor", actor)
			.param("kind", kind)
			.param("from", from == null ? null : from.name())
			.param("to", to == null ? null : to.name())
			.param("text", text == null ? null : clip(text, 4000))
			.update();
		jdbc.sql("UPDATE incident SET updated_at = :now WHERE id = :id")
			.param("now", Timestamp.from(Instant.now()))
			.param("id", incidentId)
			.update();
	}

	void participate(long incidentId, long accountId) {
		boolean already = jdbc
			.sql("SELECT COUNT(*) FROM incident_participant WHERE incident_id = :i AND account_id = :a")
			.param("i", incidentId)
			.param("a", accountId)
			.query(Long.class)
			.single() > 0;
		if (already) {
			return;
		}
		try {
			jdbc.sql("INSERT INTO incident_participant (incident_id, account_id, added_at) VALUES (:i, :a, :now)")
				.param("i", incidentId)
				.param("a", accountId)
				.param("now", Timestamp.from(Instant.now()))
				.update();
		}
		catch (DuplicateKeyException ex) {
			// added at the same moment by another request: the row is there
		}
	}

	boolean participant(long incidentId, long accountId) {
		return jdbc.sql("SELECT COUNT(*) FROM incident_participant WHERE incident_id = :i AND account_id = :a")
			.param("i", incidentId)
			.param("a", accountId)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Adds the observable, or counts another sighting of one the case has; returns its
	 * id.
	 */
	long observe(long incidentId, @Nullable Long agencyId, Incidents.ObservableInput o, String actor) {
		String value = normal(o.kind(), o.value());
		String key = Sha256.hex(value);
		Instant now = Instant.now();
		Tlp tlp = o.tlp() == null ? Tlp.AMBER : o.tlp();
		String before = jdbc
			.sql("SELECT tlp FROM incident_observable WHERE incident_id = :id AND kind = :kind AND value_key = :key")
			.param("id", incidentId)
			.param("kind", o.kind().name())
			.param("key", key)
			.query(String.class)
			.optional()
			.orElse(null);
		// NB: seen again with a stricter label, it keeps the stricter one (RED first in
		// the enum)
		Tlp kept = before == null || Tlp.valueOf(before).ordinal() > tlp.ordinal() ? tlp : Tlp.valueOf(before);
		int seen = jdbc.sql("""
				UPDATE incident_observable SET sightings = sightings + 1, last_seen = :now, tlp = :tlp
				WHERE incident_id = :id AND kind = :kind AND value_key = :key""")
			.param("tlp", kept.name())
			.param("now", Timestamp.from(now))
			.param("id", incidentId)
			.param("kind", o.kind().name())
			.param("key", key)
			.update();
		if (seen == 0) {
			jdbc.sql(
					"""
							INSERT INTO incident_observable (incident_id, agency_id, kind, observed, value_key, tlp, note, first_seen,
							  last_seen, added_by)
							VALUES (:id, :agency, :kind, :value, :key, :tlp, :note, :now, :now, :by)""")
				.param("id", incidentId)
				.param("agency", agencyId)
				.param("kind", o.kind().name())
				.param("value", value)
				.param("key", key)
				.param("tlp", tlp.name())
				.param("note", o.note() == null ? null : clip(o.note(), 1000))
				.param("now", Timestamp.from(now))
				.param("by", actor)
				.update();
		}
		return jdbc
			.sql("SELECT id FROM incident_observable WHERE incident_id = :id AND kind = :kind AND value_key = :k")
			.param("id", incidentId)
			.param("kind", o.kind().name())
			.param("k", key)
			.query(Long.class)
			.single();
	}

	/**
	 * The value as stored: trimmed; domains, e-mail addresses and hashes in lower case; a
	 * 400 naming the kind when it is not one.
	 */
	static String normal(ObservableKind kind, String raw) {
		String v = raw.strip();
		if (v.isEmpty() || v.length() > 2000) {
			throw new InvalidInputException("value", "incident.observable.bad", kind.code(), clip(v, 80));
		}
		boolean ok = switch (kind) {
			case IP -> IPV4.matcher(v).matches() || (v.contains(":") && IPV6.matcher(v).matches());
			case DOMAIN -> {
				v = v.toLowerCase(Locale.ROOT);
				if (v.endsWith(".")) {
					v = v.substring(0, v.length() - 1);
				}
				yield DOMAIN.matcher(v).matches();
			}
			case URL -> url(v);
			case FILE_HASH -> {
				v = v.toLowerCase(Locale.ROOT);
				yield HASH.matcher(v).matches();
			}
			case EMAIL -> {
				v = v.toLowerCase(Locale.ROOT);
				yield EMAIL.matcher(v).matches();
			}
			case PHONE -> PHONE.matcher(v).matches();
		};
		if (!ok) {
			throw new InvalidInputException("value", "incident.observable.bad", kind.code(), clip(v, 80));
		}
		return v;
	}

	private static boolean url(String v) {
		try {
			URI uri = new URI(v);
			return uri.getScheme() != null && uri.getHost() != null
					&& Pattern.matches("(?i)https?|ftp|hxxps?", uri.getScheme());
		}
		catch (java.net.URISyntaxException ex) {
			return false;
		}
	}

	/** Sets the serious flag as the criteria of the incident’s pack say. */
	void classifySerious(Incident i) {
		if (i.packId() == null) {
			return;
		}
		RulePack pack = packs.get(i.packId());
		RulePack.SeriousIncident criteria = pack.seriousIncident();
		boolean serious = criteria != null && criteria.metBy(i.securityLevel(), i.nationallyImportant(),
				i.impact() == null ? null : i.impact().code(), i.beyondCapability());
		if (serious != i.serious()) {
			jdbc.sql("UPDATE incident SET serious = :s WHERE id = :id")
				.param("s", serious)
				.param("id", i.id())
				.update();
		}
	}

	/**
	 * An evidence file: checked, stored as received with its SHA-256 and kept as a
	 * record, in the caller’s transaction.
	 */
	FileStore.StoredFile keep(long incidentId, @Nullable Long agencyId, InputStream content, String filename,
			@Nullable String contentType, long size, long max, String actor) {
		if (filename.isBlank() || filename.length() > 300) {
			throw new InvalidInputException("file", "incident.file.name");
		}
		UploadTypes.Checked checked = UploadTypes.check(content, filename, contentType, size, max);
		FileStore.StoredFile stored = files.storeFor(agencyId, checked.content(), filename, checked.contentType(), max);
		files.keep(stored.id());
		jdbc.sql("""
				INSERT INTO incident_evidence (incident_id, agency_id, file_id, name, sha256, size_bytes, content_type,
				  added_by, added_at)
				VALUES (:id, :agency, :file, :name, :sha, :size, :type, :by, :now)""")
			.param("id", incidentId)
			.param("agency", agencyId)
			.param("file", stored.id())
			.param("name", filename)
			.param("sha", stored.sha256())
			.param("size", stored.size())
			.param("type", checked.contentType())
			.param("by", actor)
			.param("now", Timestamp.from(Instant.now()))
			.update();
		event(incidentId, agencyId, "evidence", null, null, filename + " SHA-256 " + stored.sha256(), actor);
		return stored;
	}

	RulePack pack(String id) {
		return packs.get(id);
	}

	void requireAccount(long accountId) {
		if (accounts.find(accountId).isEmpty()) {
			throw new InvalidInputException("accountId", "incident.account.unknown", accountId);
		}
	}

	/**
	 * The attack type of the pack’s periodic report that counts this taxonomy type.
	 */
	static @Nullable String reportType(@Nullable RulePack pack, @Nullable Taxonomy taxonomy) {
		if (pack == null || taxonomy == null || pack.incidentTypes().isEmpty()) {
			return null;
		}
		return pack.incidentType(taxonomy.code())
			.map(RulePack.IncidentType::id)
			.orElse(pack.incidentTypes().get(pack.incidentTypes().size() - 1).id());
	}

	private static @Nullable String code(@Nullable String status) {
		return status == null ? null : IncidentStatus.valueOf(status).code();
	}

	static String clip(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max);
	}

}
