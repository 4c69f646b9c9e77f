package vn.khien;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.json.JsonMapper;
import vn.khien.registry.Agency;
import vn.khien.registry.AgencyKind;
import vn.khien.registry.AgencyManagement;
import vn.khien.registry.AgencyManagement.AgencyDetails;

/**
 * Records the access matrices act on, created outside any request (as start-up jobs do)
 * under the demo agencies, so that writes which destroy or move things never touch demo
 * data that other tests read.
 */
public final class AccessFixtures {

	private static final AtomicInteger SEQ = new AtomicInteger();

	private final JdbcClient jdbc;

	private final AgencyManagement agencies;

	private final JsonMapper json;

	public AccessFixtures(ApplicationContext context) {
		this.jdbc = context.getBean(JdbcClient.class);
		this.agencies = FixturePrincipal.wrap(context.getBean(AgencyManagement.class));
		this.json = context.getBean(JsonMapper.class);
	}

	/**
	 * A JSON body from alternating names and values ({@code null} values are written as
	 * null).
	 */
	public String json(Object... namesAndValues) {
		var map = new java.util.LinkedHashMap<String, Object>();
		for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
			map.put((String) namesAndValues[i], namesAndValues[i + 1]);
		}
		return json.writeValueAsString(map);
	}

	/** Form fields from alternating names and values. */
	public static java.util.Map<String, String> form(String... namesAndValues) {
		var map = new java.util.LinkedHashMap<String, String>();
		for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
			map.put(namesAndValues[i], namesAndValues[i + 1]);
		}
		return map;
	}

	/** A code no other test uses: letters, digits and dashes. */
	public static String unique(String prefix) {
		return prefix + "-" + SEQ.incrementAndGet()
				+ Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
	}

	/** A demo agency's id. */
	public long agency(String code) {
		return jdbc.sql("SELECT id FROM agency WHERE code = :c").param("c", code).query(Long.class).single();
	}

	/**
	 * A new public service unit under the agency with {@code parentCode} (NB: never a
	 * root, it would change the tree's top).
	 */
	public Agency unit(String parentCode) {
		return unit(agency(parentCode));
	}

	public Agency unit(long parentId) {
		String code = unique("MX");
		return agencies.create(new AgencyDetails(code, "Đơn vị ma trận " + code, AgencyKind.PUBLIC_SERVICE_UNIT,
				parentId, null, null, null, null, null));
	}

	public Agency deactivated(String parentCode) {
		Agency unit = unit(parentCode);
		return agencies.deactivate(unit.id());
	}

	public JdbcClient jdbc() {
		return jdbc;
	}

}
