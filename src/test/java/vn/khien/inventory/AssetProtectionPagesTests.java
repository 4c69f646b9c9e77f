package vn.khien.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import vn.khien.KhienTest;
import vn.khien.SqlStatements;
import vn.khien.TestLogins;
import vn.khien.registry.Agencies;
import vn.khien.registry.Agency;
import vn.khien.registry.AgencyManagement;

/**
 * Hosts in the list and on their page: the anti-malware state of each host (protected or
 * why not, linked to the agency's hosts in that state), the host's agency and information
 * system, and the state in the export.
 */
@KhienTest
class AssetProtectionPagesTests {

	// NB: the systems written here directly, the levels read model is recounted as the
	// services do
	@org.springframework.beans.factory.annotation.Autowired
	SystemLevels levels;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestLogins logins;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Coverage coverage;

	@Autowired
	AgencyManagement management;

	@Autowired
	Agencies agencies;

	CoverageFixtures fixtures;

	Agency unit;

	long systemId;

	String systemName;

	long protectedHost;

	long notRunning;

	long outdated;

	long neverReported;

	long switchHost;

	Instant checkIn;

	/** A unit under the health department (the officer's) with a host in each state. */
	@BeforeEach
	void unitWithHostsInEveryState() {
		fixtures = new CoverageFixtures(jdbc, management, agencies, coverage);
		unit = fixtures.agency("HPS", "SYT");
		String u = unit.code().toLowerCase();
		protectedHost = fixtures.protectedHost(unit.id(), u + "-ok.example.vn");
		checkIn = Instant.now().truncatedTo(ChronoUnit.MINUTES);
		// version and check-in do not change the rule: written past the application
		// without a recount
		jdbc.sql("UPDATE protection_status SET product_version = '12.0.1', last_check_in = :t WHERE asset_id = :id")
			.param("t", Timestamp.from(checkIn))
			.param("id", protectedHost)
			.update();
		notRunning = fixtures.host(unit.id(), "WORKSTATION", u + "-stopped.example.vn");
		fixtures.status(notRunning, "Bkav Pro", false, Coverage.today());
		outdated = fixtures.host(unit.id(), "LAPTOP", u + "-old.example.vn");
		fixtures.status(outdated, "Bkav Pro", true, Coverage.today().minusDays(CoverageFixtures.MAX_AGE_DAYS + 1));
		neverReported = fixtures.host(unit.id(), "SERVER", u + "-silent.example.vn");
		switchHost = fixtures.host(unit.id(), "NETWORK_DEVICE", u + "-switch.example.vn");
		systemName = "Hệ thống quản lý bệnh án " + unit.code();
		jdbc.sql("""
				INSERT INTO information_system (code, name, owner_agency_id, lifecycle, hosting, created_at, updated_at)
				VALUES (:code, :name, :agency, 'OPERATING', 'OWN_PREMISES', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""")
			.param("code", unit.code() + "-HIS")
			.param("name", systemName)
			.param("agency", unit.id())
			.update();
		levels.recount(unit.id());
		systemId = jdbc.sql("SELECT id FROM information_system WHERE code = :c")
			.param("c", unit.code() + "-HIS")
			.query(Long.class)
			.single();
		jdbc.sql("UPDATE asset SET system_id = :s WHERE id = :id")
			.param("s", systemId)
			.param("id", protectedHost)
			.update();
	}

	MvcTestResult page(String user, String language, String uri, Object... vars) {
		return mvc.get().uri(uri, vars).with(logins.session(user)).param("lang", language).exchange();
	}

	Document html(String user, String language, String uri, Object... vars) {
		MvcTestResult result = page(user, language, uri, vars);
		assertThat(result).hasStatusOk();
		return Jsoup.parse(new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8));
	}

	/** The state badge (or dash) in the host's row of the list. */
	static Element state(Document list, long assetId) {
		Element row = list.selectFirst("tr[data-asset-id=" + assetId + "]");
		assertThat(row).as("row of host " + assetId).isNotNull();
		return row.selectFirst(".protection-state");
	}

	@Test
	void theListShowsEachHostsStateLinkedToTheAgencysHostsInThatState() {
		Document list = html("operator", "vi", "/assets?agency={id}", unit.id());
		assertThat(list.select("#asset-table th").eachText()).contains("Phòng chống mã độc");
		Element ok = state(list, protectedHost);
		assertThat(ok.text()).isEqualTo("Đã bảo vệ");
		assertThat(ok.attr("href")).isEqualTo("/coverage/unprotected?agency=" + unit.id() + "&protection=PROTECTED");
		Element stopped = state(list, notRunning);
		assertThat(stopped.text()).isEqualTo("Phần mềm không chạy");
		assertThat(stopped.attr("href")).isEqualTo("/coverage/unprotected?agency=" + unit.id() + "&reason=NOT_RUNNING");
		assertThat(state(list, outdated).text()).isEqualTo("Mẫu nhận diện quá cũ");
		assertThat(state(list, neverReported).text()).isEqualTo("Chưa từng báo cáo");
		Element dash = state(list, switchHost);
		assertThat(dash.text()).isEqualTo("—");
		assertThat(dash.is("a")).isFalse();
		assertThat(dash.attr("title")).isEqualTo("Không thuộc diện phải cài phần mềm phòng chống mã độc");

		Document english = html("officer", "en", "/assets?agency={id}", unit.id());
		assertThat(state(english, protectedHost).text()).isEqualTo("Protected");
		assertThat(state(english, notRunning).text()).isEqualTo("Not running");
	}

	@Test
	void aBadgeOpensAListThatHoldsItsHost() {
		Document list = html("officer", "vi", "/assets?agency={id}", unit.id());
		for (long host : List.of(protectedHost, notRunning, outdated, neverReported)) {
			Document target = html("officer", "vi", state(list, host).attr("href"));
			String hostname = jdbc.sql("SELECT hostname FROM asset WHERE id = :id")
				.param("id", host)
				.query(String.class)
				.single();
			assertThat(target.select("#unprotected-table td").eachText()).contains(hostname);
		}
	}

	@Test
	void theStatesFollowTheRuleInJava() {
		Document list = html("operator", "vi", "/assets?agency={id}", unit.id());
		for (long host : List.of(protectedHost, notRunning, outdated, neverReported)) {
			var s = jdbc.sql("SELECT product, running, signature_date FROM protection_status WHERE asset_id = :id")
				.param("id", host)
				.query((rs,
						n) -> new Object[] { rs.getString(1), rs.getObject(2, Boolean.class),
								rs.getDate(3) == null ? null : rs.getDate(3).toLocalDate() })
				.optional();
			Coverage.Reason expected = Coverage.reason(s.isPresent(), s.map(r -> (String) r[0]).orElse(null),
					s.map(r -> (Boolean) r[1]).orElse(null), s.map(r -> (LocalDate) r[2]).orElse(null),
					Coverage.today(), CoverageFixtures.MAX_AGE_DAYS);
			String word = expected == null ? "Đã bảo vệ"
					: Map
						.of(Coverage.Reason.NEVER_CHECKED_IN, "Chưa từng báo cáo", Coverage.Reason.NO_PRODUCT,
								"Không có phần mềm", Coverage.Reason.NOT_RUNNING, "Phần mềm không chạy",
								Coverage.Reason.OUTDATED_SIGNATURES, "Mẫu nhận diện quá cũ")
						.get(expected);
			assertThat(state(list, host).text()).isEqualTo(word);
		}
	}

	@Test
	void theListLooksUpTheStatesOfAPageAtOnce() {
		// the same statements for a page of 2 hosts as for a page of 5 (once caches are
		// warm)
		assertThat(page("operator", "vi", "/assets?size=5&agency={id}", unit.id())).hasStatusOk();
		long small = SqlStatements
			.during(() -> assertThat(page("operator", "vi", "/assets?size=2&agency={id}", unit.id())).hasStatusOk());
		long large = SqlStatements
			.during(() -> assertThat(page("operator", "vi", "/assets?size=5&agency={id}", unit.id())).hasStatusOk());
		assertThat(large).isEqualTo(small);
	}

	@Test
	void theExportHasTheStateAsCodes() {
		MvcTestResult export = page("officer", "vi", "/assets/export.csv?agency={id}", unit.id());
		assertThat(export).hasStatusOk();
		String csv = new String(export.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
		String u = unit.code().toLowerCase();
		assertThat(csv).startsWith("\uFEFFkind,hostname,addresses,mac,os,url,system,agency,protection,reason\r\n")
			.contains(u + "-ok.example.vn,,,,," + unit.code() + "-HIS," + unit.code() + ",PROTECTED,\r\n")
			.contains(u + "-stopped.example.vn,,,,,," + unit.code() + ",UNPROTECTED,NOT_RUNNING\r\n")
			.contains(u + "-old.example.vn,,,,,," + unit.code() + ",UNPROTECTED,OUTDATED_SIGNATURES\r\n")
			.contains(u + "-silent.example.vn,,,,,," + unit.code() + ",UNPROTECTED,NEVER_CHECKED_IN\r\n")
			.contains(u + "-switch.example.vn,,,,,," + unit.code() + ",,\r\n");
	}

	@Test
	void theHostPageShowsItsAgencySystemAndAntiMalwareState() {
		Document host = html("officer", "vi", "/assets/{id}", protectedHost);
		var crumbs = host.select("#asset-breadcrumb li");
		assertThat(crumbs.eachText()).containsExactly("Tài sản, thiết bị", unit.name(),
				unit.code().toLowerCase() + "-ok.example.vn");
		assertThat(crumbs.get(0).selectFirst("a").attr("href")).isEqualTo("/assets");
		assertThat(crumbs.get(1).selectFirst("a").attr("href")).isEqualTo("/agencies/" + unit.id());
		assertThat(crumbs.get(2).select("a")).isEmpty();
		Element system = host.selectFirst("#asset-system a");
		assertThat(system.attr("href")).isEqualTo("/systems/" + systemId);
		assertThat(system.text()).isEqualTo(systemName);

		Element state = host.selectFirst("#protection-state");
		assertThat(state.select("dd").eachText()).containsExactly("Đã bảo vệ", "Bkav Pro", "12.0.1", "Có",
				Coverage.today().format(DateTimeFormatter.ofPattern("dd/MM/yyyy")),
				DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
					.withZone(ZoneId.of("Asia/Ho_Chi_Minh"))
					.format(checkIn));
		assertThat(state.selectFirst(".protection-state").attr("href"))
			.isEqualTo("/coverage/unprotected?agency=" + unit.id() + "&protection=PROTECTED");
		assertThat(host.selectFirst("#protection-rule").text()).contains("trong vòng 7 ngày");

		Document old = html("officer", "vi", "/assets/{id}", outdated);
		assertThat(old.select("#protection-state dd").eachText()).startsWith("Mẫu nhận diện quá cũ", "Bkav Pro",
				"Không có", "Có",
				Coverage.today()
					.minusDays(CoverageFixtures.MAX_AGE_DAYS + 1)
					.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
		assertThat(old.selectFirst("#asset-system").text()).isEqualTo("Không có");
		assertThat(html("officer", "vi", "/assets/{id}", neverReported).select("#protection-state dd").eachText())
			.containsExactly("Chưa từng báo cáo", "Không có", "Không có", "Không có", "Không có", "Không có");
		assertThat(html("officer", "en", "/assets/{id}", switchHost).select("#protection-state dd").first().text())
			.isEqualTo("Not required to run anti-malware");
	}

	@Test
	void anOfficerOfAnotherAgencyCannotOpenTheHost() {
		assertThat(page("officer2", "vi", "/assets/{id}", protectedHost)).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(page("officer2", "vi", "/assets/{id}", switchHost)).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(html("officer2", "vi", "/assets?q={q}", unit.code().toLowerCase()).select("#asset-table tbody tr"))
			.isEmpty();
	}

}
