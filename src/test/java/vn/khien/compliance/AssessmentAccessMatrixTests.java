package vn.khien.compliance;

import static vn.khien.AccessFixtures.form;
import static vn.khien.AccessMatrix.csvOwnedBy;
import static vn.khien.AccessMatrix.json;
import static vn.khien.AccessMatrix.links;
import static vn.khien.AccessMatrix.reads;
import static vn.khien.AccessMatrix.writes;

import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import vn.khien.AccessMatrix;
import vn.khien.KhienTest;
import vn.khien.platform.Role;
import vn.khien.registry.Agency;
import vn.khien.registry.OrganisationKind;

/**
 * The assessments' handlers (R3.2, R3.4): on systems of a unit of the health department,
 * in scope of {@code officer}, out of scope of {@code officer2}, readable but not
 * writable for the leader who is an officer of education. The demo assessor belongs to no
 * organisation, so it sees none of them; the engaged assessor's own view is in
 * {@link AssessmentIndependenceTests}. One row per handler.
 */
@KhienTest
class AssessmentAccessMatrixTests implements AccessMatrix.Module {

	static final Role[] READERS = { Role.ADMIN, Role.PROVINCE_OPERATOR, Role.POLICE, Role.LEADERSHIP,
			Role.AGENCY_OFFICER, Role.ASSESSOR };

	static final Role[] WRITERS = { Role.ADMIN, Role.PROVINCE_OPERATOR, Role.AGENCY_OFFICER, Role.ASSESSOR };

	static final Role[] OWNERS = { Role.ADMIN, Role.PROVINCE_OPERATOR, Role.AGENCY_OFFICER };

	/** The four layers and the reviews are read within agency scope only: no assessor. */
	static final Role[] LAYER_READERS = { Role.ADMIN, Role.PROVINCE_OPERATOR, Role.POLICE, Role.LEADERSHIP,
			Role.AGENCY_OFFICER };

	static final String ASSESSMENT_AGENCY = "SELECT agency_id FROM assessment WHERE id = :v";

	/** A CSV cell is text: compared as text, on PostgreSQL too. */
	static final String ASSESSMENT_AGENCY_OF_CELL = "SELECT agency_id FROM assessment WHERE CAST(id AS VARCHAR(20)) = :v";

	static final String SYSTEM_OWNER = "SELECT owner_agency_id FROM information_system WHERE id = :v";

	@Autowired
	ApplicationContext context;

	@Test
	void everyAssessmentHandlerAnswersEachCallerAsDeclared() {
		AccessMatrix.verify(this, context);
	}

	@Override
	public void declare(AccessMatrix m) {
		var f = new AssessmentFixtures(context);
		Supplier<Agency> unitRecord = AccessMatrix.once(() -> f.unit("SYT"));
		Supplier<Long> unit = () -> unitRecord.get().id();
		Supplier<Long> system = AccessMatrix.once(() -> f.system(unitRecord.get(), 1).id());
		Supplier<Long> draft = AccessMatrix.once(() -> f.draft(system.get()).id());
		Supplier<String> requirement = AccessMatrix.once(() -> f.requirements(draft.get()).get(0).requirementId());
		Supplier<Long> evidence = AccessMatrix.once(() -> f.evidence(draft.get()).id());
		Supplier<Long> action = AccessMatrix.once(() -> f.action(unitRecord.get()).id());
		Supplier<Long> organisation = AccessMatrix.once(() -> f.organisation(OrganisationKind.ASSESSOR).id());
		Supplier<Long> engagement = AccessMatrix.once(() -> f.engagement(system.get(), organisation.get()).id());
		Supplier<Long> freshSystem = () -> f.system(unitRecord.get(), 1).id();
		Supplier<Long> sharedSystem = AccessMatrix.once(freshSystem);
		Supplier<Long> answered = () -> f.answered(unitRecord.get()).id();
		Supplier<Long> freshAction = () -> f.action(unitRecord.get()).id();
		String until = AssessmentFixtures.today().plusDays(365).toString();

		// --- API
		m.api("GET", "/api/v1/assessments").given(draft).permit(READERS).listOf(json("$.items[*]", "agencyId"));
		m.api("POST", "/api/v1/assessments")
			.permit(WRITERS)
			.scope(reads(unit))
			.scope(writes(unit), 403)
			.json(call -> f.access.json("systemId", call.fresh(freshSystem, sharedSystem)))
			.ok(201);
		m.api("GET", "/api/v1/assessments/{id}").with("id", draft).permit(READERS).scope(reads(unit));
		m.api("PUT", "/api/v1/assessments/{id}/answers/{requirementId}")
			.with("id", draft)
			.with("requirementId", requirement)
			.permit(WRITERS)
			.scope(reads(unit))
			.scope(writes(unit), 403)
			.json(() -> "{\"answer\":\"met\",\"note\":\"ma trận quyền\"}")
			.ok(200);
		m.api("POST", "/api/v1/assessments/{id}/evidence")
			.with("id", draft)
			.permit(WRITERS)
			.scope(reads(unit))
			.scope(writes(unit), 403)
			.file("file", "evidence.csv", call -> "yeu cau,ket qua\npolicy,met\n")
			.form(() -> form("expiresOn", until))
			.ok(201);
		m.api("GET", "/api/v1/assessments/{id}/evidence/{evidenceId}")
			.with("id", draft)
			.with("evidenceId", evidence)
			.permit(READERS)
			.scope(reads(unit));
		m.api("POST", "/api/v1/assessments/{id}/complete")
			.fresh("id", answered)
			.permit(WRITERS)
			.scope(reads(unit))
			.scope(writes(unit), 403)
			.json(() -> "{}")
			.ok(200);
		m.api("GET", "/api/v1/assessment-actions").given(action).permit(READERS).listOf(json("$.items[*]", "agencyId"));
		m.api("POST", "/api/v1/assessment-actions/{id}/transitions")
			.fresh("id", freshAction)
			.permit(OWNERS)
			.scope(reads(unit))
			.scope(writes(unit), 403)
			.json(() -> "{\"to\":\"done\",\"note\":\"ma trận quyền\"}")
			.ok(200);
		m.api("GET", "/api/v1/assessment-engagements")
			.given(engagement)
			.permit(READERS)
			.listOf(json("$.items[*]", "agencyId"));
		m.api("POST", "/api/v1/assessment-engagements")
			.permit(OWNERS)
			.scope(reads(unit))
			.scope(writes(unit), 403)
			.json(() -> f.access.json("systemId", system.get(), "organisationId", organisation.get(), "startsOn",
					AssessmentFixtures.today().toString(), "endsOn", until))
			.ok(201);

		// --- four layers and lifecycle reviews
		Supplier<Long> critical = AccessMatrix.once(() -> f.critical(unitRecord.get(), 3).id());
		Supplier<Long> review = AccessMatrix.once(() -> f.review(critical.get()).id());
		Supplier<Long> document = AccessMatrix.once(() -> f.document(review.get()).id());
		m.api("GET", "/api/v1/protection-layers").permit(LAYER_READERS).listOf(json("$.items[*]", "agencyId"));
		m.api("GET", "/api/v1/protection-layers/summary")
			.given(critical)
			.permit(LAYER_READERS)
			.listOf(json("$.agencies[*]", "agencyId"));
		m.api("GET", "/api/v1/protection-layers/{systemId}")
			.with("systemId", critical)
			.permit(LAYER_READERS)
			.scope(reads(unit));
		m.api("PUT", "/api/v1/protection-layers/{systemId}/national-connection")
			.with("systemId", critical)
			.permit(OWNERS)
			.scope(reads(unit))
			.scope(writes(unit), 403)
			.json(() -> "{\"connected\":true,\"note\":\"ma trận quyền\"}")
			.ok(200);
		m.api("GET", "/api/v1/lifecycle-reviews")
			.given(review)
			.permit(LAYER_READERS)
			.listOf(json("$.items[*]", "agencyId"));
		m.api("POST", "/api/v1/lifecycle-reviews")
			.permit(OWNERS)
			.scope(reads(unit))
			.scope(writes(unit), 403)
			.json(() -> f.access.json("systemId", critical.get(), "stage", "operation", "result", "passed", "reviewer",
					"ma trận quyền"))
			.ok(201);
		m.api("POST", "/api/v1/lifecycle-reviews/{id}/documents")
			.with("id", review)
			.permit(OWNERS)
			.scope(reads(unit))
			.scope(writes(unit), 403)
			.file("file", "bien-ban.csv", call -> "muc,ket qua\nthiet ke,dat\n")
			.ok(201);
		m.api("GET", "/api/v1/lifecycle-reviews/{id}/documents/{documentId}")
			.with("id", review)
			.with("documentId", document)
			.permit(LAYER_READERS)
			.scope(reads(unit));
		m.page("GET", "/protection")
			.permit(LAYER_READERS)
			.listOf(links("href=\"/protection/systems/(\\d+)\"", SYSTEM_OWNER));
		m.page("GET", "/protection/systems/{id}").with("id", critical).permit(LAYER_READERS).scope(reads(unit));
		m.page("POST", "/protection/systems/{id}/national-connection")
			.with("id", critical)
			.permit(OWNERS)
			.scope(reads(unit))
			.scope(writes(unit), 403)
			.form(() -> form("connected", "false", "note", "ma trận quyền"))
			.ok(302);
		m.page("POST", "/protection/systems/{id}/reviews")
			.with("id", critical)
			.permit(OWNERS)
			.scope(reads(unit))
			.scope(writes(unit), 403)
			.form(() -> form("stage", "build", "result", "failed", "reviewer", "ma trận quyền"))
			.ok(302);
		m.page("POST", "/lifecycle-reviews/{id}/documents")
			.with("id", review)
			.permit(OWNERS)
			.scope(reads(unit))
			.scope(writes(unit), 403)
			.file("file", "bien-ban.csv", call -> "muc,ket qua\nthiet ke,dat\n")
			.ok(302);
		m.page("GET", "/lifecycle-reviews/{id}/documents/{documentId}/download")
			.with("id", review)
			.with("documentId", document)
			.permit(LAYER_READERS)
			.scope(reads(unit));

		// --- pages
		m.page("GET", "/assessments")
			.given(draft)
			.permit(READERS)
			.listOf(links("href=\"/assessments/(\\d+)\"", ASSESSMENT_AGENCY));
		m.page("GET", "/assessments/export.csv")
			.given(draft)
			.permit(READERS)
			.listOf(csvOwnedBy(0, ASSESSMENT_AGENCY_OF_CELL));
		m.page("POST", "/assessments")
			.permit(WRITERS)
			.scope(reads(unit))
			.scope(writes(unit), 403)
			.form(call -> form("systemId", String.valueOf(call.fresh(freshSystem, sharedSystem)), "kind", "self"))
			.ok(302);
		m.page("GET", "/assessments/{id}").with("id", draft).permit(READERS).scope(reads(unit));
		m.page("POST", "/assessments/{id}/answers")
			.with("id", draft)
			.permit(WRITERS)
			.scope(reads(unit))
			.scope(writes(unit), 403)
			.form(() -> form("requirementId", requirement.get(), "answer", "met"))
			.ok(302);
		m.page("POST", "/assessments/{id}/evidence")
			.with("id", draft)
			.permit(WRITERS)
			.scope(reads(unit))
			.scope(writes(unit), 403)
			.file("file", "evidence.csv", call -> "yeu cau,ket qua\npolicy,met\n")
			.form(() -> form("expiresOn", until))
			.ok(302);
		m.page("GET", "/assessments/{id}/evidence/{evidenceId}/download")
			.with("id", draft)
			.with("evidenceId", evidence)
			.permit(READERS)
			.scope(reads(unit));
		m.page("POST", "/assessments/{id}/complete")
			.fresh("id", answered)
			.permit(WRITERS)
			.scope(reads(unit))
			.scope(writes(unit), 403)
			.ok(302);
		m.page("GET", "/assessment-actions")
			.given(action)
			.permit(READERS)
			.listOf(links("href=\"/assessments/(\\d+)#actions\"", ASSESSMENT_AGENCY));
		m.page("GET", "/assessment-actions/export.csv")
			.given(action)
			.permit(READERS)
			.listOf(csvOwnedBy(0, ASSESSMENT_AGENCY_OF_CELL));
		m.page("POST", "/assessment-actions/{id}/transitions")
			.fresh("id", freshAction)
			.permit(OWNERS)
			.scope(reads(unit))
			.scope(writes(unit), 403)
			.form(() -> form("to", "done"))
			.ok(302);
		m.page("GET", "/assessment-engagements")
			.given(engagement)
			.permit(READERS)
			.listOf(links("href=\"/assessments\\?system=(\\d+)\"", SYSTEM_OWNER));
		m.page("POST", "/assessment-engagements")
			.permit(OWNERS)
			.scope(reads(unit))
			.scope(writes(unit), 403)
			.form(() -> form("systemId", String.valueOf(system.get()), "organisationId",
					String.valueOf(organisation.get()), "startsOn", AssessmentFixtures.today().toString(), "endsOn",
					until))
			.ok(302);
	}

}
