package vn.khien.inventory;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

import vn.khien.registry.Agencies;
import vn.khien.registry.Agency;
import vn.khien.registry.AgencyKind;
import vn.khien.registry.AgencyManagement;
import vn.khien.registry.AgencyManagement.AgencyDetails;

/**
 * Uniquely coded agencies and hosts for coverage tests, on the shared test database.
 * Hosts and states are written directly, past the application, so each write counts its
 * agency into the coverage read model again, as the application's own writes do.
 */
final class CoverageFixtures {

	/** {@code khien.coverage.max-signature-age-days} in the tests: the default. */
	static final int MAX_AGE_DAYS = 7;

	private final JdbcClient jdbc;

	private final AgencyManagement management;

	private final Agencies agencies;

	private final Coverage coverage;

	CoverageFixtures(JdbcClient jdbc, AgencyManagement management, Agencies agencies, Coverage coverage) {
		this.jdbc = jdbc;
		this.management = management;
		this.agencies = agencies;
		this.coverage = coverage;
	}

	static String unique(String prefix) {
		return prefix + ThreadLocalRandom.current().nextInt(100_000, 999_999);
	}

	Agency agency(String prefix, String parentCode) {
		long parent = agencies.findByCode(parentCode).orElseThrow().id();
		return agency(prefix, parent);
	}

	Agency agency(String prefix, long parentId) {
		String code = unique(prefix);
		return management.create(new AgencyDetails(code, "Đơn vị thử " + code, AgencyKind.PUBLIC_SERVICE_UNIT, parentId,
				null, null, null, null, null));
	}

	long host(long agencyId, String kind, String hostname) {
		return host(agencyId, kind, hostname, null);
	}

	/**
	 * A host with a name, holding {@code addresses} (as stored: separated by spaces, or
	 * null).
	 */
	long host(long agencyId, String kind, String hostname, @Nullable String addresses) {
		return insert(agencyId, kind, "host:" + hostname, hostname, addresses);
	}

	/**
	 * A host known only by its addresses (identity key of the first,
	 * docs/asset-identity.md).
	 */
	long namelessHost(long agencyId, String... addresses) {
		return insert(agencyId, "SERVER", "ip:" + addresses[0], null, String.join(" ", addresses));
	}

	private long insert(long agencyId, String kind, String key, @Nullable String hostname, @Nullable String addresses) {
		var keys = new GeneratedKeyHolder();
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.sql(
				"""
						INSERT INTO asset (agency_id, kind, identity_key, hostname, addresses, source, first_seen_at, last_seen_at)
						VALUES (:agency, :kind, :key, :hostname, :addresses, 'test', :now, :now)""")
			.param("agency", agencyId)
			.param("kind", kind)
			.param("key", key)
			.param("hostname", hostname)
			.param("addresses", addresses)
			.param("now", now)
			.update(keys, "id");
		coverage.recount(List.of(agencyId));
		return keys.getKeyAs(Number.class).longValue();
	}

	void status(long assetId, @Nullable String product, boolean running, @Nullable LocalDate signatureDate) {
		jdbc.sql("""
				INSERT INTO protection_status (asset_id, product, running, signature_date, source, updated_at)
				VALUES (:id, :product, :running, :signature, 'test', :now)""")
			.param("id", assetId)
			.param("product", product)
			.param("running", running)
			.param("signature", signatureDate)
			.param("now", Timestamp.from(Instant.now()))
			.update();
		coverage.recount(
				jdbc.sql("SELECT agency_id FROM asset WHERE id = :id").param("id", assetId).query(Long.class).list());
	}

	/** A host that counts as protected today. */
	long protectedHost(long agencyId, String hostname) {
		long id = host(agencyId, "WORKSTATION", hostname);
		status(id, "Bkav Pro", true, Coverage.today());
		return id;
	}

	/**
	 * In-scope and protected hosts of each agency on {@code day}, counted from every
	 * host: the full recount that the read model must equal. Agencies without hosts in
	 * scope are left out.
	 */
	Map<Long, CoverageByAgency.Figures> countedFromHosts(Collection<Long> agencyIds, LocalDate day) {
		Map<Long, CoverageByAgency.Figures> counts = new HashMap<>();
		jdbc.sql("""
				SELECT a.agency_id, COUNT(*) AS in_scope, SUM(CASE WHEN ps.product IS NOT NULL AND ps.running = TRUE
				  AND ps.signature_date >= :cutoff THEN 1 ELSE 0 END) AS protected_hosts
				FROM asset a LEFT JOIN protection_status ps ON ps.asset_id = a.id
				WHERE a.kind IN ('SERVER', 'WORKSTATION', 'LAPTOP') AND a.agency_id IN (:ids) GROUP BY a.agency_id""")
			.param("cutoff", day.minusDays(MAX_AGE_DAYS))
			.param("ids", List.copyOf(agencyIds))
			.query(rs -> {
				counts.put(rs.getLong("agency_id"),
						new CoverageByAgency.Figures(rs.getInt("in_scope"), rs.getInt("protected_hosts")));
			});
		return counts;
	}

	long count(String sql, Object... params) {
		var spec = jdbc.sql(sql);
		for (Object p : params) {
			spec = spec.param(p);
		}
		return spec.query(Long.class).single();
	}

}
