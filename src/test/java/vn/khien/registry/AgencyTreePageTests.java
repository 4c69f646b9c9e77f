package vn.khien.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import vn.khien.KhienTest;
import vn.khien.TestLogins;

/**
 * The agency tree renders what the user looks at: the first level a page at a time, the
 * rest when the user asks for it.
 */
@KhienTest
class AgencyTreePageTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestLogins logins;

	@Autowired
	Agencies agencies;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Autowired
	org.springframework.context.ApplicationContext context;

	/** Tree nodes: the list items of the tree, not of the menu. */
	static int nodes(String html) {
		int tree = html.indexOf("id=\"agency-tree\"");
		return (int) Pattern.compile("<li>").matcher(tree < 0 ? html : html.substring(tree)).results().count();
	}

	String page(String uri) throws Exception {
		var result = mvc.get().uri(uri).with(logins.session("operator")).exchange();
		assertThat(result).hasStatusOk();
		return result.getResponse().getContentAsString();
	}

	@Test
	void theProvinceShowsItsFirstFiftySubUnitsThenTheRestOnRequest() throws Exception {
		long root = agencies.findByCode("UBND-T").orElseThrow().id();
		long subUnits = agencies
			.list(new Agencies.Filter(null, null, null, root), vn.khien.platform.PageQuery.of(0, 1, "code"))
			.total();
		assertThat(subUnits).as("the demo province").isGreaterThan(100);

		String tree = page("/agencies");
		// NB: other tests' agencies without a parent are roots too, each shown closed
		long roots = jdbc.sql("SELECT COUNT(*) FROM agency WHERE parent_id IS NULL").query(Long.class).single();
		assertThat(nodes(tree)).as("the roots and a page of the province's sub-units").isEqualTo(roots + 50);
		assertThat(tree).contains("Hiện thêm " + (subUnits - 50) + " đơn vị")
			.contains("/agencies/" + root + "/children?from=50");

		String more = page("/agencies/" + root + "/children?from=50");
		assertThat(nodes(more)).isEqualTo(50);
		assertThat(more).doesNotContain("<ul class=\"tree-children\"><li>")
			.contains("/agencies/" + root + "/children?from=100");

		long lastFrom = (subUnits - 1) / 50 * 50;
		String last = page("/agencies/" + root + "/children?from=" + lastFrom);
		assertThat(nodes(last)).isEqualTo((int) (subUnits - lastFrom));
		assertThat(last).doesNotContain("tree-more");
	}

	@Test
	void theTreeKeptForAScopeFollowsEveryChangeAndIsNeverAnotherScopes() throws Exception {
		AgencyManagement management = vn.khien.FixturePrincipal.wrap(context.getBean(AgencyManagement.class));
		long root = agencies.findByCode("UBND-T").orElseThrow().id();
		String code = vn.khien.AccessFixtures.unique("TR");
		String before = page("/agencies");
		// NB: "A" sorts first, so the new unit is among the fifty shown
		Agency unit = management.create(new AgencyManagement.AgencyDetails(code, "An toàn " + code,
				AgencyKind.PUBLIC_SERVICE_UNIT, root, null, null, null, null, null));
		assertThat(before).doesNotContain(code);
		assertThat(page("/agencies")).contains("An toàn " + code);
		management.update(unit.id(), new AgencyManagement.AgencyDetails(code, "Ấp mới " + code,
				AgencyKind.PUBLIC_SERVICE_UNIT, root, null, null, null, null, null));
		assertThat(page("/agencies")).contains("Ấp mới " + code).doesNotContain("An toàn " + code);

		var officer = mvc.get().uri("/agencies").with(logins.session("officer")).exchange();
		assertThat(officer.getResponse().getContentAsString()).as("the officer's tree is the health department's")
			.contains("Sở Y tế")
			.doesNotContain(code)
			.doesNotContain("data-code=\"SGDDT\"");
		assertThat(page("/agencies")).contains("data-code=\"SGDDT\"");
	}

	@Test
	void aSearchShowsItsMatchesWithoutAskingForMore() throws Exception {
		String found = page("/agencies?q=so y te");
		assertThat(found).contains("<mark>Sở Y tế</mark>").doesNotContain("tree-more");
	}

	@Test
	void aNegativeStartIsA400() {
		long root = agencies.findByCode("UBND-T").orElseThrow().id();
		assertThat(mvc.get().uri("/agencies/" + root + "/children?from=-5").with(logins.session("operator")))
			.hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(mvc.get().uri("/agencies/" + root + "/children?from=abc").with(logins.session("operator")))
			.hasStatus(HttpStatus.BAD_REQUEST);
	}

}
