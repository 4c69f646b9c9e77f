package vn.khien.incident;

import static vn.khien.AccessFixtures.form;
import static vn.khien.AccessMatrix.jsonKeys;
import static vn.khien.AccessMatrix.linkKeys;

import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import vn.khien.AccessFixtures;
import vn.khien.AccessMatrix;
import vn.khien.KhienTest;
import vn.khien.platform.Role;

/**
 * The advisories' handlers, on advisories sent to a unit of the health department (its
 * officers and those above them are recipients, the education department's are not) and
 * to the demo provider: read by the team and the recipients only (the police and the
 * leadership read none), sent by the team, confirmed as read by the recipients (the team
 * gets 403). One row per handler.
 */
@KhienTest
class AdvisoryAccessMatrixTests implements AccessMatrix.Module {

	static final Role[] READERS = CoordinationAccessMatrixTests.READERS;

	static final Role[] TEAM = CoordinationAccessMatrixTests.TEAM;

	@Autowired
	ApplicationContext context;

	@Test
	void everyAdvisoryHandlerAnswersEachCallerAsDeclared() {
		AccessMatrix.verify(this, context);
	}

	@Override
	public void declare(AccessMatrix m) {
		var f = new AccessFixtures(context);
		var c = new CoordinationFixtures(context);
		Supplier<Long> unit = AccessMatrix.once(() -> f.unit("SYT").id());
		Supplier<Long> newAdvisory = () -> c.advisory(unit.get());
		Supplier<Long> advisory = AccessMatrix.once(newAdvisory);
		AccessMatrix.Scope received = (caller, mm) -> c.receivedAdvisory(mm, caller, advisory.get());
		AccessMatrix.Scope sees = AccessMatrix.having(TEAM).or(received);
		String body = "{\"title\": \"Cảnh báo\", \"body\": \"Nội dung\", \"agencyIds\": [%d]}";

		m.api("GET", "/api/v1/advisories")
			.given(advisory)
			.permit(READERS)
			.query("size", 500)
			.listOf(jsonKeys("$.items[*].id"), (caller, item) -> CoordinationFixtures.team(caller)
					|| c.receivedAdvisory(m, caller, (Long) item.key()));
		m.api("POST", "/api/v1/advisories").permit(TEAM).json(() -> body.formatted(unit.get())).ok(201);
		m.api("GET", "/api/v1/advisories/{id}").with("id", advisory).permit(READERS).scope(sees);
		m.api("POST", "/api/v1/advisories/{id}/read")
			.fresh("id", newAdvisory)
			.permit(READERS)
			.scope(sees)
			.scope(received, 403);

		m.page("GET", "/advisories")
			.given(advisory)
			.permit(READERS)
			.listOf(linkKeys("href=\"/advisories/(\\d+)\""), (caller, item) -> CoordinationFixtures.team(caller)
					|| c.receivedAdvisory(m, caller, (Long) item.key()));
		m.page("GET", "/advisories/new").permit(TEAM);
		m.page("POST", "/advisories")
			.permit(TEAM)
			.form(() -> form("title", "Cảnh báo", "body", "Nội dung", "tlp", "green", "agencyCodes", "SYT"))
			.ok(302);
		m.page("GET", "/advisories/{id}").with("id", advisory).permit(READERS).scope(sees);
		m.page("POST", "/advisories/{id}/read")
			.fresh("id", newAdvisory)
			.permit(READERS)
			.scope(sees)
			.scope(received, 403)
			.ok(302);
	}

}
