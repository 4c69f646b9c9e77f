package vn.khien.inspection;

import static vn.khien.AccessFixtures.form;
import static vn.khien.AccessMatrix.json;
import static vn.khien.AccessMatrix.jsonOwnedBy;
import static vn.khien.AccessMatrix.links;
import static vn.khien.AccessMatrix.only;
import static vn.khien.AccessMatrix.reads;
import static vn.khien.AccessMatrix.readsAny;
import static vn.khien.AccessMatrix.writes;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.khien.AccessFixtures;
import vn.khien.AccessMatrix;
import vn.khien.FixturePrincipal;
import vn.khien.KhienTest;
import vn.khien.platform.Role;

/**
 * The inspection module's handlers: plans, targets, coverage, rounds, findings and
 * corrective actions at a unit of the health department (in {@code officer}'s scope, out
 * of {@code officer2}'s), planned by the provincial police (CAT), whose accounts and the
 * administrators alone verify. One row per handler.
 */
@KhienTest
class InspectionAccessMatrixTests implements AccessMatrix.Module {

	static final Role[] READERS = { Role.ADMIN, Role.PROVINCE_OPERATOR, Role.POLICE, Role.LEADERSHIP, Role.RESPONDER,
			Role.AGENCY_OFFICER };

	static final Role[] MANAGERS = { Role.ADMIN, Role.PROVINCE_OPERATOR, Role.POLICE };

	static final Role[] MOVERS = { Role.ADMIN, Role.PROVINCE_OPERATOR, Role.POLICE, Role.AGENCY_OFFICER };

	static final Role[] REPORTERS = { Role.ADMIN, Role.PROVINCE_OPERATOR, Role.AGENCY_OFFICER };

	static final String PLAN_AGENCIES = "SELECT agency_id FROM inspection_target WHERE plan_id = CAST(:v AS BIGINT)";

	static final String ACTION_AGENCY = "SELECT agency_id FROM inspection_action WHERE id = CAST(:v AS BIGINT)";

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Test
	void everyInspectionHandlerAnswersEachCallerAsDeclared() {
		AccessMatrix.verify(this, context);
	}

	@Override
	public void declare(AccessMatrix m) {
		var f = new AccessFixtures(context);
		var x = new InspectionFixtures(context);
		int year = InspectionFixtures.thisYear();
		String from = year + "-03-02";
		Supplier<Long> unit = AccessMatrix.once(() -> f.unit("SYT").id());
		Supplier<Long> unit2 = AccessMatrix.once(() -> f.unit("SGDDT").id());
		Supplier<Long> plan = AccessMatrix.once(() -> x.plan(year, unit.get()));
		// targets in both departments, so that each officer lists what the other must not
		Supplier<Long> plan2 = AccessMatrix.once(() -> x.plan(year, unit.get(), unit2.get()));
		Supplier<Long> draft = () -> x.draft(year, unit.get());
		Supplier<Long> round = AccessMatrix.once(() -> x.started(plan.get(), unit.get()));
		Supplier<Long> planned = () -> x.round(plan.get(), unit.get());
		Supplier<Long> finding = AccessMatrix.once(() -> x.finding(round.get()));
		Supplier<Long> action = AccessMatrix.once(() -> x.action(finding.get()));
		Supplier<Long> open = () -> x.action(finding.get());
		Supplier<Long> done = () -> x.done(finding.get());
		InspectionManagement management = FixturePrincipal.wrap(context.getBean(InspectionManagement.class));
		Supplier<Long> reported = AccessMatrix.once(() -> {
			long a = x.action(finding.get());
			management.moveAction(a, ActionStatus.DONE, "Đã khắc phục",
					new InspectionManagement.Evidence(
							new ByteArrayInputStream("bằng chứng".getBytes(StandardCharsets.UTF_8)), "minh-chung.txt",
							"text/plain"));
			return a;
		});
		Supplier<Long> evidence = AccessMatrix.once(() -> jdbc
			.sql("SELECT file_id FROM inspection_action_event WHERE action_id = :a AND file_id IS NOT NULL")
			.param("a", reported.get())
			.query(Long.class)
			.single());
		Supplier<List<Long>> both = () -> List.of(unit.get(), unit2.get());

		// --- plans
		m.api("GET", "/api/v1/inspection-plans")
			.given(plan)
			.permit(READERS)
			.query("year", year)
			.query("size", 500)
			.listOf(jsonOwnedBy("$.items[*].id", PLAN_AGENCIES));
		m.api("POST", "/api/v1/inspection-plans")
			.permit(MANAGERS)
			.json(() -> f.json("year", year, "kind", "ad_hoc", "title", "Kiểm tra đột xuất ma trận",
					"inspectingAgencyId", f.agency("CAT"), "targets",
					List.of(Map.of("agencyId", unit.get(), "plannedFrom", from))))
			.ok(201);
		m.api("GET", "/api/v1/inspection-plans/{id}").with("id", plan).permit(READERS).scope(reads(unit));
		m.api("GET", "/api/v1/inspection-plans/{id}/targets")
			.with("id", plan2)
			.permit(READERS)
			.scope(readsAny(both))
			.listOf(json("$.items[*]", "agencyId"));
		m.api("POST", "/api/v1/inspection-plans/{id}/targets")
			.fresh("id", draft)
			.permit(MANAGERS)
			.json(() -> f.json("agencyId", unit2.get(), "plannedFrom", from))
			.ok(201);
		m.api("POST", "/api/v1/inspection-plans/{id}/transitions")
			.fresh("id", draft)
			.permit(MANAGERS)
			.json(() -> "{\"to\":\"approved\"}")
			.ok(200);
		m.api("GET", "/api/v1/inspection-plans/{id}/coverage")
			.with("id", plan2)
			.permit(READERS)
			.scope(readsAny(both))
			.listOf(json("$.notInspected[*]", "agencyId"));

		// --- rounds and findings
		m.api("POST", "/api/v1/inspection-plans/{id}/rounds")
			.with("id", plan)
			.permit(MANAGERS)
			.json(() -> f.json("agencyId", unit.get(), "startsOn", year + "-04-06", "endsOn", year + "-04-08",
					"inspectors", "Đoàn ma trận"))
			.ok(201);
		m.api("GET", "/api/v1/inspection-rounds/{id}").with("id", round).permit(READERS).scope(reads(unit));
		m.api("POST", "/api/v1/inspection-rounds/{id}/transitions")
			.fresh("id", planned)
			.permit(MANAGERS)
			.json(() -> "{\"to\":\"in_progress\"}")
			.ok(200);
		m.api("POST", "/api/v1/inspection-rounds/{id}/findings")
			.with("id", round)
			.permit(MANAGERS)
			.json(() -> f.json("kind", "violation", "title", "Không có nhật ký truy cập", "severity", "high"))
			.ok(201);
		m.api("POST", "/api/v1/inspection-findings/{id}/actions")
			.with("id", finding)
			.permit(MANAGERS)
			.json(() -> f.json("title", "Bật nhật ký", "owner", "Phòng CNTT", "dueOn", year + "-02-01"))
			.ok(201);

		// --- corrective actions: the agency reports, the inspecting body (CAT) verifies
		m.api("GET", "/api/v1/inspection-actions")
			.given(action)
			.permit(READERS)
			.query("agency", unit)
			.listOf(json("$.items[*]", "agencyId"));
		m.api("POST", "/api/v1/inspection-actions/{id}/transitions")
			.fresh("id", done)
			.permit(MOVERS)
			.scope(reads(unit))
			.scope(only(AccessMatrix.ADMIN, AccessMatrix.POLICE), 403)
			.json(() -> "{\"to\":\"verified\",\"note\":\"Đã kiểm tra lại\"}")
			.ok(200);
		m.api("POST", "/api/v1/inspection-actions/{id}/reports")
			.fresh("id", open)
			.permit(REPORTERS)
			.scope(reads(unit))
			.scope(writes(unit), 403)
			.file("file", "minh-chung.txt", call -> "bằng chứng")
			.form(() -> form("note", "Đã khắc phục"))
			.ok(200);
		m.api("GET", "/api/v1/inspection-actions/{id}/files/{fileId}")
			.with("id", reported)
			.with("fileId", evidence)
			.permit(READERS)
			.scope(reads(unit));

		// --- pages
		m.page("GET", "/inspection-plans")
			.given(plan)
			.permit(READERS)
			.query("year", year)
			.query("size", 500)
			.listOf(links("href=\"/inspection-plans/(\\d+)\"", PLAN_AGENCIES));
		m.page("GET", "/inspection-plans/new").permit(MANAGERS);
		m.page("POST", "/inspection-plans")
			.permit(MANAGERS)
			.form(() -> form("year", String.valueOf(year), "kind", "periodic", "title", "Kế hoạch ma trận",
					"inspectingAgencyId", String.valueOf(f.agency("CAT"))))
			.ok(302);
		m.page("GET", "/inspection-plans/{id}").with("id", plan).permit(READERS).scope(reads(unit));
		m.page("POST", "/inspection-plans/{id}/targets")
			.fresh("id", draft)
			.permit(MANAGERS)
			.form(() -> form("agencyId", unit2.get().toString(), "plannedFrom", from))
			.ok(302);
		m.page("POST", "/inspection-plans/{id}/transitions")
			.fresh("id", draft)
			.permit(MANAGERS)
			.form(() -> form("to", "approved"))
			.ok(302);
		m.page("POST", "/inspection-plans/{id}/rounds")
			.with("id", plan)
			.permit(MANAGERS)
			.form(() -> form("agencyId", unit.get().toString(), "startsOn", year + "-05-04", "endsOn", year + "-05-05",
					"inspectors", "Đoàn ma trận"))
			.ok(302);
		m.page("GET", "/inspection-rounds/{id}").with("id", round).permit(READERS).scope(reads(unit));
		m.page("POST", "/inspection-rounds/{id}/transitions")
			.fresh("id", planned)
			.permit(MANAGERS)
			.form(() -> form("to", "in_progress"))
			.ok(302);
		m.page("POST", "/inspection-rounds/{id}/findings")
			.with("id", round)
			.permit(MANAGERS)
			.form(() -> form("kind", "shortcoming", "title", "Thiếu phương án", "severity", "low"))
			.ok(302);
		m.page("POST", "/inspection-findings/{id}/actions")
			.with("id", finding)
			.permit(MANAGERS)
			.form(() -> form("title", "Lập phương án", "owner", "Văn phòng", "dueOn", year + "-02-01"))
			.ok(302);
		m.page("GET", "/inspection-actions")
			.given(action)
			.permit(READERS)
			.query("agency", unit)
			.listOf(links("data-action-id=\"(\\d+)\"", ACTION_AGENCY));
		m.page("POST", "/inspection-actions/{id}/reports")
			.fresh("id", open)
			.permit(REPORTERS)
			.scope(reads(unit))
			.scope(writes(unit), 403)
			.file("file", "minh-chung.txt", call -> "bằng chứng")
			.form(() -> form("note", "Đã khắc phục"))
			.ok(302);
		m.page("POST", "/inspection-actions/{id}/transitions")
			.fresh("id", done)
			.permit(MOVERS)
			.scope(reads(unit))
			.scope(only(AccessMatrix.ADMIN, AccessMatrix.POLICE), 403)
			.form(() -> form("to", "verified", "note", "Đã kiểm tra lại"))
			.ok(302);
		m.page("GET", "/inspection-actions/{id}/files/{fileId}")
			.with("id", reported)
			.with("fileId", evidence)
			.permit(READERS)
			.scope(reads(unit));
	}

}
