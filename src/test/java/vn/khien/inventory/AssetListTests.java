package vn.khien.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.khien.KhienTest;
import vn.khien.TestLogins;
import vn.khien.registry.AgencyKind;
import vn.khien.registry.AgencyManagement;

/**
 * Host lists at a province's size: counted up to a cap, walked with a cursor without
 * skipping or repeating a host, searched by the start of a name or address, and refusing
 * paging they cannot answer from an index.
 */
@KhienTest
class AssetListTests {

	// NB: the systems written here directly, the levels read model is recounted as the
	// services do
	@org.springframework.beans.factory.annotation.Autowired
	SystemLevels levels;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestLogins logins;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JdbcTemplate template;

	@Autowired
	JsonMapper json;

	@Autowired
	AgencyManagement management;

	@Autowired
	Coverage coverage;

	/** A fresh unit under the health department holding {@code hosts} generated hosts. */
	record Unit(long id, String code) {
	}

	Unit unitWith(int hosts) {
		String code = "LIST-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
		long health = jdbc.sql("SELECT id FROM agency WHERE code = 'SYT'").query(Long.class).single();
		long id = management
			.create(new AgencyManagement.AgencyDetails(code, "Đơn vị danh sách " + code, AgencyKind.PUBLIC_SERVICE_UNIT,
					health, null, null, null, null, null))
			.id();
		Timestamp now = Timestamp.from(Instant.now());
		var rows = new ArrayList<Object[]>();
		for (int i = 0; i < hosts; i++) {
			String name = "h" + i + "." + code.toLowerCase() + ".example.vn";
			rows.add(new Object[] { id, "host:" + name, name, "10.200." + (i / 250) + "." + (i % 250),
					new Timestamp(now.getTime() - i * 1000L) });
		}
		template.batchUpdate(
				"""
						INSERT INTO asset (agency_id, kind, identity_key, hostname, addresses, source, first_seen_at, last_seen_at)
						VALUES (?, 'WORKSTATION', ?, ?, ?, 'CSV', ?, ?)""",
				rows.stream().map(r -> new Object[] { r[0], r[1], r[2], r[3], r[4], r[4] }).toList());
		coverage.recount(List.of(id)); // written past the application: its counts follow
		return new Unit(id, code);
	}

	JsonNode get(String user, String uri) {
		var result = mvc.get()
			.uri(uri)
			.header("Authorization", logins.bearer(user))
			.header("Accept-Language", "en")
			.exchange();
		assertThat(result).hasStatusOk();
		return json.readTree(result.getResponse().getContentAsByteArray());
	}

	@Test
	void totalsComeExactFromTheHostCountsAndAreCappedWhereTheyWouldBeCounted() {
		Unit unit = unitWith(Assets.COUNT_CAP + 5);
		JsonNode page = get("operator", "/api/v1/assets?size=50&agency=" + unit.id());
		assertThat(page.get("total").asLong()).isEqualTo(Assets.COUNT_CAP + 5);
		assertThat(page.get("totalCapped").asBoolean()).isFalse();
		// more hosts than a list sorts itself (Assets.FENCED_SORT): read in the sorted
		// index's order
		var firstKeys = new ArrayList<String>();
		page.get("items").forEach(item -> firstKeys.add(item.get("hostname").asString()));
		assertThat(firstKeys).isEqualTo(
				jdbc.sql("SELECT hostname FROM asset WHERE agency_id = :a ORDER BY identity_key, agency_id LIMIT 50")
					.param("a", unit.id())
					.query(String.class)
					.list());
		assertThat(get("officer", "/api/v1/assets?size=50&kind=WORKSTATION&agency=" + unit.id()).get("total").asLong())
			.isEqualTo(Assets.COUNT_CAP + 5);
		assertThat(get("officer", "/api/v1/assets?size=50&kind=SERVER&agency=" + unit.id()).get("total").asLong())
			.isZero();
		JsonNode search = get("operator", "/api/v1/assets?size=50&q=h1");
		assertThat(search.get("totalCapped").asBoolean()).isFalse();
		JsonNode one = get("operator", "/api/v1/assets?size=50&q=h1." + unit.code().toLowerCase());
		assertThat(one.get("total").asLong()).isEqualTo(1);
		// a filter that would be counted host by host stops at the cap, and the page says
		// so in Vietnamese numbers
		long system = jdbc
			.sql("""
					INSERT INTO information_system (code, name, owner_agency_id, lifecycle, hosting, created_at, updated_at)
					VALUES (:code, 'Hệ thống nhiều máy', :agency, 'OPERATING', 'OWN_PREMISES', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""")
			.param("code", unit.code() + "-SYS")
			.param("agency", unit.id())
			.update() > 0
					? jdbc.sql("SELECT id FROM information_system WHERE code = :c")
						.param("c", unit.code() + "-SYS")
						.query(Long.class)
						.single()
					: 0;
		levels.recount(unit.id());
		jdbc.sql("UPDATE asset SET system_id = :s WHERE agency_id = :a")
			.param("s", system)
			.param("a", unit.id())
			.update();
		JsonNode capped = get("operator", "/api/v1/assets?size=50&system=" + system);
		assertThat(capped.get("total").asLong()).isEqualTo(Assets.COUNT_CAP);
		assertThat(capped.get("totalCapped").asBoolean()).isTrue();
		var officer = logins.session("officer");
		assertThat(mvc.get().uri("/assets?system=" + system).with(officer)).hasStatusOk()
			.bodyText()
			.contains("Hơn 10.000 tài sản");
		assertThat(mvc.get().uri("/assets?agency=" + unit.id()).with(officer)).hasStatusOk()
			.bodyText()
			.contains("10.005 tài sản");
	}

	@Test
	void aCursorWalksTheWholeListOnceInEitherSort() {
		Unit unit = unitWith(137);
		for (String sort : List.of("hostname", "-hostname", "lastSeen", "-lastSeen")) {
			var seen = new HashSet<Long>();
			var order = new ArrayList<String>();
			String after = null;
			int pages = 0;
			do {
				JsonNode page = get("officer", "/api/v1/assets?size=20&sort=" + sort + "&agency=" + unit.id()
						+ (after == null ? "" : "&after=" + after));
				for (JsonNode item : page.get("items")) {
					assertThat(seen.add(item.get("id").asLong())).as("host seen twice with " + sort).isTrue();
					order.add(sort.endsWith("hostname") ? item.get("hostname").asString()
							: item.get("lastSeenAt").asString());
				}
				after = page.get("next").isNull() ? null : page.get("next").asString();
				pages++;
			}
			while (after != null && pages < 20);
			assertThat(seen).as(sort).hasSize(137);
			var sorted = new ArrayList<>(order);
			sorted
				.sort(sort.startsWith("-") ? java.util.Comparator.reverseOrder() : java.util.Comparator.naturalOrder());
			assertThat(order).as("the order of " + sort).isEqualTo(sorted);
		}
	}

	@Test
	void aHostIsFoundByTheStartOfItsNameOrAddressInAnyCase() {
		Unit unit = unitWith(30);
		String code = unit.code().toLowerCase();
		assertThat(get("operator", "/api/v1/assets?q=H17." + code.toUpperCase()).get("items")
			.get(0)
			.get("hostname")
			.asString()).isEqualTo("h17." + code + ".example.vn");
		assertThat(get("operator", "/api/v1/assets?agency=" + unit.id() + "&q=10.200.0.2").get("total").asLong())
			.as("10.200.0.2 and 10.200.0.20-29")
			.isEqualTo(11);
		assertThat(get("officer2", "/api/v1/assets?q=h17." + code).get("total").asLong()).as("out of scope").isZero();
	}

	@Test
	void pagingTheIndexesCannotAnswerIsRefusedClearly() {
		Unit unit = unitWith(60);
		String token = logins.bearer("operator");
		JsonNode first = get("operator", "/api/v1/assets?size=20&agency=" + unit.id());
		String next = first.get("next").asString();
		String[][] refused = { { "/api/v1/assets?sort=colour", "sort", "cannot be sorted by" },
				{ "/api/v1/assets?sort=kind", "sort", "hostname, lastSeen" },
				{ "/api/v1/assets?size=501", "size", "between 1 and 500" },
				{ "/api/v1/assets?size=0", "size", "between 1 and 500" },
				{ "/api/v1/assets?page=-1", "page", "negative" },
				{ "/api/v1/assets?page=100000&size=500", "page", "too deep" },
				{ "/api/v1/assets?q=" + "x".repeat(10_000), "q", "longer than 200" },
				{ "/api/v1/agencies?q=" + "x".repeat(10_000), "q", "longer than 200" },
				{ "/api/v1/systems?q=" + "x".repeat(10_000), "q", "longer than 200" },
				{ "/api/v1/assets?size=20&agency=" + unit.id() + "&after=" + next.substring(0, next.length() - 2)
						+ "xx", "after", "altered" },
				{ "/api/v1/assets?size=20&after=" + next, "after", "belongs to another list or filter" },
				{ "/api/v1/assets?size=20&sort=-hostname&agency=" + unit.id() + "&after=" + next, "after",
						"another sort order" },
				{ "/api/v1/assets?after=garbage", "after", "not valid" } };
		for (String[] r : refused) {
			assertThat(mvc.get().uri(r[0]).header("Authorization", token).header("Accept-Language", "en"))
				.as(r[0].length() > 120 ? r[0].substring(0, 120) : r[0])
				.hasStatus(HttpStatus.BAD_REQUEST)
				.bodyText()
				.contains(r[2]);
		}
		assertThat(mvc.get()
			.uri("/api/v1/assets?sort=colour")
			.header("Authorization", token)
			.header("Accept-Language", "vi")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText()
			.contains("không sắp xếp được");
		assertThat(mvc.get().uri("/agencies?q=" + "x".repeat(10_000)).with(logins.session("operator")))
			.hasStatus(HttpStatus.BAD_REQUEST);
	}

}
