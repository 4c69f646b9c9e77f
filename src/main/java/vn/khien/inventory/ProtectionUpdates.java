package vn.khien.inventory;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.khien.inventory.importing.CoverageRecord;
import vn.khien.inventory.importing.ImportProblem;

/**
 * Writes reported anti-malware states onto the hosts of one agency. Hosts are matched by the one
 * identity rule (hostname, else address); unknown hosts are created as workstations so the gap shows.
 * Work is done in batches: one query per batch, never one per record.
 */
@Component
public class ProtectionUpdates {

	static final int BATCH = 1000;

	static final int MAX_SOURCE = 20;

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	ProtectionUpdates(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	/**
	 * Outcome of applying a coverage report.
	 *
	 * @param parsed records read
	 * @param matched records that matched a host already known
	 * @param created hosts created because no known host matched
	 * @param updated protection states that replaced an earlier one
	 */
	public record Counts(int parsed, int matched, int created, int updated) {

		public Map<String, Integer> asMap() {
			return Map.of("parsed", parsed, "matched", matched, "created", created, "updated", updated);
		}
	}

	/** Applies every record, all or nothing. */
	@Transactional
	public Counts apply(long agencyId, String source, Stream<CoverageRecord> records) {
		Writer writer = writer(agencyId, source);
		records.forEachOrdered(writer);
		return writer.finish();
	}

	@Transactional
	public Counts apply(long agencyId, String source, Iterator<CoverageRecord> records) {
		Writer writer = writer(agencyId, source);
		records.forEachRemaining(writer);
		return writer.finish();
	}

	/**
	 * A writer for records pushed by a streaming parser. The caller owns the transaction: use it inside
	 * one and call {@link Writer#finish()} at the end.
	 */
	public Writer writer(long agencyId, String source) {
		if (source.isBlank() || source.length() > MAX_SOURCE) {
			throw new IllegalArgumentException("invalid source");
		}
		return new Writer(agencyId, source);
	}

	public final class Writer implements Consumer<CoverageRecord> {

		private final long agencyId;

		private final String source;

		private final Map<String, Long> byHost = new HashMap<>();

		private final Map<String, Long> byAddress = new HashMap<>();

		private final Set<Long> known = new HashSet<>();

		private final Set<Long> withStatus = new HashSet<>();

		private final List<CoverageRecord> pending = new ArrayList<>(BATCH);

		private int parsed;

		private int matched;

		private int created;

		private int updated;

		private Writer(long agencyId, String source) {
			this.agencyId = agencyId;
			this.source = source;
			// NB: one read of the agency's hosts up front; an agency has thousands, not millions
			jdbc.sql("""
					SELECT a.id, a.hostname, a.addresses, a.identity_key, ps.asset_id AS status_id
					FROM asset a LEFT JOIN protection_status ps ON ps.asset_id = a.id
					WHERE a.agency_id = :agency""").param("agency", agencyId).query(rs -> {
				long id = rs.getLong("id");
				known.add(id);
				if (rs.getObject("status_id") != null) {
					withStatus.add(id);
				}
				String key = rs.getString("identity_key");
				if (key.startsWith("host:")) {
					byHost.putIfAbsent(key.substring(5), id);
				}
				else if (key.startsWith("ip:")) {
					byAddress.putIfAbsent(key.substring(3), id);
				}
				String hostname = rs.getString("hostname");
				if (hostname != null && !hostname.isBlank()) {
					byHost.putIfAbsent(hostname.trim().toLowerCase(java.util.Locale.ROOT), id);
				}
				String addresses = rs.getString("addresses");
				if (addresses != null) {
					for (String address : addresses.split("[,;\\s]+")) {
						if (!address.isEmpty()) {
							byAddress.putIfAbsent(address, id);
						}
					}
				}
			});
		}

		@Override
		public void accept(CoverageRecord record) {
			if (record.hostname() == null && record.address() == null) {
				throw ImportProblem.atLine(record.line(), "import.row.missingIdentity");
			}
			parsed++;
			pending.add(record);
			if (pending.size() >= BATCH) {
				flush();
			}
		}

		public Counts finish() {
			flush();
			return new Counts(parsed, matched, created, updated);
		}

		private @Nullable Long match(CoverageRecord record) {
			Long id = record.hostname() == null ? null : byHost.get(record.hostname());
			if (id == null && record.address() != null) {
				id = byAddress.get(record.address());
			}
			return id;
		}

		private void flush() {
			if (pending.isEmpty()) {
				return;
			}
			Map<String, CoverageRecord> newHosts = new LinkedHashMap<>();
			for (CoverageRecord record : pending) {
				if (match(record) == null) {
					newHosts.putIfAbsent(identityKey(record), record);
				}
			}
			createHosts(newHosts);
			// the last report of a host in the file wins
			Map<Long, CoverageRecord> states = new LinkedHashMap<>();
			for (CoverageRecord record : pending) {
				Long id = match(record);
				if (id == null) {
					throw new IllegalStateException("host not created");
				}
				if (known.contains(id)) {
					matched++;
				}
				states.put(id, record);
			}
			writeStates(states);
			pending.clear();
		}

		private void createHosts(Map<String, CoverageRecord> hosts) {
			if (hosts.isEmpty()) {
				return;
			}
			Timestamp now = Timestamp.from(Instant.now());
			List<Map.Entry<String, CoverageRecord>> rows = new ArrayList<>(hosts.entrySet());
			var keys = new GeneratedKeyHolder();
			// the generated ids come back in batch order, so no second query is needed to find them
			template.batchUpdate(con -> con.prepareStatement("""
					INSERT INTO asset (agency_id, kind, identity_key, hostname, addresses, source, first_seen_at, last_seen_at)
					VALUES (?, 'WORKSTATION', ?, ?, ?, ?, ?, ?)""", new String[] { "id" }), new BatchPreparedStatementSetter() {

				@Override
				public void setValues(PreparedStatement ps, int i) throws SQLException {
					Map.Entry<String, CoverageRecord> row = rows.get(i);
					CoverageRecord r = row.getValue();
					ps.setLong(1, agencyId);
					ps.setString(2, row.getKey());
					setString(ps, 3, r.hostname());
					setString(ps, 4, r.address());
					ps.setString(5, source);
					ps.setTimestamp(6, now);
					ps.setTimestamp(7, now);
				}

				@Override
				public int getBatchSize() {
					return rows.size();
				}
			}, keys);
			List<Map<String, Object>> ids = keys.getKeyList();
			if (ids.size() != rows.size()) {
				throw new IllegalStateException("generated ids missing");
			}
			for (int i = 0; i < rows.size(); i++) {
				long id = ((Number) ids.get(i).values().iterator().next()).longValue();
				CoverageRecord r = rows.get(i).getValue();
				if (r.hostname() != null) {
					byHost.putIfAbsent(r.hostname(), id);
				}
				if (r.address() != null) {
					byAddress.putIfAbsent(r.address(), id);
				}
			}
			created += hosts.size();
		}

		private void writeStates(Map<Long, CoverageRecord> states) {
			List<Map.Entry<Long, CoverageRecord>> updates = new ArrayList<>();
			List<Map.Entry<Long, CoverageRecord>> inserts = new ArrayList<>();
			for (var entry : states.entrySet()) {
				(withStatus.add(entry.getKey()) ? inserts : updates).add(entry);
			}
			Timestamp now = Timestamp.from(Instant.now());
			if (!updates.isEmpty()) {
				template.batchUpdate("""
						UPDATE protection_status SET product = ?, product_version = ?, running = ?, signature_date = ?,
						  last_check_in = ?, source = ?, updated_at = ? WHERE asset_id = ?""", updates, updates.size(),
						(ps, row) -> {
							bindState(ps, row.getValue(), now);
							ps.setLong(8, row.getKey());
						});
				updated += updates.size();
			}
			if (!inserts.isEmpty()) {
				template.batchUpdate("""
						INSERT INTO protection_status (product, product_version, running, signature_date, last_check_in,
						  source, updated_at, asset_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", inserts, inserts.size(),
						(ps, row) -> {
							bindState(ps, row.getValue(), now);
							ps.setLong(8, row.getKey());
						});
			}
		}

		private void bindState(PreparedStatement ps, CoverageRecord r, Timestamp now) throws SQLException {
			setString(ps, 1, truncate(r.product(), 255));
			setString(ps, 2, truncate(r.productVersion(), 100));
			ps.setBoolean(3, Boolean.TRUE.equals(r.running()));
			if (r.signatureDate() == null) {
				ps.setNull(4, Types.DATE);
			}
			else {
				ps.setObject(4, r.signatureDate());
			}
			if (r.lastCheckIn() == null) {
				ps.setNull(5, Types.TIMESTAMP);
			}
			else {
				ps.setTimestamp(5, Timestamp.from(r.lastCheckIn()));
			}
			ps.setString(6, source);
			ps.setTimestamp(7, now);
		}
	}

	/** The identity key of a host reported only by coverage (docs/asset-identity.md). */
	static String identityKey(CoverageRecord record) {
		return record.hostname() != null ? "host:" + record.hostname() : "ip:" + record.address();
	}

	private static @Nullable String truncate(@Nullable String value, int max) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String v = value.strip();
		return v.length() <= max ? v : v.substring(0, max);
	}

	private static void setString(PreparedStatement ps, int index, @Nullable String value) throws SQLException {
		if (value == null) {
			ps.setNull(index, Types.VARCHAR);
		}
		else {
			ps.setString(index, value);
		}
	}
}
