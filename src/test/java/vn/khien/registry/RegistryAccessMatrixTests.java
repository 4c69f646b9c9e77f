package vn.khien.registry;

import static vn.khien.AccessFixtures.form;
import static vn.khien.AccessMatrix.json;
import static vn.khien.AccessMatrix.links;
import static vn.khien.AccessMatrix.reads;
import static vn.khien.AccessMatrix.readsAny;
import static vn.khien.AccessMatrix.writes;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.jayway.jsonpath.JsonPath;

import vn.khien.AccessFixtures;
import vn.khien.AccessMatrix;
import vn.khien.AccessMatrix.Caller;
import vn.khien.AccessMatrix.Item;
import vn.khien.AccessMatrix.Scope;
import vn.khien.KhienTest;
import vn.khien.platform.Role;

/**
 * The registry's handlers: agencies and their reorganisation and import, focal points,
 * registration campaigns, organisations, the subcommittee, security staff. One row per
 * handler; records of a unit of the health department (in scope of {@code officer}, out
 * of scope of {@code officer2}).
 */
@KhienTest
class RegistryAccessMatrixTests implements AccessMatrix.Module {

	static final Role[] WRITERS = { Role.ADMIN, Role.PROVINCE_OPERATOR, Role.AGENCY_OFFICER };

	static final Role[] OPERATORS = { Role.ADMIN, Role.PROVINCE_OPERATOR };

	static final Role[] SUBCOMMITTEE_READERS = { Role.ADMIN, Role.PROVINCE_OPERATOR, Role.POLICE, Role.LEADERSHIP,
			Role.AGENCY_OFFICER, Role.RESPONDER };

	static final Role[] ORGANISATION_READERS = { Role.ADMIN, Role.PROVINCE_OPERATOR, Role.POLICE, Role.LEADERSHIP,
			Role.RESPONDER, Role.AGENCY_OFFICER, Role.ORGANISATION };

	static final String PARTS = "SELECT agency_id FROM reorganisation_part WHERE reorganisation_id = :v";

	static final String AGENCY_OF_CODE = "SELECT id FROM agency WHERE code = :v";

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FocalPoints focalPoints;

	@Autowired
	SecurityStaffing staffing;

	@Autowired
	Organisations organisations;

	@Autowired
	SubcommitteeRegistry subcommittee;

	@Autowired
	Reorganisations reorganisations;

	@Test
	void everyRegistryHandlerAnswersEachCallerAsDeclared() {
		AccessMatrix.verify(this, context);
	}

	private static String today() {
		return LocalDate.now(AgencyManagement.ZONE).toString();
	}

	/**
	 * NB: monitoring only, so that no unit of the health department counts as registered
	 * in a campaign.
	 */
	private FocalPoint focalPoint(long agencyId) {
		return focalPoints.create(new FocalPoint.Details(agencyId, FocalPointDuty.MONITORING, "Đầu mối ma trận",
				"Chuyên viên", "0912 345 678", "mx@example.invalid", null, false));
	}

	private long organisation() {
		return organisations
			.create(new Organisation.Details(OrganisationKind.SECURITY_PROVIDER,
					AccessFixtures.unique("Tổ chức ma trận"), null, null, null, null, null, null,
					OrganisationStatus.ACTIVE))
			.id();
	}

	private long member() {
		return subcommittee
			.addMember(new SubcommitteeMember.Details(SubcommitteeRole.MEMBER, "Thành viên ma trận", null, null, null,
					null, null, null))
			.id();
	}

	/**
	 * The records officers of other organisations must not read: the directory is open to
	 * the state side.
	 */
	private static boolean readsOrganisation(Caller caller, long organisationId, long providerOrganisation) {
		return caller.readsWholeProvince() || caller.has(Role.AGENCY_OFFICER)
				|| (caller.has(Role.ORGANISATION) && organisationId == providerOrganisation);
	}

	/** Reorganisations with the agencies they touch (sources and targets). */
	private static AccessMatrix.Listing reorganisationsJson() {
		return (body, m) -> {
			List<Map<String, Object>> items = JsonPath.read(body, "$.items[*]");
			return items.stream().map(i -> {
				List<Number> parts = JsonPath.read(i, "$.['sources','targets'][*].agencyId");
				return new Item(i.get("id"),
						parts.stream().map(Number::longValue).collect(java.util.stream.Collectors.toSet()));
			}).toList();
		};
	}

	@Override
	public void declare(AccessMatrix m) {
		var f = new AccessFixtures(context);
		Supplier<Agency> unitRecord = AccessMatrix.once(() -> f.unit("SYT"));
		Supplier<Long> unit = () -> unitRecord.get().id();
		Supplier<Long> health = AccessMatrix.once(() -> f.agency("SYT"));
		Supplier<Long> focalPoint = AccessMatrix.once(() -> focalPoint(unit.get()).id());
		Supplier<Long> staff = AccessMatrix.once(() -> staffing
			.add(unit.get(), new SecurityStaff.Details("Cán bộ ma trận", null, null, null, null, null))
			.id());
		Supplier<Long> organisation = AccessMatrix.once(this::organisation);
		Supplier<Long> contact = AccessMatrix.once(() -> organisations
			.addContact(organisation.get(), new OrganisationContact.Details("Liên hệ ma trận", null, null, null))
			.id());
		Supplier<Long> providerOrganisation = AccessMatrix
			.once(() -> jdbc.sql("SELECT organisation_id FROM app_user WHERE username = 'provider'")
				.query(Long.class)
				.single());
		Supplier<Long> member = AccessMatrix.once(this::member);
		Supplier<Long> campaign = AccessMatrix.once(
				() -> jdbc.sql("SELECT MIN(id) FROM registration_campaign WHERE name LIKE 'Đăng ký, cập nhật đầu mối%'")
					.query(Long.class)
					.single());
		// a merge of two units of the health department: officer reads it, officer2 does
		// not
		Supplier<Reorganisations.Reorganisation> merged = AccessMatrix
			.once(() -> reorganisations.merge(new Reorganisations.Merge(List.of(f.unit("SYT").id(), f.unit("SYT").id()),
					f.unit("SYT").id(), null, LocalDate.now(AgencyManagement.ZONE), "ma trận")));
		Supplier<List<Long>> refusedSources = AccessMatrix.once(() -> List.of(f.unit("SYT").id(), f.unit("SYT").id()));
		Supplier<List<Long>> mergedParts = () -> merged.get()
			.parts()
			.stream()
			.map(Reorganisations.Part::agencyId)
			.toList();
		Scope organisationReaders = (c, mx) -> readsOrganisation(c, organisation.get(), providerOrganisation.get());
		String unitCsv = "code,name,kind,parent_code\n%s,Đơn vị nhập ma trận,PUBLIC_SERVICE_UNIT,%s\n";

		// --- agencies (API)
		m.api("GET", "/api/v1/agencies").query("size", 500).listOf(json("$.items[*]", "id"));
		m.api("GET", "/api/v1/agencies/{id}").with("id", unit).scope(reads(unit));
		m.api("GET", "/api/v1/agencies/{id}/history").with("id", unit).scope(reads(unit));
		m.api("POST", "/api/v1/agencies")
			.permit(OPERATORS)
			.json(() -> f.json("code", AccessFixtures.unique("MXA"), "name", "Đơn vị tạo ma trận", "kind",
					"PUBLIC_SERVICE_UNIT", "parentId", unit.get()))
			.ok(201);
		m.api("PUT", "/api/v1/agencies/{id}")
			.with("id", unit)
			.permit(OPERATORS)
			.json(() -> f.json("code", unitRecord.get().code(), "name", unitRecord.get().name(), "kind",
					"PUBLIC_SERVICE_UNIT", "parentId", health.get()));
		m.api("POST", "/api/v1/agencies/{id}/move")
			.fresh("id", () -> f.unit("SYT").id())
			.permit(OPERATORS)
			.json(() -> f.json("parentId", unit.get()));
		m.api("POST", "/api/v1/agencies/{id}/deactivate").fresh("id", () -> f.unit("SYT").id()).permit(OPERATORS);
		m.api("POST", "/api/v1/agencies/import")
			.permit(OPERATORS)
			.file("file", "agencies.csv",
					call -> unitCsv.formatted(AccessFixtures.unique("MXI"), unitRecord.get().code()))
			.form(() -> form("mode", "commit"))
			.ok(202);
		m.api("POST", "/api/v1/imports/agencies")
			.permit(OPERATORS)
			.file("file", "agencies.csv",
					call -> unitCsv.formatted(AccessFixtures.unique("MXJ"), unitRecord.get().code()))
			.form(() -> form("dryRun", "true"))
			.ok(202);

		// --- agencies (pages)
		m.page("GET", "/agencies").listOf(links("href=\"/agencies/(\\d+)\"", null));
		m.page("GET", "/agencies/{id}").with("id", unit).scope(reads(unit));
		m.page("GET", "/agencies/{id}/children").with("id", unit).scope(reads(unit));
		m.page("GET", "/agencies/picker").listOf(links("data-value=\"(\\d+)\"", null));
		m.page("GET", "/agencies/new").permit(OPERATORS);
		m.page("POST", "/agencies")
			.permit(OPERATORS)
			.form(() -> form("code", AccessFixtures.unique("MXP"), "name", "Đơn vị trang ma trận", "kind",
					"PUBLIC_SERVICE_UNIT", "parentId", unit.get().toString()))
			.ok(302);
		m.page("GET", "/agencies/{id}/edit").with("id", unit).permit(OPERATORS);
		m.page("POST", "/agencies/{id}")
			.with("id", unit)
			.permit(OPERATORS)
			.form(() -> form("code", unitRecord.get().code(), "name", unitRecord.get().name(), "kind",
					"PUBLIC_SERVICE_UNIT", "parentId", health.get().toString()))
			.ok(302);
		m.page("POST", "/agencies/{id}/deactivate").fresh("id", () -> f.unit("SYT").id()).permit(OPERATORS).ok(302);
		m.page("POST", "/agencies/{id}/reactivate")
			.fresh("id", () -> f.deactivated("SYT").id())
			.permit(OPERATORS)
			.ok(302);
		m.page("GET", "/agencies/import").permit(OPERATORS);
		m.page("POST", "/agencies/import")
			.permit(OPERATORS)
			.file("file", "agencies.csv",
					call -> unitCsv.formatted(AccessFixtures.unique("MXV"), unitRecord.get().code()))
			.ok(302);

		// --- reorganisations
		m.api("GET", "/api/v1/reorganisations").given(merged).query("size", 500).listOf(reorganisationsJson());
		m.api("GET", "/api/v1/reorganisations/{id}").with("id", () -> merged.get().id()).scope(readsAny(mergedParts));
		m.api("POST", "/api/v1/reorganisations/merge")
			.permit(OPERATORS)
			.json(call -> f.json("sourceIds",
					call.fresh(() -> List.of(f.unit("SYT").id(), f.unit("SYT").id()), refusedSources), "successorId",
					call.fresh(() -> f.unit("SYT").id(), unit), "effectiveDate", today()))
			.ok(201);
		m.api("POST", "/api/v1/reorganisations/split")
			.permit(OPERATORS)
			.json(call -> f.json(
					"sourceId", call.fresh(() -> f.unit("SYT").id(), unit), "targets", List.of(
							Map.of("create",
									Map.of("code", AccessFixtures.unique("MXS"), "name", "Tách một", "kind",
											"PUBLIC_SERVICE_UNIT", "parentId", health.get())),
							Map.of("create",
									Map.of("code", AccessFixtures.unique("MXS"), "name", "Tách hai", "kind",
											"PUBLIC_SERVICE_UNIT", "parentId", health.get()))),
					"recordsTo", 0, "effectiveDate", today()))
			.ok(201);
		m.page("GET", "/agencies/reorganisations")
			.given(merged)
			.query("size", 500)
			.listOf(links("href=\"/agencies/reorganisations/(\\d+)\"", PARTS));
		m.page("GET", "/agencies/reorganisations/{id:\\d+}")
			.with("id", () -> merged.get().id())
			.scope(readsAny(mergedParts));
		m.page("GET", "/agencies/reorganisations/merge").permit(OPERATORS);
		m.page("POST", "/agencies/reorganisations/merge")
			.permit(OPERATORS)
			.form(call -> call.granted()
					? form("sourceCodes", f.unit("SYT").code() + " " + f.unit("SYT").code(), "successorCode",
							f.unit("SYT").code(), "effectiveDate", today())
					: form("sourceCodes", "X", "successorCode", "Y", "effectiveDate", today()))
			.ok(302);
		m.page("GET", "/agencies/reorganisations/split").permit(OPERATORS);
		m.page("POST", "/agencies/reorganisations/split")
			.permit(OPERATORS)
			.form(call -> form("sourceCode", call.granted() ? f.unit("SYT").code() : "X", "newCode1",
					AccessFixtures.unique("MXT"), "newName1", "Tách một", "newKind1", "PUBLIC_SERVICE_UNIT", "newCode2",
					AccessFixtures.unique("MXT"), "newName2", "Tách hai", "newKind2", "PUBLIC_SERVICE_UNIT",
					"effectiveDate", today()))
			.ok(302);

		// --- focal points
		m.api("GET", "/api/v1/focal-points")
			.given(focalPoint)
			.query("size", 500)
			.listOf(json("$.items[*]", "agencyId"));
		m.api("GET", "/api/v1/focal-points/{id}").with("id", focalPoint).scope(reads(unit));
		m.api("POST", "/api/v1/focal-points")
			.permit(WRITERS)
			.json(() -> f.json("agencyId", unit.get(), "duty", "MONITORING", "name", "Đầu mối API"))
			.scope(writes(unit), 400)
			.ok(201);
		m.api("PUT", "/api/v1/focal-points/{id}")
			.with("id", focalPoint)
			.permit(WRITERS)
			.json(() -> f.json("duty", "MONITORING", "name", "Đầu mối ma trận"))
			.scope(writes(unit));
		m.api("DELETE", "/api/v1/focal-points/{id}")
			.fresh("id", () -> focalPoint(unit.get()).id())
			.permit(WRITERS)
			.scope(writes(unit))
			.ok(204);
		m.api("GET", "/api/v1/agencies/{id}/focal-points").with("id", unit).scope(reads(unit));
		m.api("GET", "/api/v1/agencies/{id}/focal-points/history").with("id", unit).scope(reads(unit));
		m.api("POST", "/api/v1/agencies/{id}/focal-points/confirm")
			.given(focalPoint)
			.with("id", unit)
			.permit(WRITERS)
			.scope(writes(unit));
		m.page("GET", "/focal-points").given(focalPoint).listOf(links("href=\"/agencies/(\\d+)/focal-points\"", null));
		m.page("GET", "/focal-points/export.csv").given(focalPoint).listOf(AccessMatrix.csvOwnedBy(0, AGENCY_OF_CODE));
		m.page("GET", "/agencies/{id}/focal-points").with("id", unit).scope(reads(unit));
		m.page("GET", "/agencies/{id}/focal-points/new").with("id", unit).permit(WRITERS).scope(writes(unit));
		m.page("POST", "/agencies/{id}/focal-points")
			.with("id", unit)
			.permit(WRITERS)
			.scope(writes(unit))
			.form(() -> form("duty", "MONITORING", "name", "Đầu mối trang"))
			.ok(302);
		m.page("GET", "/focal-points/{fid}/edit").with("fid", focalPoint).permit(WRITERS).scope(writes(unit));
		m.page("POST", "/focal-points/{fid}")
			.with("fid", focalPoint)
			.permit(WRITERS)
			.scope(writes(unit))
			.form(() -> form("duty", "MONITORING", "name", "Đầu mối ma trận"))
			.ok(302);
		m.page("POST", "/focal-points/{fid}/retire")
			.fresh("fid", () -> focalPoint(unit.get()).id())
			.permit(WRITERS)
			.scope(writes(unit))
			.ok(302);
		m.page("POST", "/agencies/{id}/focal-points/confirm")
			.given(focalPoint)
			.with("id", unit)
			.permit(WRITERS)
			.scope(writes(unit))
			.ok(302);

		// --- security staff
		m.api("GET", "/api/v1/agencies/{id}/staff").with("id", unit).scope(reads(unit));
		m.api("PUT", "/api/v1/agencies/{id}/staff/needed")
			.with("id", unit)
			.permit(WRITERS)
			.scope(writes(unit))
			.json(() -> f.json("needed", 3));
		m.api("POST", "/api/v1/agencies/{id}/staff")
			.with("id", unit)
			.permit(WRITERS)
			.scope(writes(unit))
			.json(() -> f.json("name", "Cán bộ API"))
			.ok(201);
		m.api("PUT", "/api/v1/agencies/{id}/staff/{staffId}")
			.with("id", unit)
			.with("staffId", staff)
			.permit(WRITERS)
			.scope(writes(unit))
			.json(() -> f.json("name", "Cán bộ ma trận"));
		m.api("DELETE", "/api/v1/agencies/{id}/staff/{staffId}")
			.with("id", unit)
			.fresh("staffId",
					() -> staffing
						.add(unit.get(), new SecurityStaff.Details("Cán bộ xoá", null, null, null, null, null))
						.id())
			.permit(WRITERS)
			.scope(writes(unit))
			.ok(204);
		m.api("GET", "/api/v1/staff/gaps").query("size", 500).listOf(json("$.items[*]", "agencyId"));
		m.page("GET", "/agencies/{id}/staff").with("id", unit).scope(reads(unit));
		m.page("POST", "/agencies/{id}/staff/needed")
			.with("id", unit)
			.permit(WRITERS)
			.scope(writes(unit))
			.form(() -> form("needed", "3"))
			.ok(302);
		m.page("GET", "/agencies/{id}/staff/new").with("id", unit).permit(WRITERS).scope(writes(unit));
		m.page("POST", "/agencies/{id}/staff")
			.with("id", unit)
			.permit(WRITERS)
			.scope(writes(unit))
			.form(() -> form("name", "Cán bộ trang"))
			.ok(302);
		m.page("GET", "/agencies/{id}/staff/{staffId}/edit")
			.with("id", unit)
			.with("staffId", staff)
			.permit(WRITERS)
			.scope(writes(unit));
		m.page("POST", "/agencies/{id}/staff/{staffId}")
			.with("id", unit)
			.with("staffId", staff)
			.permit(WRITERS)
			.scope(writes(unit))
			.form(() -> form("name", "Cán bộ ma trận"))
			.ok(302);
		m.page("POST", "/agencies/{id}/staff/{staffId}/delete")
			.with("id", unit)
			.fresh("staffId",
					() -> staffing
						.add(unit.get(), new SecurityStaff.Details("Cán bộ xoá", null, null, null, null, null))
						.id())
			.permit(WRITERS)
			.scope(writes(unit))
			.ok(302);
		m.page("GET", "/staff/gaps").listOf(links("href=\"/agencies/(\\d+)/staff\"", null));

		// --- registration campaigns (province-wide; their agency lists follow scope)
		m.api("GET", "/api/v1/registration-campaigns");
		m.api("GET", "/api/v1/registration-campaigns/{id}").with("id", campaign);
		// NB: opened long ago, so that it never becomes the latest campaign other tests
		// look at
		m.api("POST", "/api/v1/registration-campaigns")
			.permit(OPERATORS)
			.json(() -> f.json("name", AccessFixtures.unique("Đợt ma trận"), "openedOn", "2020-01-01", "deadline",
					"2020-02-01", "agencyKinds", List.of("PROVINCIAL_BODY")))
			.ok(201);
		m.api("GET", "/api/v1/registration-campaigns/{id}/agencies")
			.with("id", campaign)
			.query("size", 500)
			.listOf(json("$.items[*]", "agencyId"));
		m.api("GET", "/api/v1/registration-campaigns/{id}/agencies.csv")
			.with("id", campaign)
			.listOf(AccessMatrix.csvOwnedBy(0, AGENCY_OF_CODE));
		m.page("GET", "/campaigns");
		m.page("GET", "/campaigns/new").permit(OPERATORS);
		m.page("POST", "/campaigns")
			.permit(OPERATORS)
			.form(() -> form("name", AccessFixtures.unique("Đợt trang ma trận"), "openedOn", "2020-01-01", "deadline",
					"2020-02-01", "agencyKinds", "PROVINCIAL_BODY"))
			.ok(302);
		m.page("GET", "/campaigns/{id}")
			.with("id", campaign)
			.listOf(links("href=\"/agencies/(\\d+)/focal-points\"", null));
		m.page("GET", "/campaigns/{id}/agencies.csv")
			.with("id", campaign)
			.listOf(AccessMatrix.csvOwnedBy(0, AGENCY_OF_CODE));

		// --- organisations: the state side reads the directory, an organisation only its
		// own record
		m.api("GET", "/api/v1/organisations")
			.permit(ORGANISATION_READERS)
			.given(organisation)
			.query("size", 500)
			.listOf(AccessMatrix.jsonKeys("$.items[*].id"),
					(c, item) -> readsOrganisation(c, ((Number) item.key()).longValue(), providerOrganisation.get()));
		m.api("GET", "/api/v1/organisations/{id}")
			.with("id", organisation)
			.permit(ORGANISATION_READERS)
			.scope(organisationReaders);
		m.api("POST", "/api/v1/organisations")
			.permit(OPERATORS)
			.json(() -> f.json("kind", "SECURITY_PROVIDER", "name", AccessFixtures.unique("Tổ chức API")))
			.ok(201);
		m.api("PUT", "/api/v1/organisations/{id}")
			.with("id", organisation)
			.permit(OPERATORS)
			.json(() -> f.json("kind", "SECURITY_PROVIDER", "name", "Tổ chức ma trận"));
		m.api("POST", "/api/v1/organisations/{id}/contacts")
			.with("id", organisation)
			.permit(OPERATORS)
			.json(() -> f.json("name", "Liên hệ API"))
			.ok(201);
		m.api("PUT", "/api/v1/organisations/{id}/contacts/{contactId}")
			.with("id", organisation)
			.with("contactId", contact)
			.permit(OPERATORS)
			.json(() -> f.json("name", "Liên hệ ma trận"));
		m.api("DELETE", "/api/v1/organisations/{id}/contacts/{contactId}")
			.with("id", organisation)
			.fresh("contactId",
					() -> organisations
						.addContact(organisation.get(),
								new OrganisationContact.Details("Liên hệ xoá", null, null, null))
						.id())
			.permit(OPERATORS)
			.ok(204);
		m.page("GET", "/organisations")
			.permit(ORGANISATION_READERS)
			.given(organisation)
			.listOf(AccessMatrix.linkKeys("href=\"/organisations/(\\d+)\""),
					(c, item) -> readsOrganisation(c, ((Number) item.key()).longValue(), providerOrganisation.get()));
		m.page("GET", "/organisations/picker")
			.permit(ORGANISATION_READERS)
			.given(organisation)
			.query("term", "chuc")
			.listOf(AccessMatrix.linkKeys("data-value=\"(\\d+)\""),
					(c, item) -> readsOrganisation(c, ((Number) item.key()).longValue(), providerOrganisation.get()));
		m.page("GET", "/organisations/{id}")
			.with("id", organisation)
			.permit(ORGANISATION_READERS)
			.scope(organisationReaders);
		m.page("GET", "/organisations/new").permit(OPERATORS);
		m.page("POST", "/organisations")
			.permit(OPERATORS)
			.form(() -> form("kind", "SECURITY_PROVIDER", "name", AccessFixtures.unique("Tổ chức trang")))
			.ok(302);
		m.page("GET", "/organisations/{id}/edit").with("id", organisation).permit(OPERATORS);
		m.page("POST", "/organisations/{id}")
			.with("id", organisation)
			.permit(OPERATORS)
			.form(() -> form("kind", "SECURITY_PROVIDER", "name", "Tổ chức ma trận"))
			.ok(302);
		m.page("POST", "/organisations/{id}/contacts")
			.with("id", organisation)
			.permit(OPERATORS)
			.form(() -> form("name", "Liên hệ trang"))
			.ok(302);
		m.page("POST", "/organisations/{id}/contacts/{contactId}/delete")
			.with("id", organisation)
			.fresh("contactId",
					() -> organisations
						.addContact(organisation.get(),
								new OrganisationContact.Details("Liên hệ xoá", null, null, null))
						.id())
			.permit(OPERATORS)
			.ok(302);

		// --- the subcommittee (public within the province's state side)
		Supplier<String> sameSubcommittee = () -> {
			var s = subcommittee.find().orElseThrow();
			return f.json("name", s.name(), "decisionRef", s.decisionRef(), "standingBodyId", s.standingBodyId());
		};
		m.api("GET", "/api/v1/subcommittee").permit(SUBCOMMITTEE_READERS);
		// NB: writes back what is stored, so that other tests see the demo subcommittee
		// unchanged
		m.api("PUT", "/api/v1/subcommittee").permit(OPERATORS).json(sameSubcommittee);
		m.api("GET", "/api/v1/subcommittee/members").permit(SUBCOMMITTEE_READERS);
		m.api("GET", "/api/v1/subcommittee/members/{id}").with("id", member).permit(SUBCOMMITTEE_READERS);
		m.api("POST", "/api/v1/subcommittee/members")
			.permit(OPERATORS)
			.json(() -> f.json("role", "MEMBER", "name", "Thành viên API"))
			.ok(201);
		m.api("PUT", "/api/v1/subcommittee/members/{id}")
			.with("id", member)
			.permit(OPERATORS)
			.json(() -> f.json("role", "MEMBER", "name", "Thành viên ma trận"));
		m.api("DELETE", "/api/v1/subcommittee/members/{id}").fresh("id", this::member).permit(OPERATORS).ok(204);
		m.page("GET", "/subcommittee").permit(SUBCOMMITTEE_READERS);
		m.page("GET", "/subcommittee/edit").permit(OPERATORS);
		m.page("POST", "/subcommittee").permit(OPERATORS).form(() -> {
			var s = subcommittee.find().orElseThrow();
			return form("name", s.name(), "decisionRef", s.decisionRef() == null ? "" : s.decisionRef(),
					"standingBodyId", s.standingBodyId() == null ? "" : s.standingBodyId().toString());
		}).ok(302);
		m.page("GET", "/subcommittee/members/new").permit(OPERATORS);
		m.page("POST", "/subcommittee/members")
			.permit(OPERATORS)
			.form(() -> form("role", "MEMBER", "name", "Thành viên trang"))
			.ok(302);
		m.page("GET", "/subcommittee/members/{id}/edit").with("id", member).permit(OPERATORS);
		m.page("POST", "/subcommittee/members/{id}")
			.with("id", member)
			.permit(OPERATORS)
			.form(() -> form("role", "MEMBER", "name", "Thành viên ma trận"))
			.ok(302);
		m.page("POST", "/subcommittee/members/{id}/delete").fresh("id", this::member).permit(OPERATORS).ok(302);
	}

}
