package vn.khien.readiness;

import static vn.khien.AccessFixtures.form;
import static vn.khien.AccessMatrix.json;
import static vn.khien.AccessMatrix.jsonOwnedBy;
import static vn.khien.AccessMatrix.links;
import static vn.khien.AccessMatrix.reads;

import java.time.LocalDate;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import vn.khien.AccessFixtures;
import vn.khien.AccessMatrix;
import vn.khien.FixturePrincipal;
import vn.khien.KhienTest;
import vn.khien.platform.Role;
import vn.khien.registry.Agency;

/**
 * The training and budget handlers: events organised by and attended at a unit of the
 * health department (in {@code officer}'s scope, out of {@code officer2}'s); operators
 * and the police record anyone's training, officers their own agencies'; operators alone
 * decide on budgets. One row per handler.
 */
@KhienTest
class TrainingAccessMatrixTests implements AccessMatrix.Module {

	static final Role[] READERS = { Role.ADMIN, Role.PROVINCE_OPERATOR, Role.POLICE, Role.LEADERSHIP,
			Role.AGENCY_OFFICER };

	static final Role[] WRITERS = { Role.ADMIN, Role.PROVINCE_OPERATOR, Role.POLICE, Role.AGENCY_OFFICER };

	static final Role[] DECIDERS = { Role.ADMIN, Role.PROVINCE_OPERATOR };

	static final String EVENT_AGENCIES = "SELECT agency_id FROM training_event WHERE id = CAST(:v AS BIGINT)"
			+ " UNION SELECT agency_id FROM training_attendee WHERE event_id = CAST(:v AS BIGINT)";

	static final String PROPOSAL_AGENCY = "SELECT agency_id FROM budget_proposal WHERE id = CAST(:v AS BIGINT)";

	@Autowired
	ApplicationContext context;

	@Test
	void everyTrainingHandlerAnswersEachCallerAsDeclared() {
		AccessMatrix.verify(this, context);
	}

	@Override
	public void declare(AccessMatrix m) {
		var f = new AccessFixtures(context);
		String today = LocalDate.now(vn.khien.platform.Formats.ZONE).toString();
		int year = LocalDate.now(vn.khien.platform.Formats.ZONE).getYear();
		Trainings trainings = FixturePrincipal.wrap(context.getBean(Trainings.class));
		BudgetProposals proposals = FixturePrincipal.wrap(context.getBean(BudgetProposals.class));
		Supplier<Agency> unitAgency = AccessMatrix.once(() -> f.unit("SYT"));
		Supplier<Long> unit = () -> unitAgency.get().id();
		Supplier<Long> event = AccessMatrix.once(() -> trainings
			.create(new Trainings.NewTraining(unit.get(), "briefing", "Phổ biến ma trận", null, LocalDate.parse(today),
					null, null))
			.id());
		Supplier<Long> attendee = AccessMatrix
			.once(() -> trainings
				.addAttendee(event.get(),
						new Trainings.NewAttendee(unitAgency.get().code(), "Người Ma Trận", null, null, null, null))
				.id());
		Supplier<Long> proposal = AccessMatrix.once(() -> proposed(proposals, unit.get(), year));
		Supplier<Long> fresh = () -> proposed(proposals, unit.get(), year);
		Supplier<Long> approved = () -> proposals
			.move(proposed(proposals, unit.get(), year), BudgetStatus.APPROVED, null)
			.id();
		// police record any agency's training; officers their own agencies'
		AccessMatrix.Scope records = (caller, matrix) -> caller.has(Role.POLICE) || matrix.writes(caller, unit.get());
		Supplier<String> person = () -> "Người " + AccessFixtures.unique("mt");

		// --- events and attendance
		m.api("GET", "/api/v1/trainings")
			.given(attendee)
			.permit(READERS)
			.query("size", 500)
			.listOf(jsonOwnedBy("$.items[*].id", EVENT_AGENCIES));
		m.api("POST", "/api/v1/trainings")
			.permit(WRITERS)
			.scope(reads(unit))
			.scope(records, 403)
			.json(() -> f.json("agencyId", unit.get(), "kind", "course", "topic", "Khóa ma trận", "heldFrom", today))
			.ok(201);
		m.api("GET", "/api/v1/trainings/{id}").with("id", event).permit(READERS).scope(reads(unit));
		m.api("POST", "/api/v1/trainings/{id}/attendees")
			.with("id", event)
			.permit(WRITERS)
			.scope(reads(unit))
			.scope(records, 400)
			.json(() -> f.json("agency", unitAgency.get().code(), "fullName", person.get()))
			.ok(201);
		m.api("POST", "/api/v1/trainings/{id}/attendance")
			.with("id", event)
			.permit(WRITERS)
			.scope(reads(unit))
			.file("file", "tham-du.csv",
					call -> "agency,full_name\n" + unitAgency.get().code() + "," + person.get() + "\n")
			.ok(202);
		m.api("GET", "/api/v1/trainings/attendees")
			.given(attendee)
			.permit(READERS)
			.query("size", 500)
			.listOf(json("$.items[*]", "agencyId"));
		m.api("GET", "/api/v1/trainings/people")
			.given(attendee)
			.permit(READERS)
			.query("size", 500)
			.listOf(json("$.items[*]", "agencyId"));
		m.api("GET", "/api/v1/trainings/reach")
			.given(attendee)
			.permit(READERS)
			.query("size", 500)
			.listOf(json("$.items[*]", "agencyId"));
		m.api("GET", "/api/v1/trainings/workforce/{agencyId}")
			.with("agencyId", unit)
			.permit(READERS)
			.scope(reads(unit));
		m.api("PUT", "/api/v1/trainings/workforce/{agencyId}")
			.with("agencyId", unit)
			.permit(WRITERS)
			.scope(reads(unit))
			.scope(records, 403)
			.json(() -> "{\"officials\": 40, \"workers\": 10}")
			.ok(200);

		// --- budget proposals
		m.api("GET", "/api/v1/budget-proposals")
			.given(proposal)
			.permit(READERS)
			.query("size", 500)
			.listOf(json("$.items[*]", "agencyId"));
		m.api("POST", "/api/v1/budget-proposals")
			.permit(WRITERS)
			.scope(reads(unit))
			.scope(records, 403)
			.json(() -> f.json("agencyId", unit.get(), "year", year, "title", "Đề xuất ma trận", "amountVnd", 1000))
			.ok(201);
		m.api("GET", "/api/v1/budget-proposals/{id}").with("id", proposal).permit(READERS).scope(reads(unit));
		m.api("POST", "/api/v1/budget-proposals/{id}/approve")
			.fresh("id", fresh)
			.permit(DECIDERS)
			.json(() -> "{}")
			.ok(200);
		m.api("POST", "/api/v1/budget-proposals/{id}/fund")
			.fresh("id", approved)
			.permit(DECIDERS)
			.json(() -> "{}")
			.ok(200);
		m.api("POST", "/api/v1/budget-proposals/{id}/reject")
			.fresh("id", fresh)
			.permit(DECIDERS)
			.json(() -> "{}")
			.ok(200);

		// --- pages
		m.page("GET", "/trainings")
			.given(attendee)
			.permit(READERS)
			.query("size", 500)
			.listOf(links("href=\"/trainings/(\\d+)\"", EVENT_AGENCIES));
		m.page("GET", "/trainings/new").permit(WRITERS);
		m.page("POST", "/trainings")
			.permit(WRITERS)
			.scope(reads(unit))
			.scope(records, 403)
			.form(() -> form("agencyId", unit.get().toString(), "kind", "campaign", "topic", "Tuyên truyền ma trận",
					"heldFrom", today))
			.ok(302);
		m.page("GET", "/trainings/{id}").with("id", event).permit(READERS).scope(reads(unit));
		m.page("POST", "/trainings/{id}/attendees")
			.with("id", event)
			.permit(WRITERS)
			.scope(reads(unit))
			.form(() -> form("agency", unitAgency.get().code(), "fullName", person.get()))
			.ok(302);
		m.page("POST", "/trainings/{id}/attendance")
			.with("id", event)
			.permit(WRITERS)
			.scope(reads(unit))
			.file("file", "tham-du.csv",
					call -> "agency,full_name\n" + unitAgency.get().code() + "," + person.get() + "\n")
			.ok(302);
		m.page("GET", "/trainings/reach")
			.given(attendee)
			.permit(READERS)
			.listOf(links("data-agency-id=\"(\\d+)\"", null));
		m.page("POST", "/trainings/workforce")
			.permit(WRITERS)
			.scope(reads(unit))
			.scope(records, 403)
			.form(() -> form("agencyId", unit.get().toString(), "officials", "30", "workers", "5"))
			.ok(302);
		m.page("GET", "/trainings/people")
			.given(attendee)
			.permit(READERS)
			.listOf(links("data-agency-id=\"(\\d+)\"", null));
		m.page("GET", "/budget-proposals")
			.given(proposal)
			.permit(READERS)
			.query("size", 500)
			.listOf(links("data-proposal-id=\"(\\d+)\"", PROPOSAL_AGENCY));
		m.page("POST", "/budget-proposals")
			.permit(WRITERS)
			.scope(reads(unit))
			.scope(records, 403)
			.form(() -> form("agencyId", unit.get().toString(), "year", String.valueOf(year), "title", "Đề xuất trang",
					"amountVnd", "5000"))
			.ok(302);
		m.page("POST", "/budget-proposals/{id}/transitions")
			.fresh("id", fresh)
			.permit(DECIDERS)
			.scope(reads(unit))
			.form(() -> form("to", "approved"))
			.ok(302);
	}

	private static long proposed(BudgetProposals proposals, long unit, int year) {
		return proposals.propose(new BudgetProposals.NewProposal(unit, year, "Đề xuất ma trận", null, 1_000_000L)).id();
	}

}
