package vn.khien.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.List;

import javax.sql.DataSource;

import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import db.migration.V2026_12_03_0901__vietnamese_sort_keys_filled;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.khien.AccessFixtures;
import vn.khien.FixturePrincipal;
import vn.khien.KhienTest;
import vn.khien.TestLogins;
import vn.khien.registry.AgencyManagement.AgencyDetails;

/**
 * What the database sorts by name follows the Vietnamese alphabet ("Đ" after "D", "Ư"
 * after "U", letters before tones), on H2 and PostgreSQL alike, through the stored
 * collation keys.
 */
@KhienTest
class VietnameseOrderTests {

	static final List<String> IN_ORDER = List.of("Ban Dân tộc", "Bắc Ninh", "Bệnh viện Đa khoa", "Da liễu", "Đa khoa",
			"Ngô Quyền", "Nguyễn Trãi", "Phạm Ngũ Lão", "Phan Đình Phùng", "Ủy ban", "Uy Nỗ", "Ưu tiên", "Y dược");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestLogins logins;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	ApplicationContext context;

	@Test
	void agenciesSortedByNameFollowTheVietnameseAlphabetBothWays() throws Exception {
		String tag = AccessFixtures.unique("VN").toLowerCase();
		AgencyManagement management = FixturePrincipal.wrap(context.getBean(AgencyManagement.class));
		long parent = new AccessFixtures(context).agency("SYT");
		// NB: created out of order, so that the database's order is what the test sees
		for (String name : reversed()) {
			management.create(new AgencyDetails(AccessFixtures.unique("VN"), name + " " + tag,
					AgencyKind.PUBLIC_SERVICE_UNIT, parent, null, null, null, null, null));
		}
		assertThat(names("/api/v1/agencies?size=50&sort=name&q=" + tag, tag)).containsExactlyElementsOf(IN_ORDER);
		assertThat(names("/api/v1/agencies?size=50&sort=-name&q=" + tag, tag)).containsExactlyElementsOf(reversed());
	}

	@Test
	void theMigrationGivesNamesStoredBeforeItTheirKeys() throws Exception {
		String tag = AccessFixtures.unique("VM").toLowerCase();
		long parent = new AccessFixtures(context).agency("SYT");
		for (String name : List.of("Y dược", "Đa khoa", "Da liễu")) {
			jdbc.sql(
					"""
							INSERT INTO agency (code, name, kind, parent_id, status, created_at, updated_at)
							VALUES (:code, :name, 'PUBLIC_SERVICE_UNIT', :parent, 'ACTIVE', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""")
				.param("code", AccessFixtures.unique("VM"))
				.param("name", name + " " + tag)
				.param("parent", parent)
				.update();
		}
		// NB: written behind the registry's back, so its tree is told
		context.getBean(AgencyTree.class).invalidate();
		try (Connection connection = dataSource.getConnection()) {
			new V2026_12_03_0901__vietnamese_sort_keys_filled().migrate(new Context() {
				@Override
				public Configuration getConfiguration() {
					return null;
				}

				@Override
				public Connection getConnection() {
					return connection;
				}
			});
		}
		assertThat(names("/api/v1/agencies?size=50&sort=name&q=" + tag, tag)).containsExactly("Da liễu", "Đa khoa",
				"Y dược");
	}

	private static List<String> reversed() {
		var list = new java.util.ArrayList<>(IN_ORDER);
		java.util.Collections.reverse(list);
		return list;
	}

	private List<String> names(String uri, String tag) throws Exception {
		String body = mvc.get()
			.uri(uri)
			.header("Authorization", logins.bearer("operator"))
			.exchange()
			.getResponse()
			.getContentAsString();
		JsonNode items = json.readTree(body).get("items");
		return items.valueStream().map(i -> i.get("name").asString().replace(" " + tag, "")).toList();
	}

}
