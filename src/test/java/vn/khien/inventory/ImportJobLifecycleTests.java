package vn.khien.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.khien.ImportClient;
import vn.khien.KhienTest;
import vn.khien.TestLogins;
import vn.khien.registry.AgencyKind;
import vn.khien.registry.AgencyManagement;

/**
 * A failed job can be run again; a preview is confirmed once, even by two confirmations
 * at the same moment.
 */
@KhienTest
class ImportJobLifecycleTests {

	// NB: the systems written here directly, the levels read model is recounted as the
	// services do
	@org.springframework.beans.factory.annotation.Autowired
	SystemLevels levels;

	static final String HEADER = "kind,hostname,addresses,mac,os,url,system\n";

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

	ImportClient imports;

	@BeforeEach
	void setUp() {
		imports = new ImportClient(mvc, logins, json);
	}

	String unit() {
		String code = "LIFE-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
		long health = jdbc.sql("SELECT id FROM agency WHERE code = 'SYT'").query(Long.class).single();
		management.create(new AgencyManagement.AgencyDetails(code, "Đơn vị thử vòng đời " + code,
				AgencyKind.PUBLIC_SERVICE_UNIT, health, null, null, null, null, null));
		return code;
	}

	long hostsOf(String agency) {
		return jdbc.sql("SELECT COUNT(*) FROM asset a JOIN agency g ON g.id = a.agency_id WHERE g.code = :c")
			.param("c", agency)
			.query(Long.class)
			.single();
	}

	@Test
	void aFailedJobRunsAgainOnItsStoredFileOnceTheCauseIsFixed() {
		String unit = unit();
		String system = unit + "-SYS";
		JsonNode failed = imports.run("officer", "later.csv", HEADER + "server,a." + unit + ",,,,," + system + "\n",
				unit);
		assertThat(failed.get("state").asString()).isEqualTo("failed");
		assertThat(failed.get("error").get("code").asString()).isEqualTo("import.row.unknownSystem");
		assertThat(failed.get("retryable").asBoolean()).isTrue();
		String url = failed.get("statusUrl").asString();

		// the officer registers the system the file names, then runs the same upload
		// again
		jdbc.sql(
				"""
						INSERT INTO information_system (code, name, owner_agency_id, lifecycle, hosting, created_at, updated_at)
						SELECT :code, 'Hệ thống đến sau', id, 'OPERATING', 'OWN_PREMISES', :now, :now FROM agency WHERE code = :unit""")
			.param("code", system)
			.param("unit", unit)
			.param("now", Timestamp.from(Instant.now()))
			.update();
		levels.recount(
				jdbc.sql("SELECT id FROM agency WHERE code = :unit").param("unit", unit).query(Long.class).single());
		assertThat(mvc.post().uri(url + "/retry").header("Authorization", logins.bearer("officer")))
			.hasStatus(HttpStatus.ACCEPTED);
		JsonNode done = imports.await("officer", url);
		assertThat(done.get("state").asString()).isEqualTo("succeeded");
		assertThat(done.get("counts").get("created").asLong()).isEqualTo(1);
		assertThat(done.get("attempts").asInt()).isEqualTo(2);
		assertThat(hostsOf(unit)).isEqualTo(1);

		// a succeeded job is not run again; another agency's officer does not even see it
		assertThat(mvc.post()
			.uri(url + "/retry")
			.header("Authorization", logins.bearer("officer"))
			.header("Accept-Language", "en")).hasStatus(HttpStatus.CONFLICT)
			.bodyJson()
			.extractingPath("$.detail")
			.asString()
			.contains("Only an import that failed");
		assertThat(mvc.post().uri(url + "/retry").header("Authorization", logins.bearer("officer2")))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.post().uri(url + "/retry").header("Authorization", logins.bearer("leader")))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(
				mvc.post().uri("/api/v1/imports/no-such-job/retry").header("Authorization", logins.bearer("operator")))
			.hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void theJobPageOffersToRunAFailedJobAgain() {
		String unit = unit();
		JsonNode failed = imports.run("officer", "bad.csv", HEADER + "server,b." + unit + ",10.0.0.999,,,,\n", unit);
		String id = failed.get("jobId").asString();
		var officer = logins.session("officer");
		assertThat(mvc.get().uri("/imports/{id}", id).with(officer)).hasStatusOk()
			.bodyText()
			.contains("id=\"retry-import\"");
		assertThat(mvc.post().uri("/imports/{id}/retry", id).with(officer).with(csrf())).hasStatus3xxRedirection()
			.redirectedUrl()
			.isEqualTo("/imports/" + id);
		JsonNode again = imports.await("officer", "/api/v1/imports/" + id);
		assertThat(again.get("state").asString()).isEqualTo("failed");
		assertThat(again.get("attempts").asInt()).isEqualTo(2);
	}

	@Test
	void aPreviewIsConfirmedOnlyOnceEvenByTwoConfirmationsAtOnce() throws Exception {
		String unit = unit();
		JsonNode preview = imports.run("operator", "twice.csv",
				HEADER + "server,c." + unit + ",,,,,\nlaptop,d." + unit + ",,,,,\n", unit, "dryRun", "true");
		assertThat(preview.get("state").asString()).isEqualTo("succeeded");
		assertThat(preview.get("committable").asBoolean()).isTrue();
		String url = preview.get("statusUrl").asString();

		var start = new CountDownLatch(1);
		List<CompletableFuture<Integer>> confirmations = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			confirmations.add(CompletableFuture.supplyAsync(() -> {
				try {
					start.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				return mvc.post()
					.uri(url + "/commit")
					.header("Authorization", logins.bearer("operator"))
					.exchange()
					.getResponse()
					.getStatus();
			}));
		}
		start.countDown();
		List<Integer> statuses = confirmations.stream().map(CompletableFuture::join).sorted().toList();
		assertThat(statuses).containsExactly(202, 409);

		JsonNode after = imports.await("operator", url);
		assertThat(after.get("committable").asBoolean()).isFalse();
		JsonNode committed = imports.await("operator", "/api/v1/imports/" + after.get("committedJobId").asString());
		assertThat(committed.get("state").asString()).isEqualTo("succeeded");
		assertThat(hostsOf(unit)).isEqualTo(2);
		assertThat(mvc.post()
			.uri(url + "/commit")
			.header("Authorization", logins.bearer("operator"))
			.header("Accept-Language", "vi")).hasStatus(HttpStatus.CONFLICT)
			.bodyJson()
			.extractingPath("$.detail")
			.asString()
			.contains("đã được xác nhận");
		var operator = logins.session("operator");
		assertThat(mvc.get().uri("/imports/{id}", preview.get("jobId").asString()).with(operator)).hasStatusOk()
			.bodyText()
			.contains("id=\"committed-as\"")
			.doesNotContain("id=\"confirm-import\"");
	}

}
