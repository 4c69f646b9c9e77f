package vn.khien.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.khien.SignedIn;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import vn.khien.KhienTest;
import vn.khien.TestLogins;
import vn.khien.registry.AgencyManagement.AgencyDetails;

@KhienTest
class ReorgPageTests {

	static final AtomicInteger SEQ = new AtomicInteger();

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Agencies agencies;

	@Autowired
	AgencyManagement management;

	@Autowired
	JdbcClient jdbc;

	/** Signs in through the login form, as a browser would. */
	SignedIn login(String username) {
		return TestLogins.signIn(mvc, username, TestLogins.DEMO_PASSWORD);
	}

	Agency fixture(String name, Long parentId) {
		String code = "RP-" + SEQ.incrementAndGet() + "-" + System.nanoTime() % 100000;
		return management.create(
				new AgencyDetails(code, name, AgencyKind.COMMUNE, parentId, null, null, null, null, null),
				LocalDate.of(2020, 1, 1));
	}

	String html(MvcTestResult result) throws Exception {
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	long root() {
		return agencies.findByCode("UBND-T").orElseThrow().id();
	}

	@Test
	void operatorMergesThroughTheFormAndTheAgencyPageShowsIt() throws Exception {
		SignedIn operator = login("operator");
		Agency a = fixture("Xã Trang A", root());
		Agency b = fixture("Xã Trang B", root());
		Agency successor = fixture("Xã Trang Mới", root());

		MvcTestResult form = mvc.get()
			.uri("/agencies/reorganisations/merge?source={id}", a.id())
			.with(operator)
			.exchange();
		assertThat(form).hasStatusOk();
		assertThat(html(form)).contains(a.code()).contains("Sáp nhập cơ quan");

		MvcTestResult done = mvc.post()
			.uri("/agencies/reorganisations/merge")
			.with(operator)
			.with(csrf())
			.param("sourceCodes", a.code() + ", " + b.code())
			.param("successorCode", successor.code())
			.param("effectiveDate", "01/07/2025")
			.param("note", "Nghị quyết thử")
			.exchange();
		assertThat(done).hasStatus3xxRedirection();
		String location = done.getResponse().getRedirectedUrl();
		assertThat(location).startsWith("/agencies/reorganisations/");
		assertThat(html(mvc.get().uri(location).with(operator).exchange())).contains("Xã Trang A")
			.contains("Xã Trang Mới")
			.contains("01/07/2025");
		String page = html(mvc.get().uri("/agencies/{id}", a.id()).with(operator).exchange());
		assertThat(page).contains("Đã sáp nhập vào").contains("/agencies/" + successor.id()).contains(location);
		assertThat(html(mvc.get().uri("/agencies/reorganisations").with(operator).exchange())).contains("Xã Trang B");
	}

	@Test
	void badMergeFormKeepsWhatWasTypedAndChangesNothing() throws Exception {
		SignedIn operator = login("operator");
		Agency a = fixture("Xã Lỗi A", root());
		long before = jdbc.sql("SELECT COUNT(*) FROM reorganisation").query(Long.class).single();

		MvcTestResult result = mvc.post()
			.uri("/agencies/reorganisations/merge")
			.with(operator)
			.with(csrf())
			.param("sourceCodes", a.code() + ", KHONG-CO-MA")
			.param("successorCode", "UBND-T")
			.param("effectiveDate", "32/13/2025")
			.exchange();

		assertThat(result).hasStatusOk();
		assertThat(html(result)).contains("is-invalid")
			.contains("Không có cơ quan mang mã &quot;KHONG-CO-MA&quot;")
			.contains("KHONG-CO-MA");
		MvcTestResult badDate = mvc.post()
			.uri("/agencies/reorganisations/split")
			.with(operator)
			.with(csrf())
			.param("sourceCode", a.code())
			.param("targetCodes", "UBND-T SYT")
			.param("effectiveDate", "hôm qua")
			.exchange();
		assertThat(html(badDate)).contains("Ngày hiệu lực &quot;hôm qua&quot; không hợp lệ");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM reorganisation").query(Long.class).single()).isEqualTo(before);
		assertThat(agencies.get(a.id()).status()).isEqualTo(AgencyStatus.ACTIVE);
	}

	@Test
	void officerCannotOpenTheFormsAndSeesOnlyTheirReorganisations() throws Exception {
		Agency a = fixture("Xã Ngoài Phạm Vi", root());
		Agency b = fixture("Xã Ngoài Phạm Vi 2", root());
		SignedIn operator = login("operator");
		assertThat(mvc.post()
			.uri("/agencies/reorganisations/merge")
			.with(operator)
			.with(csrf())
			.param("sourceCodes", a.code())
			.param("successorCode", b.code())
			.param("effectiveDate", "2025-07-01")
			.exchange()).hasStatus3xxRedirection();

		SignedIn officer = login("officer");
		assertThat(mvc.get().uri("/agencies/reorganisations/merge").with(officer)).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/agencies/reorganisations/split").with(officer)).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.post()
			.uri("/agencies/reorganisations/merge")
			.with(officer)
			.with(csrf())
			.param("sourceCodes", b.code())
			.param("successorCode", "UBND-T")
			.param("effectiveDate", "2025-07-01")).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/agencies/import").with(officer)).hasStatus(HttpStatus.FORBIDDEN);
		MvcTestResult list = mvc.get().uri("/agencies/reorganisations?size=500").with(officer).exchange();
		assertThat(list).hasStatusOk();
		assertThat(html(list)).doesNotContain("Xã Ngoài Phạm Vi");
		long id = jdbc.sql("SELECT MAX(id) FROM reorganisation").query(Long.class).single();
		assertThat(mvc.get().uri("/agencies/reorganisations/{id}", id).with(officer)).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(agencies.get(b.id()).status()).isEqualTo(AgencyStatus.ACTIVE);
		assertThat(html(mvc.get().uri("/").with(officer).exchange())).contains("/agencies/reorganisations")
			.doesNotContain("/agencies/import");
	}

	/**
	 * The job page once its job has finished (the page polls the same state through its
	 * event stream).
	 */
	String finishedJobPage(String path, SignedIn user) throws Exception {
		long deadline = System.nanoTime() + 20_000_000_000L;
		while (true) {
			String page = html(mvc.get().uri(path).with(user).exchange());
			if (page.contains("id=\"job-summary\"") || page.contains("id=\"job-error\"")
					|| System.nanoTime() > deadline) {
				return page;
			}
			Thread.sleep(50);
		}
	}

	@Test
	void importPagePreviewsOnTheJobPageThenImportsTheValidRowsOnce() throws Exception {
		SignedIn operator = login("operator");
		String p = "RPI" + SEQ.incrementAndGet() + "-" + System.nanoTime() % 100000;
		String csv = "code,name,kind,parent_code\n%1$s-A,Đơn vị A,khác,UBND-T\n%1$s-B,Đơn vị B,khác,%1$s-X\n"
			.formatted(p);
		long count = agencies.count();

		MvcTestResult upload = mvc.post()
			.uri("/agencies/import")
			.with(operator)
			.with(csrf())
			.multipart()
			.file(new MockMultipartFile("file", "ds.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
			.param("recordedFrom", "01/01/2020")
			.exchange();

		assertThat(upload).hasStatus3xxRedirection();
		String jobPath = upload.getResponse().getRedirectedUrl();
		assertThat(jobPath).matches("/imports/[0-9a-f-]{36}");
		String page = finishedJobPage(jobPath, operator);
		assertThat(page).contains("id=\"job-left-out\"")
			.contains("dòng 3")
			.contains("parent_code: không có cơ quan mang mã &quot;" + p + "-X&quot;")
			.contains("id=\"confirm-import\"")
			.contains("data-count=\"skipped\"");
		assertThat(agencies.count()).isEqualTo(count);

		MvcTestResult confirm = mvc.post().uri(jobPath + "/commit").with(operator).with(csrf()).exchange();
		assertThat(confirm).hasStatus3xxRedirection();
		String done = finishedJobPage(confirm.getResponse().getRedirectedUrl(), operator);
		assertThat(done).contains("id=\"job-summary\"")
			.doesNotContain("id=\"confirm-import\"")
			.contains("href=\"/agencies/import\">Nhập tệp khác</a>");
		Agency a = agencies.findByCode(p + "-A").orElseThrow();
		assertThat(agencies.findByCode(p + "-B")).isEmpty();
		assertThat(jdbc.sql("SELECT MIN(valid_from) FROM agency_history WHERE agency_id = :id")
			.param("id", a.id())
			.query(LocalDate.class)
			.single()).isEqualTo(LocalDate.of(2020, 1, 1));
		assertThat(mvc.post().uri(jobPath + "/commit").with(operator).with(csrf())).hasStatus(HttpStatus.CONFLICT);
	}

	@Test
	void importPageSaysWhatIsWrongWithTheForm() throws Exception {
		SignedIn operator = login("operator");
		MvcTestResult badDate = mvc.post()
			.uri("/agencies/import")
			.with(operator)
			.with(csrf())
			.multipart()
			.file(new MockMultipartFile("file", "ds.csv", "text/csv",
					"code,name,kind\n".getBytes(StandardCharsets.UTF_8)))
			.param("recordedFrom", "31/02/2020")
			.exchange();
		assertThat(badDate).hasStatusOk();
		assertThat(html(badDate)).contains("id=\"import-error\"").contains("31/02/2020");
	}

}
