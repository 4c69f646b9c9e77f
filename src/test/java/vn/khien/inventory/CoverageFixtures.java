package vn.khien.inventory;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

import vn.khien.registry.Agencies;
import vn.khien.registry.Agency;
import vn.khien.registry.AgencyKind;
import vn.khien.registry.AgencyManagement;
import vn.khien.registry.AgencyManagement.AgencyDetails;

/** Uniquely coded agencies and hosts for coverage tests, on the shared test database. */
final class CoverageFixtures {

	private final JdbcClient jdbc;

	private final AgencyManagement management;

	private final Agencies agencies;

	CoverageFixtures(JdbcClient jdbc, AgencyManagement management, Agencies agencies) {
		this.jdbc = jdbc;
		this.management = management;
		this.agencies = agencies;
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

	/** A host with a name, holding {@code addresses} (as stored: separated by spaces, or null). */
	long host(long agencyId, String kind, String hostname, @Nullable String addresses) {
		return insert(agencyId, kind, "host:" + hostname, hostname, addresses);
	}

	/** A host known only by its addresses (identity key of the first, docs/asset-identity.md). */
	long namelessHost(long agencyId, String... addresses) {
		return insert(agencyId, "SERVER", "ip:" + addresses[0], null, String.join(" ", addresses));
	}

	private long insert(long agencyId, String kind, String key, @Nullable String hostname, @Nullable String addresses) {
		var keys = new GeneratedKeyHolder();
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.sql("""
				INSERT INTO asset (agency_id, kind, identity_key, hostname, addresses, source, first_seen_at, last_seen_at)
				VALUES (:agency, :kind, :key, :hostname, :addresses, 'test', :now, :now)""")
			.param("agency", agencyId)
			.param("kind", kind)
			.param("key", key)
			.param("hostname", hostname)
			.param("addresses", addresses)
			.param("now", now)
			.update(keys, "id");
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
	}

	/** A host that counts as protected today. */
	long protectedHost(long agencyId, String hostname) {
		long id = host(agencyId, "WORKSTATION", hostname);
		status(id, "Bkav Pro", true, Coverage.today());
		return id;
	}

	long count(String sql, Object... params) {
		var spec = jdbc.sql(sql);
		for (Object p : params) {
			spec = spec.param(p);
		}
		return spec.query(Long.class).single();
	}
}
