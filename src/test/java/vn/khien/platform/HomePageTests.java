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

	@Autowired
	org.springframework.context.ApplicationContext context;

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

	@Test
	void leadershipSeesTheProvincesFiguresNotWorkItems() {
		long province = context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
			.sql("SELECT id FROM agency WHERE code = 'UBND-T'")
			.query(Long.class)
			.single();
		assertThat(mvc.get().uri("/").with(logins.session("leader"))).hasStatusOk()
			.bodyText()
			.contains("class=\"h5 home-standing\"")
			.contains("href=\"/agencies/" + province + "\"")
			.contains("href=\"/systems?agency=" + province + "\" class=\"figure\"")
			.doesNotContain("id=\"home-cards\"");
		assertThat(mvc.get().uri("/").with(logins.session("operator"))).bodyText().doesNotContain("home-standing");
	}

	@Test
	void everyRoleSeesWhatFallsDueInTheWeek() {
		var campaigns = vn.khien.FixturePrincipal.wrap(context.getBean(vn.khien.registry.RegistrationCampaigns.class));
		java.time.LocalDate today = java.time.LocalDate.now(Formats.ZONE);
		// NB: opened long ago, so that the demo's campaign stays the latest one
		String soon = vn.khien.AccessFixtures.unique("Đợt sắp hết hạn");
		String later = vn.khien.AccessFixtures.unique("Đợt còn lâu");
		var due = campaigns
			.open(new vn.khien.registry.RegistrationCampaign.Details(soon, java.time.LocalDate.of(2000, 1, 1),
					today.plusDays(2), java.util.Set.of(vn.khien.registry.AgencyKind.PROVINCIAL_BODY)));
		campaigns.open(new vn.khien.registry.RegistrationCampaign.Details(later, java.time.LocalDate.of(2000, 1, 1),
				today.plusDays(30), java.util.Set.of(vn.khien.registry.AgencyKind.PROVINCIAL_BODY)));
		for (String user : java.util.List.of("operator", "officer")) {
			assertThat(mvc.get().uri("/").with(logins.session(user))).bodyText()
				.as(user)
				.contains("Hạn đăng ký đầu mối: " + soon)
				.contains("href=\"/campaigns/" + due.id() + "\"")
				.contains(Formats.date(today.plusDays(2)))
				.doesNotContain(later);
		}
	}

	/** The number shown on the card whose title starts with {@code title}. */
	private static long figure(String html, String title) {
		int at = html.indexOf(title);
		var m = java.util.regex.Pattern.compile("display-6 fw-semibold\">([\\d.]+)<").matcher(html);
		assertThat(m.find(at)).as("figure after " + title).isTrue();
		return Long.parseLong(m.group(1).replace(".", ""));
	}

}
