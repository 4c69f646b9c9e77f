package vn.khien.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import vn.khien.KhienTest;
import vn.khien.TestLogins;

/**
 * User administration chooses agencies and organisations by typing their names, never
 * from a list of the province's 848 agencies or by number.
 */
@KhienTest
class UserPickersTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestLogins logins;

	@Autowired
	JdbcClient jdbc;

	String page(String uri) throws Exception {
		var result = mvc.get().uri(uri).with(logins.session("admin")).exchange();
		assertThat(result).hasStatusOk();
		return result.getResponse().getContentAsString();
	}

	@Test
	void aUsersPageShowsTheirAgencyAndOrganisationByNameInPickers() throws Exception {
		long officer = jdbc.sql("SELECT id FROM app_user WHERE username = 'officer'").query(Long.class).single();
		String html = page("/admin/users/" + officer);
		assertThat(html).contains("hx-get=\"/agencies/picker\"")
			.contains("hx-get=\"/organisations/picker\"")
			.contains("value=\"SYT — Sở Y tế\"")
			.doesNotContain("type=\"number\"");
		assertThat(page("/admin/users/new")).contains("hx-get=\"/agencies/picker\"")
			.contains("hx-get=\"/organisations/picker\"");
	}

	@Test
	void organisationsAreFoundByTheirNameWithoutDiacritics() throws Exception {
		var any = jdbc.sql("SELECT id, name FROM organisation WHERE status = 'ACTIVE' ORDER BY id")
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2) })
			.list()
			.get(0);
		String term = VietnameseText.fold((String) any[1]);
		var result = mvc.get()
			.uri("/organisations/picker")
			.param("term", term)
			.with(logins.session("admin"))
			.exchange();
		String options = result.getResponse().getContentAsString();
		assertThat(options).contains("data-value=\"" + any[0] + "\"");
		assertThat(page("/organisations/picker?term=zzzz-none")).doesNotContain("data-value")
			.contains("Không tìm thấy");
	}

}
