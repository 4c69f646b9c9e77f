package vn.khien.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import vn.khien.KhienTest;
import vn.khien.TestLogins;

/**
 * The agency picker asks for a screenful of options as the user types, in the user's
 * scope; pages that filter by agency render the chosen one only, never every agency.
 */
@KhienTest
class AgencyPickerTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestLogins logins;

	@Autowired
	Agencies agencies;

	@Test
	void theOptionsMatchTheTermWithoutDiacriticsAndStayInScope() throws Exception {
		long health = agencies.findByCode("SYT").orElseThrow().id();
		long education = agencies.findByCode("SGDDT").orElseThrow().id();
		String operator = mvc.get()
			.uri("/agencies/picker?term=so y te")
			.with(logins.session("operator"))
			.exchange()
			.getResponse()
			.getContentAsString();
		assertThat(operator).contains("data-value=\"" + health + "\"").contains("SYT — Sở Y tế");

		String officer = mvc.get()
			.uri("/agencies/picker?term=so")
			.with(logins.session("officer"))
			.exchange()
			.getResponse()
			.getContentAsString();
		assertThat(officer).as("the officer's scope is the health department and its units")
			.contains("data-value=\"" + health + "\"")
			.doesNotContain("data-value=\"" + education + "\"");
	}

	@Test
	void aScreenfulAtMostAndTheUserIsToldToTypeMore() throws Exception {
		String all = mvc.get()
			.uri("/agencies/picker")
			.with(logins.session("operator"))
			.exchange()
			.getResponse()
			.getContentAsString();
		assertThat(all.split("data-value=", -1)).hasSize(vn.khien.platform.PickerOption.SHOWN + 1);
		assertThat(all).contains("gõ thêm để thu hẹp");
		assertThat(mvc.get().uri("/agencies/picker?term=zzzz-no-such-agency").with(logins.session("operator")))
			.bodyText()
			.contains("Không tìm thấy kết quả nào.");
	}

	@Test
	void aTermOfTenThousandCharactersIsA400() {
		assertThat(mvc.get().uri("/agencies/picker").param("term", "x".repeat(10_000)).with(logins.session("operator")))
			.hasStatus(HttpStatus.BAD_REQUEST);
	}

	@Test
	void theHostListRendersTheChosenAgencyOnlyNotEveryAgency() throws Exception {
		long health = agencies.findByCode("SYT").orElseThrow().id();
		String page = mvc.get()
			.uri("/assets?agency=" + health)
			.with(logins.session("operator"))
			.exchange()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("value=\"SYT — Sở Y tế\"")
			.contains("hx-get=\"/agencies/picker\"")
			.doesNotContain(">SGDDT — ");
		assertThat(agencies.count()).isGreaterThan(800);
		assertThat(page.split("<option", -1).length).as("options on the page: systems and kinds only").isLessThan(100);
	}

}
