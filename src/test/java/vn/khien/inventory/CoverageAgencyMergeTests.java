package vn.khien.inventory;

import static org.assertj.core.api.Assertions.assertThat;

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
import vn.khien.registry.Agency;
import vn.khien.registry.AgencyManagement;

@KhienTest
class CoverageAgencyMergeTests {

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Coverage coverage;

	@Autowired
	JsonMapper json;

	@Autowired
	AgencyManagement management;

	@Autowired
	Agencies agencies;

	@Test
	void mergedAgenciesHistoryAndCampaignsMoveToTheSuccessor() {
		var fixtures = new CoverageFixtures(jdbc, management, agencies, coverage);
		Agency a = fixtures.agency("TCM", "SNV");
		Agency b = fixtures.agency("TCN", "SNV");
		Agency successor = fixtures.agency("TCO", "SNV");
		LocalDate day = LocalDate.of(2021, 3, 1);
		for (Object[] row : List.of(new Object[] { a.id(), 4, 3 }, new Object[] { b.id(), 2, 1 },
				new Object[] { successor.id(), 1, 1 })) {
			jdbc.sql(
					"INSERT INTO coverage_snapshot (snapshot_date, agency_id, in_scope, protected) VALUES (?, ?, ?, ?)")
				.params(day, row[0], row[1], row[2])
				.update();
		}
		jdbc.sql("INSERT INTO malware_campaign (name, starts_on, ends_on, created_by, created_at)"
				+ " VALUES ('merge test', DATE '2021-03-01', DATE '2021-03-31', 'test', CURRENT_TIMESTAMP)")
			.update();
		long campaign = jdbc.sql("SELECT MAX(id) FROM malware_campaign").query(Long.class).single();
		jdbc.sql("INSERT INTO malware_campaign_agency (campaign_id, agency_id) VALUES (?, ?)")
			.params(campaign, a.id())
			.update();
		transactions.executeWithoutResult(
				s -> events.publishEvent(new AgenciesMerged(List.of(a.id(), b.id()), successor.id(), day)));
		assertThat(fixtures.count("SELECT in_scope * 100 + protected FROM coverage_snapshot WHERE snapshot_date = ?"
				+ " AND agency_id = ?", day, successor.id()))
			.isEqualTo(705);
		assertThat(fixtures.count("SELECT COUNT(*) FROM coverage_snapshot WHERE agency_id IN (?, ?)", a.id(), b.id()))
			.isZero();
		assertThat(jdbc.sql("SELECT agency_id FROM malware_campaign_agency WHERE campaign_id = ?")
			.params(campaign)
			.query(Long.class)
			.list()).containsExactly(successor.id());

		// one entry per source agency
		JsonNode ofA = moved(a.id());
		assertThat(ofA.get("agencyId").asLong()).isEqualTo(successor.id());
		assertThat(ofA.get("snapshotDays").asLong()).isEqualTo(1);
		assertThat(AssetsOfMergedAgenciesTests.longs(ofA.get("campaignIds"))).containsExactly(campaign);
		JsonNode ofB = moved(b.id());
		assertThat(ofB.get("snapshotDays").asLong()).isEqualTo(1);
		assertThat(AssetsOfMergedAgenciesTests.longs(ofB.get("campaignIds"))).isEmpty();
	}

	JsonNode moved(long agencyId) {
		List<String> entries = jdbc.sql("""
				SELECT after_state FROM audit_entry WHERE action = 'COVERAGE_MOVED' AND entity_type = 'agency'
				  AND entity_id = ?""").params(Long.toString(agencyId)).query(String.class).list();
		assertThat(entries).hasSize(1);
		return json.readTree(entries.get(0));
	}

}
