package vn.khien.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.khien.KhienTest;
import vn.khien.TestLogins;
import vn.khien.platform.InvalidInputException;
import vn.khien.platform.importing.TestWorkbooks;
import vn.khien.registry.AgencyManagement.AgencyDetails;

/**
 * The agency import through its API: a job (202, then its status), a preview confirmed
 * once, nothing half-written.
 */
@KhienTest
class AgencyImportApiTests {

	static final AtomicInteger SEQ = new AtomicInteger();

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestLogins logins;

	@Autowired
	Agencies agencies;

	@Autowired
	AgencyManagement management;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	MvcTestResult upload(String user, String query, String filename, byte[] bytes) {
		return mvc.post()
			.uri("/api/v1/agencies/import?" + query)
			.header("Authorization", logins.bearer(user))
			.header("Accept-Language", "en")
			.multipart()
			.file(new MockMultipartFile("file", filename, "text/csv", bytes))
			.exchange();
	}

	/**
	 * Uploads, expects 202 with where to follow the job, and returns the finished job's
	 * status (in English).
	 */
	JsonNode run(String user, String query, String filename, byte[] bytes) {
		return finished(user, upload(user, query, filename, bytes));
	}

	JsonNode run(String mode, String csv) {
		return run("operator", "mode=" + mode, "agencies.csv", csv.getBytes(StandardCharsets.UTF_8));
	}

	JsonNode finished(String user, MvcTestResult accepted) {
		assertThat(accepted).hasStatus(HttpStatus.ACCEPTED);
		JsonNode body = read(accepted);
		String statusUrl = body.get("statusUrl").asString();
		assertThat(statusUrl).isEqualTo("/api/v1/imports/" + body.get("jobId").asString());
		return await(user, statusUrl, "en");
	}

	JsonNode await(String user, String statusUrl, String language) {
		long deadline = System.nanoTime() + 20_000_000_000L;
		while (true) {
			JsonNode status = read(mvc.get()
				.uri(statusUrl)
				.header("Authorization", logins.bearer(user))
				.header("Accept-Language", language)
				.exchange());
			String state = status.get("state").asString();
			if (state.equals("succeeded") || state.equals("failed") || System.nanoTime() > deadline) {
				return status;
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return status;
			}
		}
	}

	JsonNode read(MvcTestResult result) {
		try {
			return json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
		}
		catch (java.io.UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String prefix() {
		return "IMP" + SEQ.incrementAndGet() + "-" + System.nanoTime() % 100000;
	}

	long storedFiles() {
		return jdbc.sql("SELECT COUNT(*) FROM stored_file").query(Long.class).single();
	}

	long fileOf(JsonNode job) {
		return jdbc.sql("SELECT file_id FROM import_job WHERE id = :id")
			.param("id", job.get("jobId").asString())
			.query(Long.class)
			.single();
	}

	/** A job that failed, nothing written: its first error's code and where it is. */
	static void failedWith(JsonNode job, String code, String location) {
		assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("failed");
		assertThat(job.get("error").get("code").asString()).as(job.toString()).isEqualTo(code);
		assertThat(job.get("error").get("message").asString()).doesNotStartWith("import.");
		if (location != null) {
			assertThat(job.get("error").get("location").asString()).isEqualTo(location);
		}
	}

	@Test
	void previewListsTheFaultyRowsWritesNothingAndIsConfirmedOnce() {
		String p = prefix();
		Agency existing = management.create(new AgencyDetails(p + "-OLD", "Tên cũ", AgencyKind.OTHER,
				agencies.findByCode("UBND-T").orElseThrow().id(), "Ông A", null, null, null, null));
		String csv = """
				code,name,kind,Mã cấp trên
				%1$s-B,Phòng B,Khác,%1$s-A
				%1$s-A,Trung tâm A,đơn vị sự nghiệp,UBND-T
				%1$s-OLD,Tên mới,khác,UBND-T
				%1$s-C,Phòng C,khác,KHONG-CO
				%1$s-D,Phòng D,khác,%1$s-C
				""".formatted(p);
		long count = agencies.count();
		long files = storedFiles();

		JsonNode preview = run("preview", csv);

		assertThat(preview.get("state").asString()).as(preview.toString()).isEqualTo("succeeded");
		assertThat(preview.get("dryRun").asBoolean()).isTrue();
		assertThat(preview.get("counts").get("parsed").asLong()).isEqualTo(5);
		assertThat(preview.get("counts").get("created").asLong()).isEqualTo(2);
		assertThat(preview.get("counts").get("updated").asLong()).isEqualTo(1);
		assertThat(preview.get("counts").get("skipped").asLong()).isEqualTo(2);
		assertThat(preview.get("problems").get(0).get("location").asString()).isEqualTo("line 5");
		assertThat(preview.get("problems").get(0).get("message").asString())
			.isEqualTo("Mã cấp trên: there is no agency with code \"KHONG-CO\" in the registry or in the file.");
		assertThat(preview.get("problems").get(1).get("location").asString()).isEqualTo("line 6");
		assertThat(preview.get("problems").get(1).get("code").asString()).isEqualTo("import.row.parentInvalid");
		assertThat(preview.get("committable").asBoolean()).isTrue();
		assertThat(agencies.count()).isEqualTo(count);
		assertThat(agencies.get(existing.id()).name()).isEqualTo("Tên cũ");
		assertThat(storedFiles()).isEqualTo(files + 1);

		// all or nothing on the same stored file: refused as a whole, at the first faulty
		// line
		long fileId = fileOf(preview);
		JsonNode strict = finished("operator",
				mvc.post()
					.uri("/api/v1/agencies/import?mode=commit&fileId=" + fileId)
					.header("Authorization", logins.bearer("operator"))
					.exchange());
		failedWith(strict, "import.row.parentUnknown", "line 5");
		assertThat(strict.get("counts").get("errors").asLong()).isEqualTo(2);
		assertThat(agencies.count()).isEqualTo(count);

		// the user confirms the preview: its valid rows are imported, once
		String commitUrl = "/api/v1/imports/" + preview.get("jobId").asString() + "/commit";
		JsonNode done = finished("operator",
				mvc.post().uri(commitUrl).header("Authorization", logins.bearer("operator")).exchange());
		assertThat(done.get("state").asString()).as(done.toString()).isEqualTo("succeeded");
		assertThat(done.get("dryRun").asBoolean()).isFalse();
		assertThat(done.get("counts").get("created").asLong()).isEqualTo(2);
		assertThat(agencies.count()).isEqualTo(count + 2);
		Agency b = agencies.findByCode(p + "-B").orElseThrow();
		assertThat(b.parentId()).isEqualTo(agencies.findByCode(p + "-A").orElseThrow().id());
		assertThat(agencies.get(existing.id()).name()).isEqualTo("Tên mới");
		assertThat(agencies.get(existing.id()).headName()).isEqualTo("Ông A");
		assertThat(agencies.findByCode(p + "-C")).isEmpty();
		assertThat(agencies.findByCode(p + "-D")).isEmpty();
		assertThat(mvc.post().uri(commitUrl).header("Authorization", logins.bearer("operator")))
			.hasStatus(HttpStatus.CONFLICT);
		assertThat(jdbc.sql(
				"SELECT COUNT(*) FROM audit_entry WHERE entity_type = 'agency' AND action = 'CREATE' AND entity_id = :id")
			.param("id", Long.toString(b.id()))
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void commitOfAValidFileWritesEveryRow() {
		String p = prefix();
		String csv = "\uFEFFMã;Tên;Loại;Mã cấp trên;head_email\n%1$s-1;Đơn vị 1;xã;%1$s-ROOT;\n%1$s-ROOT;Cơ quan gốc;sở;UBND-T;a@b.vn\n"
			.formatted(p);
		JsonNode job = run("commit", csv);
		assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("succeeded");
		assertThat(job.get("counts").get("created").asLong()).isEqualTo(2);
		assertThat(agencies.findByCode(p + "-1").orElseThrow().kind()).isEqualTo(AgencyKind.COMMUNE);
		assertThat(agencies.findByCode(p + "-1").orElseThrow().parentId())
			.isEqualTo(agencies.findByCode(p + "-ROOT").orElseThrow().id());
		assertThat(agencies.findByCode(p + "-ROOT").orElseThrow().headEmail()).isEqualTo("a@b.vn");
	}

	@Test
	void aWorkbookWhoseCellsHaveNoReferencesImportsWithTheRightValues() {
		String p = prefix();
		byte[] xlsx = TestWorkbooks.withoutReferences(new String[] { "Mã", "Tên", "Loại", "Mã cấp trên", "Thủ trưởng" },
				new String[] { p + "-H", "Huyện Không Tham Chiếu", "huyện", "UBND-T", null },
				new String[] { p + "-X", "Xã Không Tham Chiếu", "xã", p + "-H", "Bà C" });
		JsonNode job = run("operator", "mode=commit", "ds.xlsx", xlsx);
		assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("succeeded");
		Agency commune = agencies.findByCode(p + "-X").orElseThrow();
		assertThat(commune.name()).isEqualTo("Xã Không Tham Chiếu");
		assertThat(commune.kind()).isEqualTo(AgencyKind.COMMUNE);
		assertThat(commune.headName()).isEqualTo("Bà C");
		assertThat(commune.parentId()).isEqualTo(agencies.findByCode(p + "-H").orElseThrow().id());
		assertThat(agencies.findByCode(p + "-H").orElseThrow().headName()).isNull();
	}

	@Test
	void theImportsAddressTakesAgenciesLikeTheOtherImports() {
		String p = prefix();
		byte[] csv = "code,name,kind\n%1$s-1,Một,khác\n%1$s-1,Trùng,khác\n".formatted(p)
			.getBytes(StandardCharsets.UTF_8);
		MvcTestResult accepted = mvc.post()
			.uri("/api/v1/imports/agencies")
			.header("Authorization", logins.bearer("admin"))
			.multipart()
			.file(new MockMultipartFile("file", "a.csv", "text/csv", csv))
			.param("dryRun", "true")
			.param("validOnly", "true")
			.exchange();
		JsonNode preview = finished("admin", accepted);
		assertThat(preview.get("state").asString()).isEqualTo("succeeded");
		assertThat(preview.get("module").asString()).isEqualTo("registry");
		assertThat(preview.get("kind").asString()).isEqualTo("agencies");
		assertThat(preview.get("options").get("validOnly").asString()).isEqualTo("true");
		assertThat(preview.get("counts").get("skipped").asLong()).isEqualTo(1);
		assertThat(agencies.findByCode(p + "-1")).isEmpty();
		JsonNode done = finished("admin",
				mvc.post()
					.uri("/api/v1/imports/{id}/commit", preview.get("jobId").asString())
					.header("Authorization", logins.bearer("admin"))
					.exchange());
		assertThat(done.get("counts").get("created").asLong()).isEqualTo(1);
		assertThat(agencies.findByCode(p + "-1").orElseThrow().name()).isEqualTo("Một");
		assertThat(mvc.get()
			.uri("/api/v1/imports?module=registry&kind=agencies&size=500")
			.header("Authorization", logins.bearer("admin"))).bodyJson()
			.extractingPath("$.items[*].jobId")
			.asArray()
			.contains(preview.get("jobId").asString(), done.get("jobId").asString());
	}

	@Test
	void aDatabaseFailureMidwayLeavesNothingWritten() {
		String p = prefix();
		String csv = "code,name,kind,parent_code\n%1$s-1,Một,khác,UBND-T\n%1$s-2,Hai,khác,%1$s-1\n%1$s-3,BOOM,khác,%1$s-2\n"
			.formatted(p);
		long count = agencies.count();
		jdbc.sql("ALTER TABLE agency ADD CONSTRAINT test_import_boom CHECK (name <> 'BOOM')").update();
		JsonNode job;
		try {
			job = run("commit", csv);
		}
		finally {
			jdbc.sql("ALTER TABLE agency DROP CONSTRAINT test_import_boom").update();
		}
		failedWith(job, "import.job.internal", null);
		assertThat(agencies.count()).isEqualTo(count);
		assertThat(agencies.findByCode(p + "-1")).isEmpty();
		assertThat(jdbc
			.sql("SELECT COUNT(*) FROM agency_history h JOIN agency a ON a.id = h.agency_id WHERE a.code LIKE :p")
			.param("p", p + "%")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void garbageFilesFailTheirJobClearlyAtTheirLineAndChangeNothing() {
		long count = agencies.count();
		String p = prefix();
		JsonNode columns = run("preview", "ma,ten\nA,B\n");
		failedWith(columns, "import.csv.columns", "line 1");
		assertThat(columns.get("error").get("message").asString()).startsWith("Invalid column headers.")
			.contains("Missing required columns: code, name, kind.")
			.contains("Unknown columns: ma, ten.");
		byte[] legacy = ("code,name,kind\n" + p + "-1,Xa A,khac\n" + p + "-2,Xã Tân Phú,xã\n").getBytes(
				Charset.isSupported("windows-1258") ? Charset.forName("windows-1258") : StandardCharsets.ISO_8859_1);
		JsonNode encoding = run("operator", "mode=commit", "legacy.csv", legacy);
		failedWith(encoding, "import.csv.encoding", "line 3");
		assertThat(encoding.get("error").get("message").asString()).contains("UTF-8");
		failedWith(run("commit", "code,name,kind\n%1$s-X,A,khác\n%1$s-X,B,khác\n".formatted(p)),
				"import.row.duplicateCode", "line 3");
		JsonNode cycle = run("commit",
				"code,name,kind,parent_code\n%1$s-P,A,khác,%1$s-Q\n%1$s-Q,B,khác,%1$s-P\n".formatted(p));
		failedWith(cycle, "import.row.cycle", "line 2");
		assertThat(cycle.get("error").get("message").asString()).contains("cycle");
		failedWith(run("commit", "code,name,kind,parent_code\n%1$s-U,A,khác,NOWHERE-%1$s\n".formatted(p)),
				"import.row.parentUnknown", "line 2");
		// an existing agency moved under its own sub-unit
		failedWith(run("commit", "code,name,kind,parent_code\nSYT,Sở Y tế,sở,SYT-1\n"), "import.row.parentCycle",
				"line 2");
		failedWith(run("operator", "mode=preview", "empty.csv", new byte[0]), "import.file.empty", null);
		failedWith(
				run("operator", "mode=preview", "header-only.csv", "code,name,kind\n".getBytes(StandardCharsets.UTF_8)),
				"import.file.empty", null);
		JsonNode pdf = run("operator", "mode=preview", "report.pdf", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII));
		failedWith(pdf, "import.file.type", null);
		assertThat(pdf.get("error").get("message").asString()).contains("report.pdf");
		failedWith(run("operator", "mode=commit", "ds.xlsx",
				"code,name,kind\nA,B,khác\n".getBytes(StandardCharsets.UTF_8)), "import.xlsx.invalid", null);
		assertThat(upload("operator", "mode=preview", "big.csv", new byte[10 * 1024 * 1024 + 1]))
			.hasStatus(HttpStatus.CONTENT_TOO_LARGE);
		assertThat(mvc.post()
			.uri("/api/v1/agencies/import?mode=commit&fileId=999999999")
			.header("Authorization", logins.bearer("operator"))).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.post()
			.uri("/api/v1/agencies/import?mode=bogus")
			.header("Authorization", logins.bearer("operator"))
			.header("Accept-Language", "vi")).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(mvc.post()
			.uri("/api/v1/agencies/import?mode=preview")
			.header("Authorization", logins.bearer("operator"))).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(agencies.count()).isEqualTo(count);
		assertThat(agencies.findByCode("SYT").orElseThrow().parentId())
			.isEqualTo(agencies.findByCode("UBND-T").orElseThrow().id());
	}

	@Test
	void problemsAreSaidInTheReadersLanguageWithCodesAsWritten() {
		String csv = "Mã,Tên,Loại\n000123,Một,khác\n12345,Hai,khác\n000123,Ba,khác\n12345,Bốn,khác\n";
		JsonNode job = run("commit", csv);
		String url = job.get("statusUrl").asString();
		JsonNode vi = await("operator", url, "vi");
		assertThat(vi.get("error").get("location").asString()).isEqualTo("dòng 4");
		assertThat(vi.get("error").get("message").asString()).isEqualTo("Mã: mã “000123” bị trùng với dòng 2.");
		assertThat(vi.get("problems").get(1).get("message").asString())
			.isEqualTo("Mã: mã “12345” bị trùng với dòng 3.");
		assertThat(job.get("error").get("message").asString())
			.isEqualTo("Mã: code “000123” duplicates line 2 (the code’s first use).");
	}

	@Test
	void theBulkWriteRefusesWhatTheImportWouldNeverSendItAndWritesNothing() {
		long count = agencies.count();
		String p = prefix();
		var loop = new AgencyManagement.Imported("SYT", "Sở Y tế", AgencyKind.DEPARTMENT, "SYT-1", null, null, null,
				null, null);
		var fresh = new AgencyManagement.Imported(p + "-N", "Mới", AgencyKind.OTHER, "UBND-T", null, null, null, null,
				null);
		assertThat(catchThrowable(
				() -> management.importAll(List.of(fresh, loop), LocalDate.now(AgencyManagement.ZONE), true)))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.messageKey()).isEqualTo("agency.parent.cycle"));
		var orphan = new AgencyManagement.Imported(p + "-O", "Mồ côi", AgencyKind.OTHER, p + "-NOWHERE", null, null,
				null, null, null);
		assertThat(
				catchThrowable(() -> management.importAll(List.of(orphan), LocalDate.now(AgencyManagement.ZONE), true)))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.messageKey()).isEqualTo("agency.parent.unknown"));
		assertThat(catchThrowable(
				() -> management.importAll(List.of(fresh, fresh), LocalDate.now(AgencyManagement.ZONE), true)))
			.isInstanceOf(InvalidInputException.class);
		assertThat(agencies.count()).isEqualTo(count);
		assertThat(agencies.findByCode("SYT").orElseThrow().parentId())
			.isEqualTo(agencies.findByCode("UBND-T").orElseThrow().id());
	}

	@Test
	void officersMayNotImport() {
		long count = agencies.count();
		assertThat(upload("officer", "mode=commit", "a.csv",
				("code,name,kind\n" + prefix() + ",A,khác\n").getBytes(StandardCharsets.UTF_8)))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(upload("leader", "mode=preview", "a.csv",
				"code,name,kind\nA,B,khác\n".getBytes(StandardCharsets.UTF_8)))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(
				mvc.post()
					.uri("/api/v1/imports/agencies")
					.header("Authorization", logins.bearer("officer"))
					.multipart()
					.file(new MockMultipartFile("file", "a.csv", "text/csv",
							"code,name,kind\nA,B,khác\n".getBytes(StandardCharsets.UTF_8))))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(agencies.count()).isEqualTo(count);
	}

	@Test
	void registryUploadIsChargedToNoAgencysQuota() {
		// the operator belongs to an agency, but the registry is the province's
		JsonNode preview = run("preview", "code,name,kind\n" + prefix() + ",A,khác\n");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM stored_file WHERE id = :id AND agency_id IS NULL")
			.param("id", fileOf(preview))
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void anotherUsersStoredFileCannotBeImported() {
		JsonNode preview = run("preview", "code,name,kind\n" + prefix() + ",A,khác\n");
		assertThat(mvc.post()
			.uri("/api/v1/agencies/import?mode=commit&fileId=" + fileOf(preview))
			.header("Authorization", logins.bearer("admin"))).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void anOldListImportedWithItsDateCanTakeTheReformAfterwards() {
		String p = prefix();
		String csv = "code,name,kind,parent_code\n%1$s-H,Huyện Xưa,huyện,UBND-T\n%1$s-X1,Xã Xưa 1,xã,%1$s-H\n"
			.formatted(p);
		long fileId = fileOf(run("preview", csv));
		assertThat(mvc.post()
			.uri("/api/v1/agencies/import?mode=commit&fileId={id}&recordedFrom=2099-01-01", fileId)
			.header("Authorization", logins.bearer("operator"))).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(mvc.post()
			.uri("/api/v1/agencies/import?mode=commit&fileId={id}&recordedFrom=hôm-qua", fileId)
			.header("Authorization", logins.bearer("operator"))).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(agencies.findByCode(p + "-H")).isEmpty();
		JsonNode done = finished("operator",
				mvc.post()
					.uri("/api/v1/agencies/import?mode=commit&fileId={id}&recordedFrom=2020-01-01", fileId)
					.header("Authorization", logins.bearer("operator"))
					.exchange());
		assertThat(done.get("state").asString()).as(done.toString()).isEqualTo("succeeded");
		Agency district = agencies.findByCode(p + "-H").orElseThrow();
		long root = agencies.findByCode("UBND-T").orElseThrow().id();
		assertThat(mvc.post()
			.uri("/api/v1/reorganisations/merge")
			.header("Authorization", logins.bearer("operator"))
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.content("{\"sourceIds\": [%d], \"successorId\": %d, \"effectiveDate\": \"2025-07-01\"}"
				.formatted(district.id(), root)))
			.hasStatus(HttpStatus.CREATED);
		assertThat(mvc.get()
			.uri("/api/v1/agencies/{id}/history?date=2024-01-01", district.id())
			.header("Authorization", logins.bearer("admin"))).hasStatusOk()
			.bodyJson()
			.extractingPath("$[0].status")
			.isEqualTo("ACTIVE");
	}

}
