package vn.khien.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.khien.KhienTest;
import vn.khien.TestLogins;
import vn.khien.platform.AgencyHierarchy;

/**
 * The demo province's SOC after start-up: its sources and rules, alerts raised by the
 * pipeline on the demo hosts of several agencies (deduplicated, tagged, of several
 * severities), names no inventory holds counted for the operator, two alerts taken in
 * hand by the operator, and each agency's officer seeing its own alerts only.
 */
@KhienTest
class MonitoringDemoTests {

	/** The ids of demo-rules.yml (vn.khien.monitoring.demo). */
	static final List<String> DEMO_RULES = List.of("e2b3f60b-37d4-4c97-855e-85cc58c94578",
			"c514d218-8fbe-4577-939e-b787b836269b", "6ba18b5c-dbae-4b1f-992c-a3ace40c76e1",
			"dbe9be06-00d6-457c-806b-f028f9c9e752", "990e633d-c0e4-4bb0-9d7c-8791cd28b0b2",
			"dd809747-be05-47fc-84dc-17772403f511", "a62f6ec8-8fc5-428b-91d6-a573106e78b0",
			"3a908efc-0dce-4a9c-9141-014d176e4dde");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestLogins logins;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AgencyHierarchy hierarchy;

	MonitoringCalls api;

	@BeforeEach
	void setUp() {
		api = new MonitoringCalls(mvc, logins, json);
	}

	@Test
	void theDemoSocHasSourcesRulesAndAlertsOfSeveralAgencies() {
		assertThat(jdbc.sql("SELECT COUNT(*) FROM event_source WHERE created_by LIKE '%demo-data'")
			.query(Long.class)
			.single()).as("the demo's sources").isEqualTo(4);
		assertThat(jdbc.sql("SELECT SUM(events_accepted) FROM event_source WHERE created_by LIKE '%demo-data'")
			.query(Long.class)
			.single()).as("a few hundred events").isBetween(300L, 1000L);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM detection_rule WHERE rule_uid IN (:u) AND enabled = TRUE")
			.param("u", DEMO_RULES)
			.query(Long.class)
			.single()).isEqualTo(DEMO_RULES.size());

		List<Long> agencies = jdbc
			.sql("SELECT DISTINCT agency_id FROM alert WHERE rule_uid IN (:u) AND agency_id IS NOT NULL")
			.param("u", DEMO_RULES)
			.query(Long.class)
			.list();
		assertThat(agencies).as("alerts placed on several agencies").hasSizeGreaterThanOrEqualTo(3);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM alert WHERE rule_uid IN (:u) AND event_count > 1")
			.param("u", DEMO_RULES)
			.query(Long.class)
			.single()).as("deduplicated alerts").isPositive();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM alert WHERE rule_uid IN (:u) AND tags LIKE '%attack.t%'")
			.param("u", DEMO_RULES)
			.query(Long.class)
			.single()).as("alerts with ATT&CK techniques").isPositive();
		assertThat(jdbc.sql("SELECT DISTINCT severity FROM alert WHERE rule_uid IN (:u)")
			.param("u", DEMO_RULES)
			.query(String.class)
			.list()).contains("LOW", "MEDIUM", "HIGH", "CRITICAL");
		// the correlations raise alerts, their steps none of their own
		assertThat(jdbc.sql("SELECT COUNT(*) FROM alert WHERE rule_uid IN (:u)")
			.param("u", List.of("c514d218-8fbe-4577-939e-b787b836269b", "dbe9be06-00d6-457c-806b-f028f9c9e752"))
			.query(Long.class)
			.single()).isGreaterThanOrEqualTo(3);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM alert WHERE rule_uid = 'e2b3f60b-37d4-4c97-855e-85cc58c94578'")
			.query(Long.class)
			.single()).isZero();
		// the ATT&CK page counts what the demo raised
		assertThat(jdbc.sql("SELECT COALESCE(SUM(alerts), 0) FROM alert_day WHERE technique = 'T1110.001'")
			.query(Long.class)
			.single()).isPositive();
	}

	@Test
	void namesNoInventoryHoldsAreCountedForTheOperator() {
		assertThat(jdbc.sql("SELECT COUNT(*) FROM alert WHERE rule_uid IN (:u) AND agency_id IS NULL")
			.param("u", DEMO_RULES)
			.query(Long.class)
			.single()).as("alerts nobody could place, in the operators' queue").isPositive();
		List<String> listed = new ArrayList<>();
		for (JsonNode u : api.get("operator", "/api/v1/events/unknown-hosts?size=500", 200).get("items")) {
			if (u.get("events").asLong() > 0) {
				listed.add(u.get("key").asString());
			}
		}
		assertThat(listed).contains("ip:10.250.3.20", "host:web-thunghiem.lachong.gov.vn");
	}

	@Test
	void theOperatorTookTwoAlertsInHand() {
		List<String> steps = jdbc.sql("""
				SELECT status || ' ' || status_by FROM alert WHERE rule_uid IN (:u) AND status <> 'NEW'
				ORDER BY status""").param("u", DEMO_RULES).query(String.class).list();
		assertThat(steps).contains("ACKNOWLEDGED operator", "FALSE_POSITIVE operator");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM alert WHERE rule_uid IN (:u) AND status = 'ESCALATED'")
			.param("u", DEMO_RULES)
			.query(Long.class)
			.single()).as("no demo alert became an incident").isZero();
	}

	@Test
	void anOfficerSeesOnlyTheirAgencysDemoAlerts() {
		long health = agency("SYT");
		long education = agency("SGDDT");
		Set<Long> healthScope = hierarchy.selfAndDescendants(health);
		JsonNode seen = api.get("officer", "/api/v1/alerts?size=200", 200).get("items");
		assertThat(seen).isNotEmpty();
		List<String> rules = new ArrayList<>();
		for (JsonNode alert : seen) {
			assertThat(healthScope).contains(alert.get("agencyId").asLong());
			rules.add(alert.get("ruleUid").asString());
		}
		assertThat(rules).as("the health department's demo alerts").containsAnyElementsOf(DEMO_RULES);
		JsonNode other = api.get("officer2", "/api/v1/alerts?size=200", 200).get("items");
		boolean demo = false;
		for (JsonNode alert : other) {
			assertThat(healthScope).doesNotContain(alert.get("agencyId").asLong());
			assertThat(hierarchy.selfAndDescendants(education)).contains(alert.get("agencyId").asLong());
			demo |= DEMO_RULES.contains(alert.get("ruleUid").asString());
		}
		assertThat(demo).as("the education department's demo alerts").isTrue();
	}

	private long agency(String code) {
		return jdbc.sql("SELECT id FROM agency WHERE code = :c").param("c", code).query(Long.class).single();
	}

}
