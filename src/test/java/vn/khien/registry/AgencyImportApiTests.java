package vn.khien.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
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
import vn.khien.registry.AgencyManagement.AgencyDetails;

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

	MvcTestResult upload(String user, String mode, String filename, byte[] bytes) {
		return mvc.post().uri("/api/v1/agencies/import?mode=" + mode).header("Authorization", logins.bearer(user))
			.header("Accept-Language", "en")
			.multipart()
			.file(new MockMultipartFile("file", filename, "text/csv", bytes))
			.exchange();
	}

	MvcTestResult upload(String mode, String csv) {
		return upload("operator", mode, "agencies.csv", csv.getBytes(StandardCharsets.UTF_8));
	}

	JsonNode body(MvcTestResult result) throws Exception {
		return json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

	static String prefix() {
		return "IMP" + SEQ.incrementAndGet() + "-" + System.nanoTime() % 100000;
	}

	long storedFiles() {
		return jdbc.sql("SELECT COUNT(*) FROM stored_file").query(Long.class).single();
	}

	@Test
	void previewReportsNewUpdatedAndFaultyRowsAndWritesNothing() throws Exception {
		String p = prefix();
		Agency existing = management.create(new AgencyDetails(p + "-OLD", "Tên cũ", AgencyKind.OTHER,
				agencies.findByCode("UBND-T").orElseThrow().id(), "Ông A", null, null, null, null));
		String csv = """
				code,name,kind,parent_code
				%1$s-A,Trung tâm A,đơn vị sự nghiệp,UBND-T
				%1$s-B,Phòng B,Khác,%1$s-A
				%1$s-OLD,Tên mới,khác,UBND-T
				%1$s-C,Phòng C,khác,KHONG-CO
				%1$s-D,Phòng D,khác,%1$s-C
				""".formatted(p);
		long count = agencies.count();
		long files = storedFiles();

		MvcTestResult result = upload("preview", csv);

		assertThat(result).hasStatusOk();
		JsonNode report = body(result);
		assertThat(report.get("created").asInt()).isEqualTo(2);
		assertThat(report.get("updated").asInt()).isEqualTo(1);
		assertThat(report.get("errors").asInt()).isEqualTo(2);
		assertThat(report.get("rows").get(3).get("line").asInt()).isEqualTo(5);
		assertThat(report.get("rows").get(3).get("status").asString()).isEqualTo("ERROR");
		assertThat(report.get("rows").get(3).get("messages").get(0).asString())
			.isEqualTo("Parent code: There is no agency with code \"KHONG-CO\" in the registry or in the file.");
		assertThat(report.get("rows").get(4).get("status").asString()).isEqualTo("ERROR");
		assertThat(agencies.count()).isEqualTo(count);
		assertThat(agencies.get(existing.id()).name()).isEqualTo("Tên cũ");
		assertThat(storedFiles()).isEqualTo(files + 1);

		// commit of a file with errors is refused as a whole
		long fileId = report.get("fileId").asLong();
		MvcTestResult refused = mvc.post().uri("/api/v1/agencies/import?mode=commit&fileId=" + fileId)
			.header("Authorization", logins.bearer("operator")).header("Accept-Language", "en").exchange();
		assertThat(refused).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson().extractingPath("$.errors[0].line")
			.isEqualTo(5);
		assertThat(agencies.count()).isEqualTo(count);

		// the user confirms: the valid rows of the same stored file are imported
		MvcTestResult valid = mvc.post().uri("/api/v1/agencies/import?mode=commitValid&fileId=" + fileId)
			.header("Authorization", logins.bearer("operator")).exchange();
		assertThat(valid).hasStatusOk().bodyJson().extractingPath("$.committed").isEqualTo(true);
		assertThat(agencies.count()).isEqualTo(count + 2);
		Agency b = agencies.findByCode(p + "-B").orElseThrow();
		assertThat(b.parentId()).isEqualTo(agencies.findByCode(p + "-A").orElseThrow().id());
		assertThat(agencies.get(existing.id()).name()).isEqualTo("Tên mới");
		assertThat(agencies.get(existing.id()).headName()).isEqualTo("Ông A");
		assertThat(agencies.findByCode(p + "-C")).isEmpty();
		assertThat(agencies.findByCode(p + "-D")).isEmpty();
	}

	@Test
	void commitOfAValidFileWritesEveryRow() {
		String p = prefix();
		String csv = "\uFEFFcode;name;kind;parent_code;head_email\n%1$s-ROOT;Cơ quan gốc;sở;UBND-T;a@b.vn\n%1$s-1;Đơn vị 1;xã;%1$s-ROOT;\n"
			.formatted(p);
		assertThat(upload("commit", csv)).hasStatusOk().bodyJson().extractingPath("$.created").isEqualTo(2);
		assertThat(agencies.findByCode(p + "-1").orElseThrow().kind()).isEqualTo(AgencyKind.COMMUNE);
		assertThat(agencies.findByCode(p + "-ROOT").orElseThrow().headEmail()).isEqualTo("a@b.vn");
	}

	@Test
	void aDatabaseFailureMidwayLeavesNothingWritten() {
		String p = prefix();
		String csv = "code,name,kind,parent_code\n%1$s-1,Một,khác,UBND-T\n%1$s-2,Hai,khác,%1$s-1\n%1$s-3,BOOM,khác,%1$s-2\n"
			.formatted(p);
		long count = agencies.count();
		jdbc.sql("ALTER TABLE agency ADD CONSTRAINT test_import_boom CHECK (name <> 'BOOM')").update();
		try {
			assertThat(upload("commit", csv).getResponse().getStatus()).isGreaterThanOrEqualTo(400);
		}
		finally {
			jdbc.sql("ALTER TABLE agency DROP CONSTRAINT test_import_boom").update();
		}
		assertThat(agencies.count()).isEqualTo(count);
		assertThat(agencies.findByCode(p + "-1")).isEmpty();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM agency_history h JOIN agency a ON a.id = h.agency_id WHERE a.code LIKE :p")
			.param("p", p + "%").query(Long.class).single()).isZero();
	}

	@Test
	void garbageFilesAreRefusedClearlyAndChangeNothing() {
		long count = agencies.count();
		String p = prefix();
		assertThat(upload("preview", "ma,ten\nA,B\n")).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson()
			.extractingPath("$.detail").asString().contains("Invalid column headers");
		byte[] legacy = ("code,name,kind\n" + p + "-1,Xa A,khac\n" + p + "-2,Xã Tân Phú,xã\n")
			.getBytes(java.nio.charset.Charset.isSupported("windows-1258") ? java.nio.charset.Charset.forName("windows-1258")
					: StandardCharsets.ISO_8859_1);
		assertThat(upload("operator", "commit", "legacy.csv", legacy)).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
			.bodyJson().extractingPath("$.detail").asString().contains("Line 3").contains("UTF-8");
		assertThat(upload("commit", "code,name,kind\n%1$s-X,A,khác\n%1$s-X,B,khác\n".formatted(p)))
			.hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson().extractingPath("$.errors[0].line").isEqualTo(3);
		assertThat(upload("commit", "code,name,kind,parent_code\n%1$s-P,A,khác,%1$s-Q\n%1$s-Q,B,khác,%1$s-P\n".formatted(p)))
			.hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson().extractingPath("$.errors[0].message").asString()
			.contains("cycle");
		assertThat(upload("commit", "code,name,kind,parent_code\n%1$s-U,A,khác,NOWHERE-%1$s\n".formatted(p)))
			.hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson().extractingPath("$.errors[0].line").isEqualTo(2);
		// an existing agency moved under its own sub-unit
		assertThat(upload("commit", "code,name,kind,parent_code\nSYT,Sở Y tế,sở,SYT-1\n"))
			.hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson().extractingPath("$.errors[0].message").asString()
			.contains("cycle");
		assertThat(upload("operator", "preview", "empty.csv", new byte[0])).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
			.bodyJson().extractingPath("$.detail").asString().contains("no data");
		assertThat(upload("operator", "preview", "report.pdf", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII)))
			.hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson().extractingPath("$.detail").asString()
			.contains("report.pdf");
		assertThat(upload("operator", "preview", "big.csv", new byte[10 * 1024 * 1024 + 1]))
			.hasStatus(HttpStatus.CONTENT_TOO_LARGE);
		assertThat(mvc.post().uri("/api/v1/agencies/import?mode=commit&fileId=999999999")
			.header("Authorization", logins.bearer("operator"))).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.post().uri("/api/v1/agencies/import?mode=bogus").header("Authorization", logins.bearer("operator"))
			.header("Accept-Language", "vi")).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(agencies.count()).isEqualTo(count);
		assertThat(agencies.findByCode("SYT").orElseThrow().parentId())
			.isEqualTo(agencies.findByCode("UBND-T").orElseThrow().id());
	}

	@Test
	void officersMayNotImport() {
		long count = agencies.count();
		assertThat(upload("officer", "commit", "a.csv", ("code,name,kind\n" + prefix() + ",A,khác\n")
			.getBytes(StandardCharsets.UTF_8))).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(upload("leader", "preview", "a.csv", "code,name,kind\nA,B,khác\n".getBytes(StandardCharsets.UTF_8)))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(agencies.count()).isEqualTo(count);
	}

	@Test
	void registryUploadIsChargedToNoAgencysQuota() throws Exception {
		// the operator belongs to an agency, but the registry is the province's
		MvcTestResult preview = upload("operator", "preview", "a.csv",
				("code,name,kind\n" + prefix() + ",A,khác\n").getBytes(StandardCharsets.UTF_8));
		long fileId = body(preview).get("fileId").asLong();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM stored_file WHERE id = :id AND agency_id IS NULL")
			.param("id", fileId)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void anotherUsersStoredFileCannotBeImported() throws Exception {
		MvcTestResult preview = upload("operator", "preview", "a.csv",
				("code,name,kind\n" + prefix() + ",A,khác\n").getBytes(StandardCharsets.UTF_8));
		long fileId = body(preview).get("fileId").asLong();
		assertThat(mvc.post().uri("/api/v1/agencies/import?mode=commit&fileId=" + fileId)
			.header("Authorization", logins.bearer("admin"))).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void anOldListImportedWithItsDateCanTakeTheReformAfterwards() throws Exception {
		String p = prefix();
		String csv = "code,name,kind,parent_code\n%1$s-H,Huyện Xưa,huyện,UBND-T\n%1$s-X1,Xã Xưa 1,xã,%1$s-H\n".formatted(p);
		long fileId = body(upload("preview", csv)).get("fileId").asLong();
		assertThat(mvc.post().uri("/api/v1/agencies/import?mode=commit&fileId={id}&recordedFrom=2099-01-01", fileId)
			.header("Authorization", logins.bearer("operator"))).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(mvc.post().uri("/api/v1/agencies/import?mode=commit&fileId={id}&recordedFrom=hôm-qua", fileId)
			.header("Authorization", logins.bearer("operator"))).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(agencies.findByCode(p + "-H")).isEmpty();
		assertThat(mvc.post().uri("/api/v1/agencies/import?mode=commit&fileId={id}&recordedFrom=2020-01-01", fileId)
			.header("Authorization", logins.bearer("operator"))).hasStatusOk();
		Agency district = agencies.findByCode(p + "-H").orElseThrow();
		long root = agencies.findByCode("UBND-T").orElseThrow().id();
		assertThat(mvc.post().uri("/api/v1/reorganisations/merge").header("Authorization", logins.bearer("operator"))
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.content("{\"sourceIds\": [%d], \"successorId\": %d, \"effectiveDate\": \"2025-07-01\"}".formatted(district.id(), root)))
			.hasStatus(HttpStatus.CREATED);
		assertThat(mvc.get().uri("/api/v1/agencies/{id}/history?date=2024-01-01", district.id())
			.header("Authorization", logins.bearer("admin"))).hasStatusOk().bodyJson().extractingPath("$[0].status")
			.isEqualTo("ACTIVE");
	}
}
