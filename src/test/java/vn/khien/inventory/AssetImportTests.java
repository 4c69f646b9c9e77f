package vn.khien.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.khien.ImportClient;
import vn.khien.KhienTest;
import vn.khien.SignedIn;
import vn.khien.TestLogins;
import vn.khien.registry.Agencies;

@KhienTest
class AssetImportTests {

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
	Agencies agencies;

	ImportClient imports;

	@BeforeEach
	void setUp() {
		imports = new ImportClient(mvc, logins, json);
		if (jdbc.sql("SELECT COUNT(*) FROM information_system WHERE code = 'T-AI-SYS'")
			.query(Long.class)
			.single() == 0) {
			long owner = jdbc.sql("SELECT id FROM agency WHERE code = 'SYT'").query(Long.class).single();
			jdbc.sql(
					"""
							INSERT INTO information_system (code, name, owner_agency_id, lifecycle, hosting, created_at, updated_at)
							VALUES ('T-AI-SYS', 'Test system', :owner, 'OPERATING', 'OWN_PREMISES', :now, :now)""")
				.param("owner", owner)
				.param("now", Timestamp.from(Instant.now()))
				.update();
			levels.recount(owner);
		}
	}

	/**
	 * Fresh units under the health department, one per number, so demo hosts never count
	 * here.
	 */
	private static final java.util.Map<Integer, String> UNITS = new java.util.concurrent.ConcurrentHashMap<>();

	@Autowired
	vn.khien.registry.AgencyManagement management;

	String unit(int n) {
		return UNITS.computeIfAbsent(n, k -> {
			String code = "AIT-" + k + "-" + java.util.UUID.randomUUID().toString().substring(0, 6).toUpperCase();
			long health = jdbc.sql("SELECT id FROM agency WHERE code = 'SYT'").query(Long.class).single();
			management.create(new vn.khien.registry.AgencyManagement.AgencyDetails(code, "Đơn vị thử nhập " + code,
					vn.khien.registry.AgencyKind.PUBLIC_SERVICE_UNIT, health, null, null, null, null, null));
			return code;
		});
	}

	long assetsOf(String agencyCode) {
		return jdbc.sql("SELECT COUNT(*) FROM asset a JOIN agency g ON g.id = a.agency_id WHERE g.code = :code")
			.param("code", agencyCode)
			.query(Long.class)
			.single();
	}

	static byte[] sample(String name) throws IOException {
		return Files.readAllBytes(Path.of("src/test/resources/samples/nmap", name));
	}

	@Test
	void nmapSampleCreatesExactlyItsHostsAndReimportCreatesNone() throws IOException {
		JsonNode first = imports.run("operator", "issue12411.xml", sample("issue12411.xml"), unit(7));
		assertThat(first.get("state").asString()).isEqualTo("succeeded");
		assertThat(first.get("counts").get("parsed").asLong()).isEqualTo(2);
		assertThat(first.get("counts").get("created").asLong()).isEqualTo(2);
		assertThat(first.get("counts").get("updated").asLong()).isZero();
		assertThat(first.has("processed")).isTrue();
		assertThat(first.get("error").isNull()).isTrue();
		assertThat(assetsOf(unit(7))).isEqualTo(2);

		JsonNode again = imports.run("operator", "issue12411.xml", sample("issue12411.xml"), unit(7));
		assertThat(again.get("state").asString()).isEqualTo("succeeded");
		assertThat(again.get("counts").get("created").asLong()).isZero();
		assertThat(again.get("counts").get("updated").asLong()).isZero();
		assertThat(again.get("counts").get("unchanged").asLong()).isEqualTo(2);
		assertThat(assetsOf(unit(7))).isEqualTo(2);
	}

	@Test
	void csvImportCreatesThenUpdatesByIdentity() {
		String csv = HEADER + "server,app01.syt3.example.vn,10.3.0.1,,Ubuntu,,\n"
				+ "web portal,,,,,https://syt3.example.vn/,\n";
		JsonNode first = imports.run("officer", "assets.csv", csv, unit(3));
		assertThat(first.get("state").asString()).isEqualTo("succeeded");
		assertThat(first.get("counts").get("created").asLong()).isEqualTo(2);
		// a finished job has read its whole file
		assertThat(first.get("bytesTotal").asLong())
			.isEqualTo(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
		assertThat(first.get("bytesRead").asLong()).isEqualTo(first.get("bytesTotal").asLong());

		String changed = HEADER + "server,APP01.syt3.example.vn.,10.3.0.1 10.3.0.2,,Ubuntu 24.04,,T-AI-SYS\n"
				+ "web portal,,,,,HTTPS://SYT3.example.vn,\n";
		JsonNode second = imports.run("officer", "assets.csv", changed, unit(3));
		assertThat(second.get("state").asString()).as(second.toString()).isEqualTo("succeeded");
		assertThat(second.get("counts").get("created").asLong()).isZero();
		assertThat(second.get("counts").get("updated").asLong()).isEqualTo(1);
		assertThat(second.get("counts").get("unchanged").asLong()).isEqualTo(1);
		assertThat(assetsOf(unit(3))).isEqualTo(2);
		assertThat(jdbc.sql("SELECT addresses FROM asset WHERE identity_key = 'host:app01.syt3.example.vn'")
			.query(String.class)
			.single()).isEqualTo("10.3.0.1 10.3.0.2");
	}

	@Test
	void previewWritesNothingAndConfirmImportsTheSameFile() {
		String csv = HEADER + "workstation,pc-01.syt4,10.4.0.1,,,,\nlaptop,lt-01.syt4,,,,,\n";
		JsonNode preview = imports.run("operator", "preview.csv", csv, unit(4), "dryRun", "true");
		assertThat(preview.get("state").asString()).isEqualTo("succeeded");
		assertThat(preview.get("dryRun").asBoolean()).isTrue();
		assertThat(preview.get("counts").get("created").asLong()).isEqualTo(2);
		assertThat(assetsOf(unit(4))).isZero();

		var commit = mvc.post()
			.uri("/api/v1/imports/{id}/commit", preview.get("jobId").asString())
			.header("Authorization", logins.bearer("operator"))
			.exchange();
		assertThat(commit).hasStatus(HttpStatus.ACCEPTED);
		JsonNode done = imports.await("operator", imports.read(commit).get("statusUrl").asString());
		assertThat(done.get("state").asString()).isEqualTo("succeeded");
		assertThat(done.get("counts").get("created").asLong()).isEqualTo(2);
		assertThat(assetsOf(unit(4))).isEqualTo(2);
	}

	@Test
	void officerCannotImportIntoAnotherDepartment() {
		long before = assetsOf("SGDDT");
		assertThat(imports.upload("officer", "a.csv", HEADER + "server,x.sgddt,,,,,\n", "SGDDT"))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(assetsOf("SGDDT")).isEqualTo(before);
	}

	@Test
	void readOnlyRolesMayNotImport() {
		assertThat(imports.upload("leader", "a.csv", HEADER + "server,x.syt5,,,,,\n", unit(5)))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(imports.upload("police", "a.csv", HEADER + "server,x.syt5,,,,,\n", unit(5)))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(assetsOf(unit(5))).isZero();
	}

	@Test
	void unknownAgencyOrSystemParameterIsRefusedBeforeAnyJob() {
		assertThat(imports.upload("operator", "a.csv", HEADER + "server,x,,,,,\n", "NO-SUCH-AGENCY"))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(imports.upload("operator", "a.csv", HEADER + "server,x,,,,,\n", unit(5), "system", "NO-SUCH"))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.detail")
			.asString()
			.contains("NO-SUCH");
		assertThat(imports.upload("operator", "a.csv", HEADER + "server,x,,,,,\n", unit(5), "format", "pdf"))
			.hasStatus(HttpStatus.BAD_REQUEST);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					unknown system in a row | a.csv | kind,hostname,system\\nserver,ok.syt6,\\nserver,b.syt6,NO-SUCH-SYS | import.row.unknownSystem | line 3
					duplicate host          | a.csv | kind,hostname\\nserver,dup.syt6\\nserver,other.syt6\\nserver,DUP.syt6 | import.row.duplicate | line 4
					invalid IP address      | a.csv | kind,addresses\\nserver,10.6.0.1\\nserver,10.6.0.999 | import.row.invalidAddress | line 3
					invalid URL             | a.csv | kind,url\\nweb portal,https://ok.syt6.vn\\nweb portal,ftp://syt6.vn | import.row.invalidUrl | line 3
					wrong CSV columns       | a.csv | kind,hostname,colour\\nserver,x.syt6,red | import.csv.columns | line 1
					empty file              | a.csv | '' | import.file.empty |
					truncated XML           | scan.xml | <?xml version="1.0"?><nmaprun><host><status state="up"/><address addr="10.6.0.1" addrtype="ipv4"/></ho | import.xml.malformed |
					external entities       | scan.xml | <?xml version="1.0"?><!DOCTYPE nmaprun [<!ENTITY x SYSTEM "file:///etc/passwd">]><nmaprun>&x;</nmaprun> | import.xml.dtdForbidden |
					duplicate Nmap host     | scan.xml | <nmaprun><host><status state="up"/><address addr="10.6.0.7" addrtype="ipv4"/></host><host><status state="up"/><address addr="10.6.0.7" addrtype="ipv4"/></host></nmaprun> | import.row.duplicate | element host[2]
					""")
	void garbageFailsTheJobNamingThePlaceAndWritesNothing(String what, String filename, String content, String code,
			String location) {
		long before = assetsOf(unit(6));
		JsonNode status = imports.run("operator", filename, content.replace("\\n", "\n"), unit(6));
		assertThat(status.get("state").asString()).as(what + status).isEqualTo("failed");
		JsonNode error = status.get("error");
		assertThat(error.get("code").asString()).as(what).isEqualTo(code);
		assertThat(error.get("message").asString()).as(what).isNotBlank().doesNotStartWith("import.");
		if (location != null) {
			assertThat(error.get("location").asString()).as(what).isEqualTo(location);
		}
		assertThat(assetsOf(unit(6))).as(what).isEqualTo(before);
	}

	@Test
	void windows1258BytesAreRefusedWithTheLine() {
		long before = assetsOf(unit(6));
		byte[] content = (HEADER + "máy chủ,may-chu.syt6,,,,,\n").getBytes(Charset.forName("windows-1258"));
		JsonNode status = imports.run("operator", "legacy.csv", content, unit(6));
		assertThat(status.get("state").asString()).isEqualTo("failed");
		assertThat(status.get("error").get("code").asString()).isEqualTo("import.csv.encoding");
		assertThat(status.get("error").get("message").asString()).contains("UTF-8");
		assertThat(assetsOf(unit(6))).isEqualTo(before);
	}

	@Test
	void errorsAreSaidInTheReadersLanguage() {
		JsonNode status = imports.run("operator", "a.csv", "kind,addresses\nserver,300.1.1.1\n", unit(6));
		String url = status.get("statusUrl").asString();
		assertThat(
				mvc.get().uri(url).header("Authorization", logins.bearer("operator")).header("Accept-Language", "vi"))
			.bodyJson()
			.extractingPath("$.error.location")
			.isEqualTo("dòng 2");
		assertThat(
				mvc.get().uri(url).header("Authorization", logins.bearer("operator")).header("Accept-Language", "en"))
			.bodyJson()
			.extractingPath("$.error.message")
			.asString()
			.contains("Invalid IP address", "300.1.1.1");
	}

	@Test
	void anUploadOverTheLimitIsRefusedWith413(@Autowired AssetImport assetImport) {
		long before = assetsOf(unit(6));
		var in = new java.io.ByteArrayInputStream(new byte[2048]);
		org.springframework.security.core.context.SecurityContextHolder.getContext()
			.setAuthentication(
					org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(
							new vn.khien.platform.KhienUser(1, "admin", "Admin",
									java.util.Set.of(vn.khien.platform.Role.ADMIN), null, null),
							null, java.util.List.of()));
		try {
			org.assertj.core.api.Assertions
				.assertThatThrownBy(
						() -> assetImport.submit(in, "big.csv", "text/csv", unit(6), null, null, false, 1024))
				.isInstanceOfSatisfying(vn.khien.platform.InvalidInputException.class,
						ex -> assertThat(ex.status()).isEqualTo(413));
		}
		finally {
			org.springframework.security.core.context.SecurityContextHolder.clearContext();
		}
		assertThat(assetsOf(unit(6))).isEqualTo(before);
	}

	@Test
	void jobStatusIsVisibleToItsCreatorAndOperatorsOnly() {
		JsonNode status = imports.run("officer", "a.csv", HEADER + "server,vis.syt8,,,,,\n", unit(8));
		String url = status.get("statusUrl").asString();
		assertThat(mvc.get().uri(url).header("Authorization", logins.bearer("officer2")))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri(url).header("Authorization", logins.bearer("admin"))).hasStatusOk();
		assertThat(mvc.get().uri("/api/v1/imports?size=500").header("Authorization", logins.bearer("officer2")))
			.hasStatusOk()
			.bodyJson()
			.extractingPath("$.items[*].jobId")
			.asArray()
			.doesNotContain(status.get("jobId").asString());
		assertThat(mvc.get().uri("/api/v1/imports?size=500").header("Authorization", logins.bearer("officer")))
			.bodyJson()
			.extractingPath("$.items[*].jobId")
			.asArray()
			.contains(status.get("jobId").asString());
		assertThat(mvc.get().uri("/api/v1/imports/no-such-job").header("Authorization", logins.bearer("admin")))
			.hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void aFinishedImportsCountsOpenTheHostsItWroteToAndAPreviewsStayPlain() {
		String agency = unit(8);
		long id = jdbc.sql("SELECT id FROM agency WHERE code = :c").param("c", agency).query(Long.class).single();
		String link = "href=\"/assets?agency=" + id + "\"";
		JsonNode done = imports.run("officer", "links.csv", HEADER + "server,links-job.syt8,,,,,\n", agency);
		var officer = login("officer");
		assertThat(mvc.get().uri("/imports/{id}", done.get("jobId").asString()).with(officer)).bodyText()
			.contains(link);
		JsonNode preview = imports.run("officer", "links2.csv", HEADER + "server,links-job2.syt8,,,,,\n", agency,
				"dryRun", "true");
		assertThat(mvc.get().uri("/imports/{id}", preview.get("jobId").asString()).with(officer)).bodyText()
			.doesNotContain(link);
	}

	@Test
	void jobPageShowsTheSummaryToItsCreatorOnly() {
		JsonNode status = imports.run("officer", "page.csv", HEADER + "server,page-job.syt8,,,,,\n", unit(8), "dryRun",
				"true");
		String jobId = status.get("jobId").asString();
		var officer = login("officer");
		assertThat(mvc.get().uri("/imports/{id}", jobId).with(officer)).hasStatusOk()
			.bodyText()
			.contains("confirm-import", "data-count=\"created\"");
		var officer2 = login("officer2");
		assertThat(mvc.get().uri("/imports/{id}", jobId).with(officer2)).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri("/imports/{id}/events", jobId).with(officer2)).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.post()
			.uri("/imports/{id}/commit", jobId)
			.with(login("leader"))
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM asset WHERE identity_key = 'host:page-job.syt8'")
			.query(Long.class)
			.single()).isZero();
	}

	SignedIn login(String username) {
		return logins.session(username);
	}

}
