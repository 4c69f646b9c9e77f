package vn.khien.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import vn.khien.AccessFixtures;
import vn.khien.KhienTest;
import vn.khien.TestLogins;
import vn.khien.registry.Agency;

/**
 * The incident pages as people use them: an officer’s report refused with what was typed
 * kept, then taken, the case showing its clocks; script in a title shown as text; the
 * public form in English, a screenshot taken and a program refused, the tracking code’s
 * status page.
 */
@KhienTest
class IncidentPageTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestLogins logins;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	Agency unit;

	@BeforeEach
	void setUp() {
		unit = new AccessFixtures(context).unit("SYT");
	}

	@Test
	void anOfficersReportIsRefusedWithWhatWasTypedKeptThenTaken() {
		String refused = body(mvc.post()
			.uri("/incidents")
			.with(logins.session("officer"))
			.with(csrf())
			.param("title", "Cổng thông tin bị tấn công")
			.param("description", "Trang chủ hiển thị nội dung lạ")
			.param("discoveredAt", "01/10/2026 08:00")
			.param("agencyId", String.valueOf(unit.id()))
			.param("reporterName", "Nguyễn Văn An")
			.exchange());
		assertThat(refused).contains("id=\"incident-error\"").contains("01/10/2026 08:00").contains("Nguyễn Văn An");

		MvcTestResult taken = mvc.post()
			.uri("/incidents")
			.with(logins.session("officer"))
			.with(csrf())
			.param("title", "<script>alert(1)</script> Cổng thông tin bị tấn công")
			.param("description", "Trang chủ hiển thị nội dung lạ")
			.param("discoveredAt", "2026-10-01T08:00:00+07:00")
			.param("agencyId", String.valueOf(unit.id()))
			.param("detectedBy", "notified")
			.exchange();
		assertThat(taken.getResponse().getStatus()).isEqualTo(302);
		String location = taken.getResponse().getRedirectedUrl();
		String page = body(mvc.get().uri(location).with(logins.session("officer")).exchange());
		assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt; Cổng thông tin bị tấn công")
			.doesNotContain("<script>alert(1)</script>")
			.contains("id=\"deadline-report\"")
			.contains("Đơn vị chuyên trách của Bộ Công an")
			.doesNotContain("id=\"incident-moves\"");
		String team = body(mvc.get().uri(location).with(logins.session("responder")).exchange());
		assertThat(team).contains("id=\"incident-moves\"").contains("id=\"incident-triage\"");
		String list = body(mvc.get().uri("/incidents").with(logins.session("officer")).exchange());
		assertThat(list).contains(location.replace("http://localhost", ""));
	}

	@Test
	void theMemberOfThePublicReportsInEnglishWithAScreenshotAndFollowsTheCode() {
		String form = body(mvc.get().uri("/incident-report?lang=en").exchange());
		assertThat(form).contains("Report a cybersecurity incident").contains("name=\"website\"");

		MockMultipartFile screenshot = new MockMultipartFile("files", "tin-nhan.png", "image/png",
				new byte[] { (byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0 });
		MvcTestResult received = mvc.post()
			.uri("/incident-report")
			.multipart()
			.file(screenshot)
			.param("description", "Tin nhắn giả mạo ngân hàng dẫn tới trang lừa đảo")
			.param("url", "http://vietcombank-xacthuc.example/login")
			.with(csrf())
			.with(r -> {
				r.setRemoteAddr("203.0.113.201");
				return r;
			})
			.exchange();
		assertThat(received.getResponse().getStatus()).isEqualTo(200);
		String page = body(received);
		String code = page.replaceAll("(?s).*id=\"tracking-code\">([A-Z0-9]+)<.*", "$1");
		assertThat(code).hasSize(20);
		long evidence = jdbc.sql("""
				SELECT COUNT(*) FROM incident_evidence e JOIN incident i ON i.id = e.incident_id
				WHERE i.tracking_hash = :h AND e.name = 'tin-nhan.png'""")
			.param("h", vn.khien.platform.Sha256.hex(code))
			.query(Long.class)
			.single();
		assertThat(evidence).isEqualTo(1);

		String status = body(mvc.get().uri("/incident-report/status?code=" + code).exchange());
		assertThat(status).contains("id=\"public-status\"").contains("Đã tiếp nhận");
		MvcTestResult unknown = mvc.get().uri("/incident-report/status?code=" + "A".repeat(20)).exchange();
		assertThat(unknown.getResponse().getStatus()).isEqualTo(404);
		assertThat(body(unknown)).contains("id=\"public-unknown\"");

		long before = jdbc.sql("SELECT COUNT(*) FROM incident").query(Long.class).single();
		MockMultipartFile program = new MockMultipartFile("files", "anh.exe", "application/octet-stream",
				new byte[] { 'M', 'Z', 0, 0 });
		MvcTestResult refused = mvc.post()
			.uri("/incident-report")
			.multipart()
			.file(program)
			.param("description", "Xem tệp đính kèm")
			.with(csrf())
			.with(r -> {
				r.setRemoteAddr("203.0.113.202");
				return r;
			})
			.exchange();
		assertThat(refused.getResponse().getStatus()).isEqualTo(400);
		assertThat(body(refused)).contains("id=\"public-error\"").contains("Xem tệp đính kèm");
		MockMultipartFile disguised = new MockMultipartFile("files", "anh.png", "image/png",
				new byte[] { 'M', 'Z', 0, 0 });
		MvcTestResult renamed = mvc.post()
			.uri("/incident-report")
			.multipart()
			.file(disguised)
			.param("description", "Xem tệp đính kèm")
			.with(csrf())
			.with(r -> {
				r.setRemoteAddr("203.0.113.203");
				return r;
			})
			.exchange();
		assertThat(renamed.getResponse().getStatus()).isEqualTo(400);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM incident").query(Long.class).single()).isEqualTo(before);
	}

	private static String body(MvcTestResult result) {
		try {
			return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		}
		catch (java.io.UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
