package vn.khien.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import vn.khien.KhienTest;
import vn.khien.TestLogins;

@KhienTest
class HomePageTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestLogins logins;

	@Test
	void operatorSeesWhatWaitsWithLinksToTheListsBehind() {
		assertThat(mvc.get().uri("/").with(logins.session("operator"))).hasStatusOk()
			.bodyText()
			.contains("id=\"home-cards\"")
			.contains("Cơ quan chưa đăng ký đầu mối")
			.contains("href=\"/coverage/unprotected\"")
			.containsPattern("href=\"/campaigns/\\d+\\?state=(overdue|pending)\"");
	}

	@Test
	void officerSeesOnlyFiguresOfTheirScope() throws Exception {
		String officer = mvc.get()
			.uri("/")
			.with(logins.session("officer"))
			.exchange()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		String operator = mvc.get()
			.uri("/")
			.with(logins.session("operator"))
			.exchange()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(officer).contains("Máy chưa được bảo vệ chống mã độc");
		assertThat(figure(officer, "Máy chưa được bảo vệ")).isLessThan(figure(operator, "Máy chưa được bảo vệ"));
	}

	@Test
	void rolesWithoutAgencyDataSeeNoCards() {
		assertThat(mvc.get().uri("/").with(logins.session("assessor"))).hasStatusOk()
			.bodyText()
			.doesNotContain("id=\"home-cards\"");
	}

	/** The number shown on the card whose title starts with {@code title}. */
	private static long figure(String html, String title) {
		int at = html.indexOf(title);
		var m = java.util.regex.Pattern.compile("display-6 fw-semibold\">([\\d.]+)<").matcher(html);
		assertThat(m.find(at)).as("figure after " + title).isTrue();
		return Long.parseLong(m.group(1).replace(".", ""));
	}

}
