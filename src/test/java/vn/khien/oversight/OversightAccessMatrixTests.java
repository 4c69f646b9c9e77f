package vn.khien.oversight;

import static vn.khien.AccessMatrix.reads;

import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import vn.khien.AccessFixtures;
import vn.khien.AccessMatrix;
import vn.khien.KhienTest;
import vn.khien.platform.Role;
import vn.khien.registry.Agency;

/**
 * The dashboard's and scorecards' handlers: read by the province's roles and by agency
 * officers within their scope (a unit of the health department: in {@code officer}'s
 * scope, out of {@code officer2}'s), written by nobody. One row per handler.
 */
@KhienTest
class OversightAccessMatrixTests implements AccessMatrix.Module {

	static final Role[] READERS = { Role.ADMIN, Role.PROVINCE_OPERATOR, Role.POLICE, Role.LEADERSHIP,
			Role.AGENCY_OFFICER };

	@Autowired
	ApplicationContext context;

	@Test
	void everyOversightHandlerAnswersEachCallerAsDeclared() {
		AccessMatrix.verify(this, context);
	}

	@Override
	public void declare(AccessMatrix m) {
		var f = new AccessFixtures(context);
		Supplier<Agency> unitRecord = AccessMatrix.once(() -> f.unit("SYT"));
		Supplier<Long> unit = () -> unitRecord.get().id();

		m.api("GET", "/api/v1/dashboard")
			.query("agency", () -> String.valueOf(unit.get()))
			.permit(READERS)
			.scope(reads(unit));
		m.api("GET", "/api/v1/scorecards").query("kind", "department").permit(READERS);
		m.api("GET", "/api/v1/scorecards/{agencyId}").with("agencyId", unit).permit(READERS).scope(reads(unit));
		m.page("GET", "/dashboard").permit(READERS);
		m.page("GET", "/scorecards").query("kind", "commune").permit(READERS);
		m.page("GET", "/scorecards/{agencyId}").with("agencyId", unit).permit(READERS).scope(reads(unit));
	}

}
