package vn.khien.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import tools.jackson.databind.json.JsonMapper;
import vn.khien.KhienTest;
import vn.khien.TestLogins;
import vn.khien.registry.Agencies;

/**
 * The agency's page shows its standing: systems, hosts and coverage, each the count of
 * the list its link opens, and the same figures for each sub-unit.
 */
@KhienTest
class AgencyStandingTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestLogins logins;

	@Autowired
	Agencies agencies;

	@Autowired
	JsonMapper json;

	String page(String user, String uri) throws Exception {
		var result = mvc.get().uri(uri).with(logins.session(user)).exchange();
		assertThat(result).hasStatusOk();
		return result.getResponse().getContentAsString();
	}

	long apiTotal(String uri) throws Exception {
		String body = mvc.get()
			.uri(uri)
			.header("Authorization", logins.bearer("operator"))
			.exchange()
			.getResponse()
			.getContentAsString();
		return json.readTree(body).get("total").asLong();
	}

	static String figure(String html, String link) {
		var m = java.util.regex.Pattern
			.compile("<a href=\"" + java.util.regex.Pattern.quote(link) + "\" class=\"figure\">([^<]*)</a>")
			.matcher(html);
		assertThat(m.find()).as("a figure linked to " + link).isTrue();
		return m.group(1);
	}

	@Test
	void theDepartmentOfHealthShowsItsSystemsHostsAndCoverageAsLinksToTheirLists() throws Exception {
		long health = agencies.findByCode("SYT").orElseThrow().id();
		String html = page("operator", "/agencies/" + health);
		long systems = apiTotal("/api/v1/systems?agency=" + health + "&size=1");
		long hosts = apiTotal("/api/v1/assets?agency=" + health + "&size=1");
		assertThat(systems).as("the demo department has systems").isPositive();
		assertThat(hosts).as("and hosts").isPositive();
		assertThat(figure(html, "/systems?agency=" + health))
			.isEqualTo(String.format("%,d", systems).replace(',', '.'));
		assertThat(figure(html, "/assets?agency=" + health)).isEqualTo(String.format("%,d", hosts).replace(',', '.'));
		assertThat(figure(html, "/coverage?agency=" + health)).matches("[0-9]+(,[0-9])?%|—");
		assertThat(html).contains("id=\"coverage-trend\"").contains("/coverage/data/trend?agency=" + health);

		// NB: each sub-unit has its row with its own linked figures
		var child = agencies
			.list(new Agencies.Filter(null, null, null, health), vn.khien.platform.PageQuery.of(0, 1, "name"))
			.items()
			.get(0);
		assertThat(html).contains("href=\"/agencies/" + child.id() + "\"");
		assertThat(figure(html, "/assets?agency=" + child.id())).isEqualTo(
				String.format("%,d", apiTotal("/api/v1/assets?agency=" + child.id() + "&size=1")).replace(',', '.'));
	}

	@Test
	void anOfficerSeesTheirAgencysStandingAndNoOtherAgencysPage() throws Exception {
		long health = agencies.findByCode("SYT").orElseThrow().id();
		long education = agencies.findByCode("SGDDT").orElseThrow().id();
		assertThat(page("officer", "/agencies/" + health)).contains("/systems?agency=" + health);
		assertThat(mvc.get().uri("/agencies/" + education).with(logins.session("officer")))
			.hasStatus(HttpStatus.NOT_FOUND);
	}

}
