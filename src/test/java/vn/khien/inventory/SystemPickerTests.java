package vn.khien.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import vn.khien.KhienTest;
import vn.khien.TestLogins;
import vn.khien.platform.VietnameseText;

/**
 * Hosts choose their system by typing it (filter and form), never from a list of every
 * system of the province; the search ignores diacritics.
 */
@KhienTest
class SystemPickerTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestLogins logins;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aSystemIsFoundByItsNameWithoutDiacriticsAndPagesRenderOnlyTheChosenOne() throws Exception {
		var system = jdbc.sql("SELECT id, code, name FROM information_system WHERE code = 'SYT-HSSK'")
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getString(3) })
			.single();
		String term = VietnameseText.fold((String) system[2]);
		String options = mvc.get()
			.uri("/systems/picker")
			.param("term", term)
			.with(logins.session("operator"))
			.exchange()
			.getResponse()
			.getContentAsString();
		assertThat(options).contains("data-value=\"" + system[0] + "\"").contains(system[1] + " — " + system[2]);

		String list = mvc.get()
			.uri("/assets?system=" + system[0])
			.with(logins.session("operator"))
			.exchange()
			.getResponse()
			.getContentAsString();
		assertThat(list).contains("hx-get=\"/systems/picker\"")
			.contains("value=\"" + system[1] + " — " + system[2] + "\"")
			.doesNotContain("<option value=\"" + system[0] + "\"");
		assertThat(mvc.get().uri("/assets/new").with(logins.session("operator"))).bodyText()
			.contains("hx-get=\"/systems/picker\"");
	}

}
