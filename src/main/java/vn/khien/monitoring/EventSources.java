package vn.khien.monitoring;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.khien.platform.AgencyDirectory;
import vn.khien.platform.AuditLog;
import vn.khien.platform.CurrentUser;
import vn.khien.platform.InvalidInputException;
import vn.khien.platform.NotFoundException;
import vn.khien.platform.SecretTokens;
import vn.khien.platform.Sha256;

/**
 * The sources that send events: made by the operators, each with a token shown once (only
 * its hash is kept) and the agencies it may report for. Counters are written once per
 * batch.
 */
@Component
public class EventSources {

	/**
	 * Tokens start with this, so that a leaked one is recognisable in a scan of logs or
	 * code.
	 */
	static final String PREFIX = "khs_";

	private final JdbcClient jdbc;

	private final CurrentUser currentUser;

	private final AgencyDirectory agencies;

	private final AuditLog audit;

	private final Map<String, Optional<Bound>> byToken = new ConcurrentHashMap<>();

	private final Map<Long, Counter> counters = new ConcurrentHashMap<>();

	EventSources(JdbcClient jdbc, CurrentUser currentUser, AgencyDirectory agencies, AuditLog audit) {
		this.jdbc = jdbc;
		this.currentUser = currentUser;
		this.agencies = agencies;
		this.audit = audit;
	}

	/** A source as ingestion sees it once its token is checked. */
	public record Bound(long id, String name, List<Long> agencyIds) {
	}

	/** A new source and its token, which is never shown again. */
	public record Created(EventSource source, String token) {
	}

	@Transactional
	public Created create(@Nullable String name, @Nullable List<Long> agencyIds) {
		if (name == null || name.isBlank() || name.strip().length() > 200) {
			throw new InvalidInputException("name", "monitoring.source.name.required");
		}
		if (agencyIds == null || agencyIds.isEmpty() || agencyIds.size() > 1000) {
			throw new InvalidInputException("agencyIds", "monitoring.source.agencies.required");
		}
		for (Long agency : agencyIds) {
			if (agency == null || agencies.label(agency).isEmpty()) {
				throw new InvalidInputException("agencyIds", "monitoring.source.agencyUnknown", String.valueOf(agency));
			}
		}
		String token = SecretTokens.next(PREFIX);
		var keys = new GeneratedKeyHolder();
		try {
			jdbc.sql("""
					INSERT INTO event_source (name, token_hash, created_at, created_by)
					VALUES (:name, :hash, :at, :by)""")
				.param("name", name.strip())
				.param("hash", Sha256.hex(token))
				.param("at", Timestamp.from(Instant.now()))
				.param("by", currentUser.name())
				.update(keys, "id");
		}
		catch (DuplicateKeyException ex) {
			throw InvalidInputException.conflict("name", "monitoring.source.nameTaken", name.strip());
		}
		long id = keys.getKeyAs(Number.class).longValue();
		for (Long agency : agencyIds.stream().distinct().toList()) {
			jdbc.sql("INSERT INTO event_source_agency (agency_id, source_id) VALUES (:a, :s)")
				.param("a", agency)
				.param("s", id)
				.update();
		}
		EventSource source = get(id);
		audit.record("EVENT_SOURCE_CREATED", "event_source", id, null,
				Map.of("name", source.name(), "agencyIds", source.agencyIds()));
		return new Created(source, token);
	}

	@Transactional
	public EventSource disable(long id) {
		EventSource before = get(id);
		jdbc.sql("UPDATE event_source SET enabled = FALSE WHERE id = :id").param("id", id).update();
		byToken.clear();
		audit.record("EVENT_SOURCE_DISABLED", "event_source", id, Map.of("enabled", before.enabled()),
				Map.of("enabled", false));
		return get(id);
	}

	public EventSource get(long id) {
		return list(id).stream().findFirst().orElseThrow(() -> new NotFoundException("event_source", id));
	}

	/** Every source, by name (a province has tens, not thousands). */
	public List<EventSource> list() {
		return list(null);
	}

	private List<EventSource> list(@Nullable Long id) {
		Map<Long, List<Long>> bound = new HashMap<>();
		jdbc.sql("SELECT source_id, agency_id FROM event_source_agency" + (id == null ? "" : " WHERE source_id = :id")
				+ " ORDER BY agency_id")
			.params(id == null ? Map.of() : Map.of("id", id))
			.query((rs, n) -> bound.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2)))
			.list();
		return jdbc.sql("""
				SELECT id, name, enabled, created_at, created_by, last_seen_at, events_accepted, events_refused
				FROM event_source""" + (id == null ? "" : " WHERE id = :id") + " ORDER BY name, id LIMIT 1000")
			.params(id == null ? Map.of() : Map.of("id", id))
			.query((rs, n) -> {
				long sid = rs.getLong("id");
				Timestamp seen = rs.getTimestamp("last_seen_at");
				Counter c = counters.get(sid);
				return new EventSource(sid, rs.getString("name"), bound.getOrDefault(sid, List.of()),
						rs.getBoolean("enabled"), rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
						seen == null ? null : seen.toInstant(), rs.getLong("events_accepted"),
						rs.getLong("events_refused"), c == null ? 0 : c.perSecond());
			})
			.list();
	}

	/** The enabled source a token belongs to; empty for any other text. */
	public Optional<Bound> authenticate(@Nullable String token) {
		if (!SecretTokens.shaped(token, PREFIX)) {
			return Optional.empty();
		}
		// NB: cached by the token's hash, never the token; cleared when a source is
		// disabled
		return byToken.computeIfAbsent(Sha256.hex(token), hash -> {
			Optional<Long> id = jdbc.sql("SELECT id FROM event_source WHERE token_hash = :h AND enabled = TRUE")
				.param("h", hash)
				.query(Long.class)
				.optional();
			return id.map(this::get).map(s -> new Bound(s.id(), s.name(), s.agencyIds()));
		});
	}

	/** The enabled source of that name (the syslog receivers send as one). */
	public Optional<Bound> named(String name) {
		return jdbc.sql("SELECT id FROM event_source WHERE name = :n AND enabled = TRUE")
			.param("n", name)
			.query(Long.class)
			.optional()
			.map(this::get)
			.map(s -> new Bound(s.id(), s.name(), s.agencyIds()));
	}

	/**
	 * Counts what a source sent in one batch, taken or refused (for being full, malformed
	 * or oversize): one row update per batch, in the caller's transaction when there is
	 * one.
	 */
	public void count(long sourceId, long accepted, long refused) {
		counters.computeIfAbsent(sourceId, k -> new Counter()).add(accepted);
		jdbc.sql("""
				UPDATE event_source SET events_accepted = events_accepted + :a, events_refused = events_refused + :r,
				  last_seen_at = :seen WHERE id = :id""")
			.param("a", accepted)
			.param("r", refused)
			.param("seen", Timestamp.from(Instant.now()))
			.param("id", sourceId)
			.update();
	}

	/** Per source on this node: a minute of per-second buckets, for the rate. */
	private static final class Counter {

		private final long[] seconds = new long[60];

		private final long[] stamps = new long[60];

		synchronized void add(long taken) {
			long now = System.currentTimeMillis() / 1000;
			int slot = (int) (now % 60);
			if (stamps[slot] != now) {
				stamps[slot] = now;
				seconds[slot] = 0;
			}
			seconds[slot] += taken;
		}

		synchronized double perSecond() {
			long now = System.currentTimeMillis() / 1000;
			long sum = 0;
			for (int i = 0; i < 60; i++) {
				if (now - stamps[i] < 60) {
					sum += seconds[i];
				}
			}
			return sum / 60.0;
		}

	}

}
