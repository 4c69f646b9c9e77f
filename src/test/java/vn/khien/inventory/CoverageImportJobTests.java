package vn.khien.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.khien.ImportClient;
import vn.khien.SignedIn;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.khien.KhienTest;
import vn.khien.TestLogins;
import vn.khien.registry.Agencies;
import vn.khien.registry.AgencyKind;
import vn.khien.registry.AgencyManagement;

@KhienTest
class CoverageImportJobTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestLogins logins;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AgencyManagement management;

	@Autowired
	Agencies agencies;

	private String unitUnderHealth() {
		String code = "CJ-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		long health = agencies.findByCode("SYT").orElseThrow().id();
		management.create(new AgencyManagement.AgencyDetails(code, "Đơn vị thử nhập " + code,
				AgencyKind.PUBLIC_SERVICE_UNIT, health, null, null, null, null, null));
		return code;
	}

	private MvcTestResult upload(String user, String sample, String agency, String format) throws IOException {
		byte[] bytes = new ClassPathResource(sample).getContentAsByteArray();
		return mvc.post()
			.uri("/api/v1/imports/coverage")
			.multipart()
			.file(new MockMultipartFile("file", sample.substring(sample.lastIndexOf('/') + 1), "application/json",
					bytes))
			.param("agency", agency)
			.param("format", format)
			.header("Authorization", logins.bearer(user))
			.header("Accept-Language", "en")
			.exchange();
	}

	private long hostsOf(String agencyCode) {
		return jdbc.sql("SELECT COUNT(*) FROM asset a JOIN agency g ON g.id = a.agency_id WHERE g.code = :c")
			.param("c", agencyCode)
			.query(Long.class)
			.single();
	}

	@Test
	void wazuhAgentsImportedAsAJobCreateTheirHostsWithProtection() throws IOException {
		String unit = unitUnderHealth();
		MvcTestResult accepted = upload("officer", "samples/wazuh/agents.json", unit, "wazuh");
		assertThat(accepted).hasStatus(HttpStatus.ACCEPTED);
		JsonNode status = new ImportClient(mvc, logins, json).await("officer",
				json.readTree(accepted.getResponse().getContentAsString()).get("statusUrl").asString());
		assertThat(status.get("state").asString()).isEqualTo("succeeded");
		assertThat(status.get("counts").get("parsed").asLong()).isEqualTo(4);
		assertThat(status.get("counts").get("created").asLong()).isEqualTo(3);
		assertThat(status.get("counts").get("managerSkipped").asLong()).isEqualTo(1);
		assertThat(hostsOf(unit)).isEqualTo(3);
		assertThat(jdbc
			.sql("SELECT COUNT(*) FROM protection_status p JOIN asset a ON a.id = p.asset_id "
					+ "JOIN agency g ON g.id = a.agency_id WHERE g.code = :c")
			.param("c", unit)
			.query(Long.class)
			.single()).isEqualTo(3);
	}

	@Test
	void reusedAddressesAndTheManagerAreCountedAndLabelledOnTheJobPage() throws IOException {
		String unit = unitUnderHealth();
		MvcTestResult accepted = upload("officer", "samples/wazuh/agents-dhcp.json", unit, "wazuh");
		assertThat(accepted).hasStatus(HttpStatus.ACCEPTED);
		JsonNode status = new ImportClient(mvc, logins, json).await("officer",
				json.readTree(accepted.getResponse().getContentAsString()).get("statusUrl").asString());
		assertThat(status.get("state").asString()).isEqualTo("succeeded");
		JsonNode counts = status.get("counts");
		assertThat(counts.get("parsed").asLong()).isEqualTo(16);
		assertThat(counts.get("created").asLong()).isEqualTo(15);
		assertThat(counts.get("addressConflicts").asLong()).isEqualTo(3);
		assertThat(counts.get("ambiguousAddresses").asLong()).isZero();
		assertThat(counts.get("managerSkipped").asLong()).isEqualTo(1);
		assertThat(hostsOf(unit)).isEqualTo(15);

		var officer = login("officer");
		String jobId = status.get("jobId").asString();
		assertThat(mvc.get().uri("/imports/{id}", jobId).with(officer)).hasStatusOk()
			.bodyText()
			.contains("data-count=\"addressConflicts\"", "data-count=\"managerSkipped\"",
					"Máy mới có địa chỉ IP trùng với máy khác", "Bỏ qua: máy chủ quản lý Wazuh (agent 000)",
					"Độ phủ phần mềm phòng chống mã độc")
			.doesNotContain("??");
		assertThat(mvc.get().uri("/imports/{id}", jobId).with(officer).cookie(new Cookie("khien_lang", "en")))
			.hasStatusOk()
			.bodyText()
			.contains("New hosts on an address another host holds", "Matched a known host",
					"Skipped: address only, held by several unnamed hosts", "Skipped: Wazuh manager (agent 000)")
			.doesNotContain("??");
	}

	private SignedIn login(String username) {
		return TestLogins.signIn(mvc, username, TestLogins.DEMO_PASSWORD);
	}

	@Test
	void anotherShapeFailsNamingTheProblemAndWritesNothing() throws IOException {
		String unit = unitUnderHealth();
		MvcTestResult accepted = upload("operator", "samples/wazuh/other-shape.json", unit, "wazuh");
		assertThat(accepted).hasStatus(HttpStatus.ACCEPTED);
		JsonNode status = new ImportClient(mvc, logins, json).await("operator",
				json.readTree(accepted.getResponse().getContentAsString()).get("statusUrl").asString());
		assertThat(status.get("state").asString()).isEqualTo("failed");
		assertThat(status.get("error").get("message").asString()).isNotBlank().doesNotContain("import.");
		assertThat(hostsOf(unit)).isZero();
	}

	@Test
	void officerOfAnotherAgencyGetsNotFoundAndReadersAreRefused() throws IOException {
		String unit = unitUnderHealth();
		assertThat(upload("officer2", "samples/wazuh/agents.json", unit, "wazuh")).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(upload("leader", "samples/wazuh/agents.json", unit, "wazuh")).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(upload("operator", "samples/wazuh/agents.json", unit, "kaspersky")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("format");
		assertThat(hostsOf(unit)).isZero();
	}

}
