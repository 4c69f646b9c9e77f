package vn.khien.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.khien.inventory.AssetsOfMergedAgenciesTests.longs;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.khien.KhienTest;
import vn.khien.registry.Agencies;
import vn.khien.registry.AgenciesMerged;
import vn.khien.registry.AgencyKind;
import vn.khien.registry.AgencyManagement;
import vn.khien.registry.AgencyManagement.AgencyDetails;

@KhienTest
class SystemAgencyMergeTests {

	@Autowired
	SystemManagement management;

	@Autowired
	Systems systems;

	@Autowired
	Agencies agencies;

	@Autowired
	AgencyManagement agencyManagement;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	long agency(String code) {
		return agencyManagement
			.create(new AgencyDetails(code, "Đơn vị thử " + code, AgencyKind.COMMUNE, null, null, null, null, null,
					null))
			.id();
	}

	String agencyCode(long id) {
		return agencies.get(id).code();
	}

	@Test
	void mergedAgenciesSystemsUsesAndHostsMoveToTheSuccessor() {
		String tag = SystemFixtures.code("M");
		long a = agency(tag + "-A");
		long b = agency(tag + "-B");
		long successor = agency(tag + "-S");
		var fixtures = new SystemFixtures(management, systems, agencies);
		InformationSystem ownedByA = fixtures.system(agencyCode(a), false);
		InformationSystem sharedUsedByB = fixtures.shared("SKHCN", List.of(agencyCode(b), agencyCode(successor)));
		InformationSystem ownedBySuccessorUsedByA = fixtures.shared(agencyCode(successor), List.of(agencyCode(a)));
		SystemFixtures.asset(jdbc, a, ownedByA.id(), tag + "-host-1");
		SystemFixtures.asset(jdbc, a, null, tag + "-dup");
		SystemFixtures.asset(jdbc, b, null, tag + "-dup");

		transactions.executeWithoutResult(
				s -> events.publishEvent(new AgenciesMerged(List.of(a, b), successor, LocalDate.now())));

		assertThat(systems.get(ownedByA.id()).ownerAgencyId()).isEqualTo(successor);
		assertThat(systems.userAgencyIds(sharedUsedByB.id())).containsExactly(successor);
		assertThat(systems.get(sharedUsedByB.id()).shared()).isTrue();
		assertThat(systems.userAgencyIds(ownedBySuccessorUsedByA.id())).isEmpty();
		assertThat(systems.get(ownedBySuccessorUsedByA.id()).shared()).isFalse();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM asset WHERE agency_id = :s AND identity_key LIKE :k")
			.param("s", successor)
			.param("k", tag + "%")
			.query(Long.class)
			.single()).isEqualTo(2);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM asset WHERE agency_id IN (:ab)")
			.param("ab", List.of(a, b))
			.query(Long.class)
			.single()).isEqualTo(1);

		// one entry per source agency and kind of record
		JsonNode systemsOfA = only("SYSTEMS_MOVED", a);
		assertThat(systemsOfA.get("agencyId").asLong()).isEqualTo(successor);
		assertThat(longs(systemsOfA.get("ownedSystemIds"))).containsExactly(ownedByA.id());
		assertThat(longs(systemsOfA.get("usedSystemIds"))).containsExactly(ownedBySuccessorUsedByA.id());
		JsonNode systemsOfB = only("SYSTEMS_MOVED", b);
		assertThat(longs(systemsOfB.get("ownedSystemIds"))).isEmpty();
		assertThat(longs(systemsOfB.get("usedSystemIds"))).containsExactly(sharedUsedByB.id());
		assertThat(only("ASSETS_MOVED", a).get("count").asInt()).isEqualTo(2);
		assertThat(entries("ASSETS_MOVED", b)).isEmpty();
		JsonNode stayed = only("ASSETS_LEFT_BEHIND", b);
		assertThat(stayed.get("count").asInt()).isEqualTo(1);
		assertThat(stayed.get("assets").get(0).get("identityKey").asString()).isEqualTo(tag + "-dup");
		assertThat(entries("AGENCIES_MERGED", a)).isEmpty();
	}

	List<JsonNode> entries(String action, long agencyId) {
		return jdbc
			.sql("""
					SELECT after_state FROM audit_entry WHERE action = :action AND entity_type = 'agency' AND entity_id = :id
					ORDER BY seq""")
			.param("action", action)
			.param("id", Long.toString(agencyId))
			.query(String.class)
			.list()
			.stream()
			.map(json::readTree)
			.toList();
	}

	JsonNode only(String action, long agencyId) {
		List<JsonNode> found = entries(action, agencyId);
		assertThat(found).as(action + " of " + agencyId).hasSize(1);
		return found.get(0);
	}

}
