package vn.khien.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.khien.SignedIn;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import vn.khien.KhienTest;
import vn.khien.TestLogins;
import vn.khien.registry.Agencies;
import vn.khien.registry.Agency;
import vn.khien.registry.AgencyManagement;

@KhienTest
class CoveragePagesTests {

	private static final Map<String, SignedIn> SESSIONS = new ConcurrentHashMap<>();

	@Autowired
	MockMvcTester mvc;

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

	long unprotectedHost;

	@BeforeEach
	void healthUnitWithHosts() {
		fixtures = new CoverageFixtures(jdbc, management, agencies, coverage);
		unit = fixtures.agency("TCP", "SYT");
		String u = unit.code().toLowerCase();
		for (int i = 0; i < 3; i++) {
			fixtures.protectedHost(unit.id(), u + "-ok" + i);
		}
		for (int i = 0; i < 3; i++) {
			fixtures.host(unit.id(), "WORKSTATION", u + "-gap" + i);
		}
		unprotectedHost = fixtures.host(unit.id(), "SERVER", u + "-gapsrv");
	}

	/** A signed-in browser session of a demo user (form login, as a browser does). */
	SignedIn session(String username) {
		return SESSIONS.computeIfAbsent(username, name -> TestLogins.signIn(mvc, name, TestLogins.DEMO_PASSWORD));
	}

	MvcTestResult page(String user, String uri, Object... vars) {
		return mvc.get().uri(uri, vars).with(session(user)).header("Accept-Language", "vi").exchange();
	}

	@Test
	void officerSeesOwnDepartmentWithChartsAndVietnameseFigures() {
		assertThat(page("officer", "/coverage")).hasStatusOk()
			.bodyText()
			.contains("id=\"coverage-chart\"", "id=\"coverage-trend\"", "/static/js/coverage-chart.js", "Sở Y tế")
			.doesNotContain("id=\"province-figures\"");
		assertThat(page("officer", "/coverage?agency={id}", unit.id())).hasStatusOk()
			.bodyText()
			.contains("42,9", "/coverage/unprotected?agency=" + unit.id());
	}

	@Test
	void chartScriptsAreServed() {
		assertThat(mvc.get().uri("/webjars/echarts/dist/echarts.min.js")).hasStatusOk();
		assertThat(mvc.get().uri("/static/js/coverage-chart.js")).hasStatusOk().bodyText().contains("markLine");
	}

	@Test
	void provinceFiguresAreShownToProvinceWideRoles() {
		assertThat(page("leader", "/coverage")).hasStatusOk().bodyText().contains("id=\"province-figures\"");
	}

	@Test
	void officerOfAnotherAgencyGetsNotFound() {
		assertThat(page("officer2", "/coverage?agency={id}", unit.id())).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(page("officer2", "/coverage/unprotected?agency={id}", unit.id())).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(page("officer2", "/coverage/data?agency={id}", unit.id())).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(page("officer2", "/coverage/unprotected")).hasStatusOk()
			.bodyText()
			.doesNotContain(unit.code().toLowerCase() + "-gapsrv");
	}

	@Test
	void unprotectedHostsAreListedWithTheirReason() {
		assertThat(page("officer", "/coverage/unprotected?agency={id}", unit.code())).hasStatusOk()
			.bodyText()
			.contains(unit.code().toLowerCase() + "-gapsrv", "Chưa từng báo cáo", "4 máy chưa được bảo vệ");
	}

	@Test
	void chartDataHasTheApiShape() {
		assertThat(mvc.get().uri("/coverage/data?agency=SYT&withHosts=true&size=500").with(session("officer")))
			.hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.items[0].agencyCode", v -> assertThat(v).isNotNull())
			.hasPathSatisfying("$.items[0].coverage", v -> assertThat(v).isNotNull())
			.hasPathSatisfying("$.items[0].protected", v -> assertThat(v).isNotNull())
			.hasPathSatisfying("$.target", v -> assertThat(v).isEqualTo(1.0))
			.doesNotHavePath("$.province");
		assertThat(mvc.get().uri("/coverage/data/trend?days=30").with(session("officer"))).hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.points[0].date", v -> assertThat(v).isNotNull())
			.hasPathSatisfying("$.points[0].coverage", v -> assertThat(v).isNotNull());
	}

	@Test
	void onlyOperatorsTakeSnapshotsFromThePage() {
		assertThat(mvc.post().uri("/coverage/snapshot").with(session("officer")).with(csrf()))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.post().uri("/coverage/snapshot").with(session("operator")).with(csrf()))
			.hasStatus3xxRedirection()
			.hasRedirectedUrl("/coverage");
	}

	@Test
	void campaignIsCreatedAndResultsRecordedFromThePages() {
		assertThat(page("officer", "/malware-campaigns/new")).hasStatus(HttpStatus.FORBIDDEN);
		MvcTestResult invalid = mvc.post()
			.uri("/malware-campaigns")
			.with(session("operator"))
			.with(csrf())
			.header("Accept-Language", "vi")
			.param("name", "Chiến dịch thử")
			.param("startsOn", "2026-12-10")
			.param("endsOn", "2026-12-01")
			.param("agencyIds", String.valueOf(unit.id()))
			.exchange();
		assertThat(invalid).hasStatusOk()
			.bodyText()
			.contains("is-invalid", "Ngày kết thúc không được trước ngày bắt đầu.", "Chiến dịch thử");
		MvcTestResult created = mvc.post()
			.uri("/malware-campaigns")
			.with(session("operator"))
			.with(csrf())
			.param("name", "Chiến dịch thử")
			.param("startsOn", "2026-12-01")
			.param("endsOn", "2026-12-10")
			.param("agencyIds", String.valueOf(unit.id()))
			.exchange();
		assertThat(created).hasStatus3xxRedirection();
		String location = created.getResponse().getRedirectedUrl();
		assertThat(location).matches("/malware-campaigns/\\d+");
		assertThat(page("officer2", location)).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(page("officer", location)).hasStatusOk().bodyText().contains("Chiến dịch thử", "-gapsrv");
		assertThat(mvc.post()
			.uri(location + "/hosts/{asset}", unprotectedHost)
			.with(session("officer"))
			.with(csrf())
			.param("result", "REMOVED")
			.param("detail", "Trojan.Win32")).hasStatus3xxRedirection();
		assertThat(jdbc.sql("SELECT result FROM malware_campaign_host WHERE asset_id = :a")
			.param("a", unprotectedHost)
			.query(String.class)
			.single()).isEqualTo("REMOVED");
		assertThat(page("leader", "/malware-campaigns")).hasStatusOk().bodyText().contains("Chiến dịch thử");
		assertThat(mvc.post()
			.uri(location + "/hosts/{asset}", unprotectedHost)
			.with(session("leader"))
			.with(csrf())
			.param("result", "CLEAN")).hasStatus(HttpStatus.FORBIDDEN);
	}

}
