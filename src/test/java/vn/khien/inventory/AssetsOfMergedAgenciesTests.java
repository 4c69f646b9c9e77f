package vn.khien.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.khien.KhienTest;
import vn.khien.TestLogins;
import vn.khien.registry.AgenciesMerged;
import vn.khien.registry.AgencyKind;
import vn.khien.registry.AgencyManagement;
import vn.khien.registry.AgencyManagement.AgencyDetails;

@KhienTest
class AssetsOfMergedAgenciesTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JsonMapper json;

	@Autowired
	Assets assets;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestLogins logins;

	@Autowired
	AgencyManagement agencyManagement;

	long agency(String code) {
		// NB: through the registry, whose tree the dashboard's roll-ups read
		return agencyManagement
			.create(new AgencyDetails(code, code, AgencyKind.OTHER, null, null, null, null, null, null))
			.id();
	}

	long asset(long agencyId, String key) {
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.sql("""
				INSERT INTO asset (agency_id, kind, identity_key, hostname, source, first_seen_at, last_seen_at)
				VALUES (:agency, 'SERVER', :key, :host, 'MANUAL', :now, :now)""")
			.param("agency", agencyId)
			.param("key", key)
			.param("host", key.substring(5))
			.param("now", now)
			.update();
		return jdbc.sql("SELECT id FROM asset WHERE agency_id = :agency AND identity_key = :key")
			.param("agency", agencyId)
			.param("key", key)
			.query(Long.class)
			.single();
	}

	long agencyOf(String key, long among1, long among2) {
		return jdbc.sql("SELECT agency_id FROM asset WHERE identity_key = :key AND agency_id IN (:a)")
			.param("key", key)
			.param("a", List.of(among1, among2))
			.query(Long.class)
			.single();
	}

	/** The after state of the audit entries with this action about the agency. */
	List<JsonNode> audited(String action, long agencyId) {
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

	static List<Long> longs(JsonNode array) {
		List<Long> values = new java.util.ArrayList<>();
		array.forEach(n -> values.add(n.asLong()));
		return values;
	}

	/** An agency recorded since 2020, so that a 2025 merge may follow it. */
	long recorded(String prefix) {
		return agencyManagement
			.create(new AgencyDetails(SystemFixtures.code(prefix), "Đơn vị thử " + prefix, AgencyKind.COMMUNE, null,
					null, null, null, null, null), LocalDate.of(2020, 1, 1))
			.id();
	}

	@Test
	void assetsMoveToTheSuccessorExceptThoseItAlreadyHas() {
		long source = agency("T-MERGE-SRC");
		long successor = agency("T-MERGE-DST");
		long onlyInSource = asset(source, "host:only-in-source.merge");
		long inBoth = asset(source, "host:in-both.merge");
		long successorsOwn = asset(successor, "host:in-both.merge");
		transactions.executeWithoutResult(
				s -> events.publishEvent(new AgenciesMerged(List.of(source), successor, LocalDate.now())));
		assertThat(agencyOf("host:only-in-source.merge", source, successor)).isEqualTo(successor);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM asset WHERE agency_id = :a")
			.param("a", successor)
			.query(Long.class)
			.single()).isEqualTo(2);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM asset WHERE agency_id = :a")
			.param("a", source)
			.query(Long.class)
			.single()).isEqualTo(1);

		// one entry for the assets moved, one for those that stayed, each naming them
		List<JsonNode> moved = audited("ASSETS_MOVED", source);
		assertThat(moved).hasSize(1);
		assertThat(moved.get(0).get("agencyId").asLong()).isEqualTo(successor);
		assertThat(moved.get(0).get("count").asInt()).isEqualTo(1);
		assertThat(longs(moved.get(0).get("assetIds"))).containsExactly(onlyInSource);
		List<JsonNode> stayed = audited("ASSETS_LEFT_BEHIND", source);
		assertThat(stayed).hasSize(1);
		assertThat(stayed.get(0).get("count").asInt()).isEqualTo(1);
		JsonNode left = stayed.get(0).get("assets").get(0);
		assertThat(left.get("id").asLong()).isEqualTo(inBoth);
		assertThat(left.get("identityKey").asString()).isEqualTo("host:in-both.merge");
		assertThat(left.get("successorAssetId").asLong()).isEqualTo(successorsOwn);

		// the asset that stayed says why, on its page too
		var why = assets.leftBehind(inBoth).orElseThrow();
		assertThat(why.sourceAgencyId()).isEqualTo(source);
		assertThat(why.successorAgencyId()).isEqualTo(successor);
		assertThat(why.successorAssetId()).isEqualTo(successorsOwn);
		assertThat(assets.leftBehind(onlyInSource)).isEmpty();
		assertThat(mvc.get().uri("/assets/{id}", inBoth).with(logins.session("admin"))).hasStatusOk()
			.bodyText()
			.contains("id=\"left-behind\"")
			.contains("/assets/" + successorsOwn);
	}

	@Test
	void mergeAnswersHowManyAssetsStayedBehind() {
		long a = recorded("TMA");
		long b = recorded("TMB");
		long successor = recorded("TMS");
		asset(a, "host:api-a-only.merge");
		long stays = asset(a, "host:api-shared.merge");
		asset(b, "host:api-shared-b.merge");
		long staysToo = asset(b, "host:api-at-successor.merge");
		asset(successor, "host:api-shared.merge");
		asset(successor, "host:api-at-successor.merge");

		var result = mvc.post()
			.uri("/api/v1/reorganisations/merge")
			.header("Authorization", logins.bearer("operator"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"sourceIds": [%d, %d], "successorId": %d, "effectiveDate": "2025-07-01"}""".formatted(a, b,
					successor))
			.exchange();

		assertThat(result).hasStatus(HttpStatus.CREATED).bodyJson().extractingPath("$.leftBehind.assets").isEqualTo(2);
		long id = jdbc.sql("SELECT MAX(id) FROM reorganisation").query(Long.class).single();
		assertThat(mvc.get().uri("/api/v1/reorganisations/{id}", id).header("Authorization", logins.bearer("admin")))
			.hasStatusOk()
			.bodyJson()
			.extractingPath("$.leftBehind.assets")
			.isEqualTo(2);
		assertThat(mvc.get().uri("/agencies/reorganisations/{id}", id).with(logins.session("admin"))).hasStatusOk()
			.bodyText()
			.contains("id=\"left-behind-assets\"");
		assertThat(audited("ASSETS_LEFT_BEHIND", a)).hasSize(1);
		assertThat(audited("ASSETS_LEFT_BEHIND", b)).hasSize(1);
		assertThat(audited("ASSETS_MOVED", a).get(0).get("count").asInt()).isEqualTo(1);
		assertThat(audited("ASSETS_MOVED", b).get(0).get("count").asInt()).isEqualTo(1);

		// resolving one (the duplicate deleted) leaves one behind
		jdbc.sql("DELETE FROM asset WHERE id = :id").param("id", staysToo).update();
		assertThat(mvc.get().uri("/api/v1/reorganisations/{id}", id).header("Authorization", logins.bearer("admin")))
			.hasStatusOk()
			.bodyJson()
			.extractingPath("$.leftBehind.assets")
			.isEqualTo(1);
		assertThat(assets.leftBehind(stays)).isPresent();
	}

}
