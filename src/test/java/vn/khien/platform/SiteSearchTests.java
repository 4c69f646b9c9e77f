package vn.khien.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import vn.khien.KhienTest;
import vn.khien.TestLogins;

/**
 * The menu bar's search box finds hosts by name or address, systems and agencies, in the
 * user's scope, each kind linked to the full list.
 */
@KhienTest
class SiteSearchTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestLogins logins;

	@Autowired
	JdbcClient jdbc;

	String search(String user, String text) throws Exception {
		var result = mvc.get().uri("/search").param("q", text).with(logins.session(user)).exchange();
		assertThat(result).hasStatusOk();
		return result.getResponse().getContentAsString();
	}

	@Test
	void everyPageHasTheSearchBox() throws Exception {
		var home = mvc.get().uri("/").with(logins.session("officer")).exchange();
		assertThat(home.getResponse().getContentAsString()).contains("id=\"menu-search\"")
			.contains("action=\"/search\"");
	}

	@Test
	void aHostIsFoundByItsAddressAndAnAgencyByItsNameWithoutDiacritics() throws Exception {
		var host = jdbc.sql("""
				SELECT a.id, a.addresses FROM asset a JOIN agency g ON g.id = a.agency_id
				WHERE g.code = 'SYT' AND a.addresses IS NOT NULL AND a.addresses <> '' ORDER BY a.id""")
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2).split(" ")[0] })
			.list()
			.get(0);
		String html = search("operator", (String) host[1]);
		assertThat(html).contains("href=\"/assets/" + host[0] + "\"").contains("Tài sản, thiết bị");
		assertThat(search("operator", "so y te")).contains("href=\"/agencies/").contains("Sở Y tế");
	}

	@Test
	void anOfficerFindsNothingOfAnotherAgency() throws Exception {
		long education = jdbc.sql("SELECT id FROM agency WHERE code = 'SGDDT'").query(Long.class).single();
		String html = search("officer", "giao duc");
		assertThat(html).doesNotContain("href=\"/agencies/" + education + "\"");
	}

	@Test
	void nothingTypedOrTooMuchTyped() throws Exception {
		assertThat(search("operator", "")).contains("Gõ tên máy");
		assertThat(search("operator", "zzzz-nothing-like-it")).contains("id=\"search-none\"");
		assertThat(mvc.get().uri("/search").param("q", "x".repeat(10_000)).with(logins.session("operator")))
			.hasStatus(HttpStatus.BAD_REQUEST);
	}

}
