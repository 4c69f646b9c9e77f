package vn.khien.inventory;

import static vn.khien.AccessFixtures.form;
import static vn.khien.AccessMatrix.csvOwnedBy;
import static vn.khien.AccessMatrix.json;
import static vn.khien.AccessMatrix.jsonOwnedBy;
import static vn.khien.AccessMatrix.links;
import static vn.khien.AccessMatrix.reads;
import static vn.khien.AccessMatrix.writes;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.jayway.jsonpath.JsonPath;

import vn.khien.AccessFixtures;
import vn.khien.AccessMatrix;
import vn.khien.AccessMatrix.Item;
import vn.khien.KhienTest;
import vn.khien.platform.Role;
import vn.khien.registry.Agencies;
import vn.khien.registry.Agency;
import vn.khien.registry.AgencyManagement;

/**
 * The inventory's handlers: information systems, hosts, imports, anti-malware coverage
 * and clean-up campaigns. One row per handler; records of a unit of the health department
 * (in scope of {@code officer}, out of scope of {@code officer2}; readable but not
 * writable for the leader who is an officer of education).
 */
@KhienTest
class InventoryAccessMatrixTests implements AccessMatrix.Module {

	static final Role[] READERS = { Role.ADMIN, Role.PROVINCE_OPERATOR, Role.POLICE, Role.LEADERSHIP,
			Role.AGENCY_OFFICER, Role.RESPONDER };

	static final Role[] WRITERS = { Role.ADMIN, Role.PROVINCE_OPERATOR, Role.AGENCY_OFFICER };

	static final Role[] OPERATORS = { Role.ADMIN, Role.PROVINCE_OPERATOR };

	/** A system is seen through its owner or any agency that uses it. */
	static final String SYSTEM_AGENCIES = "SELECT owner_agency_id FROM information_system WHERE id = :v"
			+ " UNION SELECT agency_id FROM system_user_agency WHERE system_id = :v";

	static final String SYSTEM_AGENCIES_BY_CODE = "SELECT owner_agency_id FROM information_system WHERE code = :v"
			+ " UNION SELECT u.agency_id FROM system_user_agency u JOIN information_system s ON s.id = u.system_id"
			+ " WHERE s.code = :v";

	static final String ASSET_AGENCY = "SELECT agency_id FROM asset WHERE id = :v";

	static final String AGENCY_OF_CODE = "SELECT id FROM agency WHERE code = :v";

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Coverage coverageFigures;

	@Autowired
	SystemManagement management;

	@Autowired
	Systems systems;

	@Autowired
	SystemProducts products;

	@Autowired
	Agencies agencies;

	@Autowired
	AgencyManagement agencyManagement;

	@Autowired
	MalwareCampaigns campaigns;

	@Test
	void everyInventoryHandlerAnswersEachCallerAsDeclared() {
		AccessMatrix.verify(this, context);
	}

	private long product(long systemId) {
		return products
			.add(systemId,
					new SystemProducts.ProductDetails(null, "Bkav", "Bkav Pro", "5", ProductOrigin.DOMESTIC, null))
			.id();
	}

	/**
	 * Campaigns with the agencies they cover: those chosen and every agency below them.
	 */
	private static Item campaign(Object id, List<Number> chosen, AccessMatrix m) {
		Set<Long> covered = new HashSet<>();
		chosen.forEach(a -> covered.addAll(m.subtree(a.longValue())));
		return new Item(id, covered);
	}

	private static AccessMatrix.Listing campaignsJson() {
		return (body, m) -> {
			List<Map<String, Object>> items = JsonPath.read(body, "$.items[*]");
			return items.stream().map(i -> campaign(i.get("id"), JsonPath.read(i, "$.agencyIds"), m)).toList();
		};
	}

	private AccessMatrix.Listing campaignLinks() {
		Pattern link = Pattern.compile("href=\"/malware-campaigns/(\\d+)\"");
		return (body, m) -> {
			Set<Long> ids = new LinkedHashSet<>();
			link.matcher(body).results().forEach(r -> ids.add(Long.parseLong(r.group(1))));
			return ids.stream()
				.map(id -> campaign(id,
						jdbc.sql("SELECT agency_id FROM malware_campaign_agency WHERE campaign_id = :id")
							.param("id", id)
							.query(Number.class)
							.list(),
						m))
				.toList();
		};
	}

	@Override
	public void declare(AccessMatrix m) {
		var f = new AccessFixtures(context);
		var coverage = new CoverageFixtures(jdbc, agencyManagement, agencies, coverageFigures);
		var systemFixtures = new SystemFixtures(management, systems, agencies);
		Supplier<Agency> unitRecord = AccessMatrix.once(() -> f.unit("SYT"));
		Supplier<Long> unit = () -> unitRecord.get().id();
		Supplier<Agency> educationUnit = AccessMatrix.once(() -> f.unit("SGDDT"));
		Supplier<InformationSystem> system = AccessMatrix
			.once(() -> systemFixtures.system(unitRecord.get().code(), false));
		Supplier<Long> systemId = () -> system.get().id();
		Supplier<Long> systemToDelete = () -> systemFixtures.system(unitRecord.get().code(), false).id();
		Supplier<Long> product = AccessMatrix.once(() -> product(systemId.get()));
		Supplier<Long> host = () -> coverage.host(unit.get(), "SERVER", AccessFixtures.unique("mx-host").toLowerCase());
		Supplier<Long> unitHost = AccessMatrix.once(host);
		Supplier<String> unitHostname = () -> jdbc.sql("SELECT hostname FROM asset WHERE id = :id")
			.param("id", unitHost.get())
			.query(String.class)
			.single();
		Supplier<Long> educationHost = AccessMatrix.once(
				() -> coverage.host(educationUnit.get().id(), "SERVER", AccessFixtures.unique("mx-edu").toLowerCase()));
		// one campaign over the health unit only (officer2 must not find it), one over
		// both units (each officer
		// sees its own hosts)
		Supplier<Long> campaign = AccessMatrix.once(() -> campaigns
			.create(new MalwareCampaign.Details(AccessFixtures.unique("Đợt quét ma trận"), Coverage.today(),
					Coverage.today().plusDays(7), null, List.of(unit.get())))
			.id());
		Supplier<Long> wideCampaign = AccessMatrix.once(() -> {
			unitHost.get();
			educationHost.get();
			return campaigns
				.create(new MalwareCampaign.Details(AccessFixtures.unique("Đợt quét hai đơn vị"), Coverage.today(),
						Coverage.today().plusDays(7), null, List.of(unit.get(), educationUnit.get().id())))
				.id();
		});
		Supplier<String> systemJson = () -> f.json("code", system.get().code(), "name", system.get().name(),
				"ownerAgencyId", unit.get(), "lifecycle", "OPERATING", "hosting", "OWN_PREMISES");

		// --- information systems (API): not visible 404, visible but another agency's
		// 403
		m.api("GET", "/api/v1/systems")
			.given(system)
			.permit(READERS)
			.query("size", 500)
			.listOf(jsonOwnedBy("$.items[*].id", SYSTEM_AGENCIES));
		m.api("GET", "/api/v1/systems/export.csv")
			.given(system)
			.permit(READERS)
			.listOf(csvOwnedBy(0, SYSTEM_AGENCIES_BY_CODE));
		m.api("GET", "/api/v1/systems/{id}").with("id", systemId).permit(READERS).scope(reads(unit));
		m.api("POST", "/api/v1/systems")
			.permit(WRITERS)
			.scope(writes(unit), 400)
			.json(() -> f.json("code", AccessFixtures.unique("MXS"), "name", "Hệ thống API", "ownerAgencyId",
					unit.get(), "lifecycle", "OPERATING", "hosting", "OWN_PREMISES"))
			.ok(201);
		m.api("PUT", "/api/v1/systems/{id}")
			.with("id", systemId)
			.permit(WRITERS)
			.scope(reads(unit))
			.scope(writes(unit), 403)
			.json(systemJson);
		m.api("DELETE", "/api/v1/systems/{id}")
			.fresh("id", systemToDelete)
			.permit(WRITERS)
			.scope(reads(unit))
			.scope(writes(unit), 403)
			.ok(204);
		m.api("GET", "/api/v1/systems/{id}/products").with("id", systemId).permit(READERS).scope(reads(unit));
		m.api("POST", "/api/v1/systems/{id}/products")
			.with("id", systemId)
			.permit(WRITERS)
			.scope(reads(unit))
			.scope(writes(unit), 403)
			.json(() -> f.json("vendor", "Bkav", "product", "Bkav Pro", "origin", "DOMESTIC"))
			.ok(201);
		m.api("DELETE", "/api/v1/systems/{id}/products/{productId}")
			.with("id", systemId)
			.fresh("productId", () -> product(systemId.get()))
			.permit(WRITERS)
			.scope(reads(unit))
			.scope(writes(unit), 403)
			.ok(204);
		m.api("GET", "/api/v1/systems/{id}/users").with("id", systemId).permit(READERS).scope(reads(unit));
		m.api("PUT", "/api/v1/systems/{id}/users")
			.with("id", systemId)
			.permit(WRITERS)
			.scope(reads(unit))
			.scope(writes(unit), 403)
			.json(() -> f.json("agencies", List.of("SYT")));

		// --- information systems (pages)
		m.page("GET", "/systems")
			.given(system)
			.permit(READERS)
			.query("size", 500)
			.listOf(links("href=\"/systems/(\\d+)\"", SYSTEM_AGENCIES));
		m.page("GET", "/systems/export.csv")
			.given(system)
			.permit(READERS)
			.listOf(csvOwnedBy(0, SYSTEM_AGENCIES_BY_CODE));
		m.page("GET", "/systems/picker")
			.given(system)
			.permit(READERS)
			.query("term", "ma")
			.listOf(links("data-value=\"(\\d+)\"", SYSTEM_AGENCIES));
		m.page("GET", "/systems/{id}").with("id", systemId).permit(READERS).scope(reads(unit));
		m.page("GET", "/systems/new").permit(WRITERS);
		// NB: pages answer an owner out of reach with the form and its error (200), the
		// API with 400
		m.page("POST", "/systems")
			.permit(WRITERS)
			.scope(writes(unit), 200)
			.form(() -> form("code", AccessFixtures.unique("MXP"), "name", "Hệ thống trang", "ownerAgencyId",
					unit.get().toString(), "lifecycle", "OPERATING", "hosting", "OWN_PREMISES"))
			.ok(302);
		m.page("GET", "/systems/{id}/edit")
			.with("id", systemId)
			.permit(WRITERS)
			.scope(reads(unit))
			.scope(writes(unit), 403);
		m.page("POST", "/systems/{id}")
			.with("id", systemId)
			.permit(WRITERS)
			.scope(reads(unit))
			.scope(writes(unit), 403)
			.form(() -> form("code", system.get().code(), "name", system.get().name(), "ownerAgencyId",
					unit.get().toString(), "lifecycle", "OPERATING", "hosting", "OWN_PREMISES"))
			.ok(302);
		m.page("POST", "/systems/{id}/delete")
			.fresh("id", systemToDelete)
			.permit(WRITERS)
			.scope(reads(unit))
			.scope(writes(unit), 403)
			.ok(302);
		m.page("POST", "/systems/{id}/products")
			.with("id", systemId)
			.permit(WRITERS)
			.scope(reads(unit))
			.scope(writes(unit), 403)
			.form(() -> form("vendor", "Bkav", "product", "Bkav Pro", "origin", "DOMESTIC"))
			.ok(302);
		m.page("POST", "/systems/{id}/products/{productId}/delete")
			.with("id", systemId)
			.fresh("productId", () -> product(systemId.get()))
			.permit(WRITERS)
			.scope(reads(unit))
			.scope(writes(unit), 403)
			.ok(302);
		m.page("POST", "/systems/{id}/users")
			.with("id", systemId)
			.permit(WRITERS)
			.scope(reads(unit))
			.scope(writes(unit), 403)
			.form(() -> form("agencies", "SYT"))
			.ok(302);

		// --- hosts and portals
		m.api("GET", "/api/v1/assets").given(unitHost).query("size", 500).listOf(json("$.items[*]", "agencyId"));
		m.api("GET", "/api/v1/assets/{id}").with("id", unitHost).scope(reads(unit));
		m.api("POST", "/api/v1/assets")
			.permit(WRITERS)
			.scope(writes(unit), 400)
			.json(() -> f.json("agencyId", unit.get(), "kind", "SERVER", "hostname",
					AccessFixtures.unique("mx-api").toLowerCase()))
			.ok(201);
		m.api("PUT", "/api/v1/assets/{id}")
			.with("id", unitHost)
			.permit(WRITERS)
			.scope(writes(unit))
			.json(() -> f.json("agencyId", unit.get(), "kind", "SERVER", "hostname", unitHostname.get()));
		m.api("DELETE", "/api/v1/assets/{id}").fresh("id", host).permit(WRITERS).scope(writes(unit)).ok(204);
		m.page("GET", "/assets").given(unitHost).listOf(links("href=\"/assets/(\\d+)\"", ASSET_AGENCY));
		m.page("GET", "/assets/export.csv").given(unitHost).listOf(csvOwnedBy(7, AGENCY_OF_CODE));
		m.page("GET", "/assets/{id}").with("id", unitHost).scope(reads(unit));
		m.page("GET", "/assets/new").permit(WRITERS);
		m.page("POST", "/assets")
			.permit(WRITERS)
			.scope(writes(unit), 200)
			.form(() -> form("agencyId", unit.get().toString(), "kind", "SERVER", "hostname",
					AccessFixtures.unique("mx-page").toLowerCase()))
			.ok(302);
		// NB: the edit form reads in the read scope only; saving it checks the write
		// scope
		m.page("GET", "/assets/{id}/edit").with("id", unitHost).permit(WRITERS).scope(reads(unit));
		m.page("POST", "/assets/{id}")
			.with("id", unitHost)
			.permit(WRITERS)
			.scope(writes(unit))
			.form(() -> form("agencyId", unit.get().toString(), "kind", "SERVER", "hostname", unitHostname.get()))
			.ok(302);
		m.page("POST", "/assets/{id}/delete").fresh("id", host).permit(WRITERS).scope(writes(unit)).ok(302);

		// --- imports: the agency named is out of reach → 404, like one that does not
		// exist
		m.api("POST", "/api/v1/imports/assets")
			.permit(WRITERS)
			.scope(writes(unit))
			.file("file", "hosts.csv",
					call -> "kind,hostname\nSERVER," + AccessFixtures.unique("mx-imp").toLowerCase() + "\n")
			.form(() -> form("agency", unitRecord.get().code()))
			.ok(202);
		m.api("POST", "/api/v1/imports/coverage")
			.permit(WRITERS)
			.scope(writes(unit))
			.file("file", "coverage.csv",
					call -> "hostname,product,running,signature_date\n" + unitHostname.get() + ",Bkav Pro,yes,"
							+ Coverage.today() + "\n")
			.form(() -> form("agency", unitRecord.get().code(), "format", "csv"))
			.ok(202);
		m.page("GET", "/assets/import").permit(WRITERS);
		m.page("POST", "/assets/import")
			.permit(WRITERS)
			.scope(writes(unit))
			.file("file", "hosts.csv",
					call -> "kind,hostname\nSERVER," + AccessFixtures.unique("mx-pim").toLowerCase() + "\n")
			.form(() -> form("agency", unitRecord.get().code()))
			.ok(302);

		// --- anti-malware coverage
		m.api("GET", "/api/v1/coverage").permit(READERS).query("size", 500).listOf(json("$.items[*]", "agencyId"));
		m.api("GET", "/api/v1/coverage/unprotected")
			.given(unitHost)
			.permit(READERS)
			.query("size", 500)
			.listOf(json("$.items[*]", "agencyId"));
		m.api("GET", "/api/v1/coverage/trend")
			.permit(READERS)
			.query("agency", () -> unitRecord.get().code())
			.scope(reads(unit));
		m.api("POST", "/api/v1/coverage/snapshot").permit(OPERATORS);
		m.page("GET", "/coverage").permit(READERS).listOf(links("[?&;]agency=(\\d+)", null));
		m.page("GET", "/coverage/unprotected")
			.given(unitHost)
			.permit(READERS)
			.listOf(links("[?&;]agency=(\\d+)", null));
		m.page("GET", "/coverage/export.csv").permit(READERS).listOf(csvOwnedBy(0, AGENCY_OF_CODE));
		m.page("GET", "/coverage/unprotected/export.csv")
			.given(unitHost)
			.permit(READERS)
			.listOf(csvOwnedBy(2, AGENCY_OF_CODE));
		m.page("POST", "/coverage/snapshot").permit(OPERATORS).ok(302);
		m.page("GET", "/coverage/data").permit(READERS).query("size", 500).listOf(json("$.items[*]", "agencyId"));
		m.page("GET", "/coverage/data/trend")
			.permit(READERS)
			.query("agency", () -> unitRecord.get().code())
			.scope(reads(unit));

		// --- malware clean-up campaigns: a campaign is seen where it reaches into the
		// caller's scope
		m.api("GET", "/api/v1/malware-campaigns")
			.given(campaign)
			.permit(READERS)
			.query("size", 500)
			.listOf(campaignsJson());
		m.api("GET", "/api/v1/malware-campaigns/{id}").with("id", campaign).permit(READERS).scope(reads(unit));
		m.api("POST", "/api/v1/malware-campaigns")
			.permit(OPERATORS)
			.json(() -> f.json("name", AccessFixtures.unique("Đợt API"), "startsOn", Coverage.today().toString(),
					"endsOn", Coverage.today().plusDays(7).toString(), "agencyIds", List.of(unit.get())))
			.ok(201);
		m.api("GET", "/api/v1/malware-campaigns/{id}/hosts")
			.with("id", wideCampaign)
			.permit(READERS)
			.query("size", 500)
			.listOf(json("$.items[*]", "agencyId"));
		m.api("PUT", "/api/v1/malware-campaigns/{id}/hosts/{assetId}")
			.with("id", wideCampaign)
			.with("assetId", unitHost)
			.permit(WRITERS)
			.scope(reads(unit))
			.scope(writes(unit), 403)
			.json(() -> f.json("result", "CLEAN"));
		m.page("GET", "/malware-campaigns").given(campaign).permit(READERS).listOf(campaignLinks());
		m.page("GET", "/malware-campaigns/new").permit(OPERATORS);
		m.page("POST", "/malware-campaigns")
			.permit(OPERATORS)
			.form(() -> form("name", AccessFixtures.unique("Đợt trang"), "startsOn", Coverage.today().toString(),
					"endsOn", Coverage.today().plusDays(7).toString(), "agencyIds", unit.get().toString()))
			.ok(302);
		m.page("GET", "/malware-campaigns/{id}")
			.with("id", wideCampaign)
			.permit(READERS)
			.listOf(links("[?&;]agency=(\\d+)", null));
		m.page("POST", "/malware-campaigns/{id}/hosts/{assetId}")
			.with("id", wideCampaign)
			.with("assetId", unitHost)
			.permit(WRITERS)
			.scope(reads(unit))
			.scope(writes(unit), 403)
			.form(() -> form("result", "CLEAN"))
			.ok(302);
	}

}
