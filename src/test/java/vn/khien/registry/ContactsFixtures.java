package vn.khien.registry;

import java.util.concurrent.atomic.AtomicInteger;

import vn.khien.SignedIn;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import vn.khien.TestLogins;
import vn.khien.registry.AgencyManagement.AgencyDetails;

/**
 * Uniquely-coded agencies and focal points for the contacts tests, and signed-in page
 * sessions.
 */
final class ContactsFixtures {

	private static final AtomicInteger SEQ = new AtomicInteger();

	private final AgencyManagement management;

	private final Agencies agencies;

	private final FocalPoints focalPoints;

	ContactsFixtures(AgencyManagement management, Agencies agencies, FocalPoints focalPoints) {
		this.management = management;
		this.agencies = agencies;
		this.focalPoints = focalPoints;
	}

	static String unique(String prefix) {
		return prefix + "-" + System.nanoTime() % 1_000_000 + "-" + SEQ.incrementAndGet();
	}

	long id(String code) {
		return agencies.findByCode(code).orElseThrow().id();
	}

	/**
	 * A new agency under the one with {@code parentCode} (outside a request: acts as the
	 * system).
	 */
	Agency agency(String prefix, String parentCode, AgencyKind kind) {
		String code = unique(prefix);
		return management
			.create(new AgencyDetails(code, "Đơn vị thử " + code, kind, id(parentCode), null, null, null, null, null));
	}

	FocalPoint focalPoint(long agencyId, FocalPointDuty duty, String name) {
		return focalPoints.create(new FocalPoint.Details(agencyId, duty, name, "Chuyên viên", "0912 345 678",
				"fp@example.invalid", null, false));
	}

	static SignedIn login(MockMvcTester mvc, String username) {
		return TestLogins.signIn(mvc, username, TestLogins.passwordOf(username));
	}

}
