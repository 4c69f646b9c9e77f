package vn.khien.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.khien.ImportClient;
import vn.khien.KhienTest;
import vn.khien.TestLogins;
import vn.khien.platform.KhienSettings;
import vn.khien.platform.UploadRetention;
import vn.khien.registry.Agencies;
import vn.khien.registry.AgencyKind;
import vn.khien.registry.AgencyManagement;

/**
 * The upload quota and retention as the import API shows them, with the application's own
 * settings.
 */
@KhienTest
class UploadLimitsApiTests {

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

	@Autowired
	KhienSettings settings;

	@Autowired
	UploadRetention retention;

	ImportClient imports;

	@BeforeEach
	void setUp() {
		imports = new ImportClient(mvc, logins, json);
	}

	/**
	 * A fresh unit under the health department, so no other test's uploads are charged to
	 * it.
	 */
	String unit() {
		String code = "UQ-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		long health = agencies.findByCode("SYT").orElseThrow().id();
		management.create(new AgencyManagement.AgencyDetails(code, "Đơn vị thử hạn mức " + code,
				AgencyKind.PUBLIC_SERVICE_UNIT, health, null, null, null, null, null));
		return code;
	}

	long idOf(String code) {
		return agencies.findByCode(code).orElseThrow().id();
	}

	/** Charges the agency its whole quota, as if it had uploaded that much already. */
	void fill(String code) {
		jdbc.sql("INSERT INTO upload_usage (agency_id, bytes) VALUES (:agency, :bytes)")
			.param("agency", idOf(code))
			.param("bytes", settings.uploads().quotaPerAgency().toBytes())
			.update();
	}

	long storedFiles() {
		return jdbc.sql("SELECT COUNT(*) FROM stored_file").query(Long.class).single();
	}

	MvcTestResult uploadAssets(String agency, String language) {
		return mvc.post()
			.uri("/api/v1/imports/assets")
			.multipart()
			.file(new MockMultipartFile("file", "hosts.csv", "text/csv",
					(AssetImportTests.HEADER + "server,quota.example.vn,10.9.0.1,,,,\n")
						.getBytes(StandardCharsets.UTF_8)))
			.param("agency", agency)
			.header("Authorization", logins.bearer("operator"))
			.header("Accept-Language", language)
			.exchange();
	}

	MvcTestResult uploadCoverage(String agency) throws IOException {
		return mvc.post()
			.uri("/api/v1/imports/coverage")
			.multipart()
			.file(new MockMultipartFile("file", "agents.json", "application/json",
					new ClassPathResource("samples/wazuh/agents.json").getContentAsByteArray()))
			.param("agency", agency)
			.param("format", "wazuh")
			.header("Authorization", logins.bearer("operator"))
			.header("Accept-Language", "en")
			.exchange();
	}

	JsonNode body(MvcTestResult result) {
		return imports.read(result);
	}

	@Test
	void assetUploadPastTheAgencysQuotaAnswers413InTheCallersLanguageAndKeepsNothing() {
		String unit = unit();
		fill(unit);
		long before = storedFiles();

		MvcTestResult vi = uploadAssets(unit, "vi");
		MvcTestResult en = uploadAssets(unit, "en");

		assertThat(vi).hasStatus(HttpStatus.CONTENT_TOO_LARGE);
		assertThat(body(vi).get("code").asString()).isEqualTo("upload.quotaExceeded");
		assertThat(body(vi).get("detail").asString())
			.startsWith("Tệp chưa được lưu: cơ quan, đơn vị đã dùng 5 GB trong hạn mức 5 GB dành cho tệp tải lên");
		assertThat(en).hasStatus(HttpStatus.CONTENT_TOO_LARGE);
		assertThat(body(en).get("detail").asString())
			.startsWith("The file was not kept: the agency has used 5 GB of its 5 GB upload quota");
		assertThat(storedFiles()).isEqualTo(before);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM import_job WHERE agency_id = :a")
			.param("a", idOf(unit))
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void coverageUploadIsChargedToTheAgencyItIsForNotTheUploadersOwn() throws IOException {
		String unit = unit();
		MvcTestResult accepted = uploadCoverage(unit);
		assertThat(accepted).hasStatus(HttpStatus.ACCEPTED);
		JsonNode status = imports.await("operator", body(accepted).get("statusUrl").asString());
		assertThat(status.get("state").asString()).isEqualTo("succeeded");
		assertThat(jdbc.sql("""
				SELECT f.agency_id FROM stored_file f JOIN import_job j ON j.file_id = f.id WHERE j.id = :job""")
			.param("job", body(accepted).get("jobId").asString())
			.query(Long.class)
			.single()).isEqualTo(idOf(unit));

		String full = unit();
		fill(full);
		assertThat(uploadCoverage(full)).hasStatus(HttpStatus.CONTENT_TOO_LARGE);
	}

	/**
	 * A successful preview whose upload is then purged; returns the preview's status
	 * before the purge.
	 */
	JsonNode purgedPreview(String host) {
		JsonNode preview = imports.run("operator", "preview.csv",
				AssetImportTests.HEADER + "server," + host + ",10.9.0.2,,,,\n", unit(), "dryRun", "true");
		assertThat(preview.get("state").asString()).isEqualTo("succeeded");
		assertThat(preview.get("filePurgedAt").isNull()).isTrue();
		jdbc.sql("UPDATE stored_file SET uploaded_at = :at WHERE id = (SELECT file_id FROM import_job WHERE id = :job)")
			.param("at", Timestamp.from(Instant.now().minus(settings.uploads().retention()).minus(Duration.ofDays(1))))
			.param("job", preview.get("jobId").asString())
			.update();
		retention.purge(Instant.now());
		return preview;
	}

	@Test
	void committingAPreviewWhoseUploadWasPurgedAnswers410() {
		JsonNode preview = purgedPreview("purged.example.vn");

		MvcTestResult commit = mvc.post()
			.uri("/api/v1/imports/{id}/commit", preview.get("jobId").asString())
			.header("Authorization", logins.bearer("operator"))
			.header("Accept-Language", "en")
			.exchange();

		assertThat(commit).hasStatus(HttpStatus.GONE);
		assertThat(body(commit).get("code").asString()).isEqualTo("upload.purged");
		assertThat(body(commit).get("detail").asString()).isEqualTo(
				"The upload \"preview.csv\" has been deleted after its retention period. Upload the file again.");
	}

	@Test
	void jobPageOfAPurgedUploadSaysTheFileIsGoneAndOffersNoConfirmation() {
		JsonNode preview = purgedPreview("purged-page.example.vn");
		String jobId = preview.get("jobId").asString();
		var operator = logins.session("operator");

		JsonNode status = imports.await("operator", "/api/v1/imports/" + jobId);
		assertThat(status.get("state").asString()).isEqualTo("succeeded");
		assertThat(status.get("filePurgedAt").isNull()).isFalse();
		assertThat(mvc.get().uri("/imports/{id}", jobId).with(operator)).hasStatusOk()
			.bodyText()
			.contains("id=\"file-purged\"", "vì quá thời hạn lưu giữ; kết quả dưới đây vẫn được giữ")
			.doesNotContain("confirm-import");
		assertThat(mvc.post().uri("/imports/{id}/commit", jobId).with(operator).with(csrf())).hasStatus(HttpStatus.GONE)
			.bodyText()
			.contains("Tệp tải lên &quot;preview.csv&quot; đã được xóa vì quá thời hạn lưu giữ.");
	}

}
