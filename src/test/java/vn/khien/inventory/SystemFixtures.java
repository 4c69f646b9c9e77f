package vn.khien.inventory;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.simple.JdbcClient;

import vn.khien.inventory.SystemManagement.SystemDetails;
import vn.khien.registry.Agencies;

/**
 * Uniquely coded systems for tests, created without a signed-in user (like start-up
 * jobs); other modules' tests use it too.
 */
public final class SystemFixtures {

	private static final AtomicInteger SEQ = new AtomicInteger();

	private final SystemManagement management;

	private final Systems systems;

	private final Agencies agencies;

	public SystemFixtures(SystemManagement management, Systems systems, Agencies agencies) {
		this.management = management;
		this.systems = systems;
		this.agencies = agencies;
	}

	static String code(String prefix) {
		return prefix + "-T" + SEQ.incrementAndGet() + "-" + Long.toString(System.nanoTime() % 100_000, 36);
	}

	long agency(String code) {
		return agencies.findByCode(code).orElseThrow().id();
	}

	public InformationSystem system(String ownerCode, boolean egov) {
		return management.create(new SystemDetails(code(ownerCode), "Hệ thống thử " + ownerCode, agency(ownerCode),
				null, "Thử nghiệm", 10, SystemLifecycle.OPERATING, Hosting.OWN_PREMISES, null, false,
				PublicServiceLevel.NONE, DataClassification.INTERNAL, false, null, null, StateSecretGrade.NONE, false,
				egov, MonitoringKind.NONE, null));
	}

	InformationSystem shared(String ownerCode, List<String> userCodes) {
		InformationSystem s = system(ownerCode, false);
		management.setUserAgencies(s.id(), userCodes.stream().map(this::agency).toList());
		return systems.get(s.id());
	}

	static void asset(JdbcClient jdbc, long agencyId, Long systemId, String key) {
		java.sql.Timestamp now = java.sql.Timestamp.from(Instant.now());
		jdbc.sql(
				"""
						INSERT INTO asset (agency_id, system_id, kind, identity_key, hostname, source, first_seen_at, last_seen_at)
						VALUES (:agency, :system, 'SERVER', :key, :key, 'MANUAL', :now, :now)""")
			.param("agency", agencyId)
			.param("system", systemId)
			.param("key", key)
			.param("now", now)
			.update();
	}

}
