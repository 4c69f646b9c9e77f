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
import vn.khien.platform.importing.ImportProblem;

/**
 * Writes reported anti-malware states onto the hosts of one agency. Hosts are matched by
 * the one identity rule (docs/asset-identity.md, "Coverage records"): a record with a
 * hostname matches only the host of that name; a record with only an address matches only
 * a host without a name, and only when exactly one holds that address. Unknown hosts are
 * created as workstations so the gap shows. Work is done in batches: one query per batch,
 * never one per record.
 */
@Component
public class ProtectionUpdates {

	static final int BATCH = 1000;

	static final int MAX_SOURCE = 20;

	/** In the index of nameless hosts: several of them hold this address. */
	private static final long AMBIGUOUS = -1;

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final CoverageByAgency readModel;

	ProtectionUpdates(JdbcClient jdbc, JdbcTemplate template, CoverageByAgency readModel) {
		this.jdbc = jdbc;
		this.template = template;
		this.readModel = readModel;
	}

	/**
	 * Outcome of applying a coverage report.
	 *
	 * @param parsed records read
	 * @param matched records that matched a host already known
	 * @param created hosts created because no known host matched
	 * @param updated protection states that replaced an earlier one
	 * @param addressConflicts records that became a new host although another host of the
	 * agency (known, or created earlier in the same import) already held their address
	 * @param ambiguousAddresses records with only an address that several nameless hosts
	 * of the agency hold; they match none and are not applied
	 * @param managerSkipped entries of the console reporting on itself (Wazuh agent
	 * {@code 000}), not applied
	 */
	public record Counts(int parsed, int matched, int created, int updated, int addressConflicts,
			int ambiguousAddresses, int managerSkipped) {

		public Map<String, Integer> asMap() {
			Map<String, Integer> map = new LinkedHashMap<>();
			map.put("parsed", parsed);
			map.put("matched", matched);
			map.put("created", created);
			map.put("updated", updated);
			map.put("addressConflicts", addressConflicts);
			map.put("ambiguousAddresses", ambiguousAddresses);
			map.put("managerSkipped", managerSkipped);
			return map;
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
	 * A writer for records pushed by a streaming parser. The caller owns the transaction:
	 * use it inside one and call {@link Writer#finish()} at the end. It takes the
	 * agency's coverage row at once, so a second import of the same agency waits for this
	 * one and then finds the hosts it created.
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

		/** Hosts with a name (identity key {@code host:}), by that name. */
		private final Map<String, Long> byHost = new HashMap<>();

		/**
		 * Hosts without a name (identity key {@code ip:}), by each address they hold, or
		 * {@link #AMBIGUOUS}.
		 */
		private final Map<String, Long> namelessByAddress = new HashMap<>();

		/** Every address held by a host of the agency, named or not. */
		private final Set<String> heldAddresses = new HashSet<>();

		private final Set<Long> known = new HashSet<>();

		private final Set<Long> withStatus = new HashSet<>();

		private final List<CoverageRecord> pending = new ArrayList<>(BATCH);

		private int parsed;

		private int matched;

		private int created;

		private int updated;

		private int addressConflicts;

		private int ambiguousAddresses;

		private int managerSkipped;

		private Writer(long agencyId, String source) {
			this.agencyId = agencyId;
			this.source = source;
			readModel.lock(List.of(agencyId));
			// NB: one read of the agency's hosts up front; an agency has thousands, not
			// millions
			jdbc.sql("""
					SELECT a.id, a.addresses, a.identity_key, ps.asset_id AS status_id
					FROM asset a LEFT JOIN protection_status ps ON ps.asset_id = a.id
					WHERE a.agency_id = :agency""").param("agency", agencyId).query(rs -> {
				long id = rs.getLong("id");
				known.add(id);
				if (rs.getObject("status_id") != null) {
					withStatus.add(id);
				}
				// the key says what the host is (AssetIdentity); a web portal (url:) is
				// no host and matches nothing
				String key = rs.getString("identity_key");
				boolean nameless = key.startsWith("ip:");
				if (key.startsWith("host:")) {
					byHost.put(key.substring(5), id);
				}
				else if (nameless) {
					holds(id, key.substring(3), true);
				}
				else {
					return;
				}
				String addresses = rs.getString("addresses");
				if (addresses != null) {
					for (String address : addresses.split("[,;\\s]+")) {
						if (!address.isEmpty()) {
							holds(id, address, nameless);
						}
					}
				}
			});
		}

		private void holds(long id, String address, boolean nameless) {
			heldAddresses.add(address);
			if (nameless) {
				namelessByAddress.merge(address, id, (a, b) -> a.equals(b) ? a : AMBIGUOUS);
			}
		}

		@Override
		public void accept(CoverageRecord record) {
			parsed++;
			if (record.manager()) {
				managerSkipped++;
				return;
			}
			if (record.hostname() == null && record.address() == null) {
				throw ImportProblem.atLine(record.line(), "import.row.missingIdentity");
			}
			pending.add(record);
			if (pending.size() >= BATCH) {
				flush();
			}
		}

		/**
		 * Writes what is pending and counts the agency's coverage again (by index), in
		 * the caller's transaction.
		 */
		public Counts finish() {
			flush();
			readModel.recount(List.of(agencyId));
			return new Counts(parsed, matched, created, updated, addressConflicts, ambiguousAddresses, managerSkipped);
		}

		/**
		 * The host of a record, or null: by its name only, else by an address exactly one
		 * nameless host holds.
		 */
		private @Nullable Long match(CoverageRecord record) {
			if (record.hostname() != null) {
				return byHost.get(record.hostname());
			}
			Long id = namelessByAddress.get(record.address());
			return id == null || id == AMBIGUOUS ? null : id;
		}

		private boolean ambiguous(CoverageRecord record) {
			Long id = record.hostname() == null ? namelessByAddress.get(record.address()) : null;
			return id != null && id == AMBIGUOUS;
		}

		private void flush() {
			if (pending.isEmpty()) {
				return;
			}
			Map<String, CoverageRecord> newHosts = new LinkedHashMap<>();
			for (CoverageRecord record : pending) {
				if (match(record) == null && !ambiguous(record)) {
					newHosts.putIfAbsent(identityKey(record), record);
				}
			}
			createHosts(newHosts);
			// the last report of a host in the file wins
			Map<Long, CoverageRecord> states = new LinkedHashMap<>();
			for (CoverageRecord record : pending) {
				if (ambiguous(record)) {
					ambiguousAddresses++;
					continue;
				}
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
			// the generated ids come back in batch order, so no second query is needed to
			// find them
			template.batchUpdate(con -> con.prepareStatement(
					"""
							INSERT INTO asset (agency_id, kind, identity_key, hostname, addresses, source, first_seen_at, last_seen_at)
							VALUES (?, 'WORKSTATION', ?, ?, ?, ?, ?, ?)""",
					new String[] { "id" }), new BatchPreparedStatementSetter() {

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
					byHost.put(r.hostname(), id);
				}
				if (r.address() != null) {
					// in file order, so a host created earlier in the same import counts
					// as holding the address
					if (heldAddresses.contains(r.address())) {
						addressConflicts++;
					}
					holds(id, r.address(), r.hostname() == null);
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
