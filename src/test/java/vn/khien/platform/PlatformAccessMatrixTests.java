package vn.khien.platform;

import static vn.khien.AccessMatrix.allow;
import static vn.khien.AccessMatrix.everyone;

import java.util.EnumSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import vn.khien.AccessMatrix;
import vn.khien.KhienTest;
import vn.khien.TestLogins;

@KhienTest
class PlatformAccessMatrixTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestLogins logins;

	@Autowired
	Accounts accounts;

	private long fixtureUser() {
		String name = "matrix-" + UUID.randomUUID().toString().substring(0, 8);
		return accounts.create(new Accounts.NewAccount(name, "Matrix fixture", null, "matrix-fixture-password",
				EnumSet.of(Role.ASSESSOR), null, null));
	}

	@Test
	void apiEndpointsAnswerEachRoleAsDeclared() {
		long id = fixtureUser();
		String unique = "matrix-new-" + UUID.randomUUID().toString().substring(0, 8);
		AccessMatrix.api(mvc, logins)
			.expect("GET", "/api/v1/users", allow(200, "admin").otherwise(403))
			.expect("POST", "/api/v1/users", """
					{"username":"%s","displayName":"Matrix","password":"a-long-enough-password","roles":["ASSESSOR"]}"""
				.formatted(unique), allow(201, "admin").otherwise(403))
			.expect("GET", "/api/v1/users/" + id, allow(200, "admin").otherwise(403))
			.expect("PUT", "/api/v1/users/" + id, """
					{"displayName":"Matrix fixture","enabled":true}""", allow(200, "admin").otherwise(403))
			.expect("POST", "/api/v1/users/" + id + "/roles", """
					{"roles":["ASSESSOR"]}""", allow(200, "admin").otherwise(403))
			.expect("GET", "/api/v1/audit?size=1", allow(200, "admin", "police").otherwise(403))
			.expect("GET", "/api/v1/audit/verify", allow(200, "admin", "police").otherwise(403))
			.expect("GET", "/actuator/prometheus", allow(200, "admin").otherwise(403))
			.verify();
	}

	@Test
	void pagesAnswerEachRoleAsDeclared() {
		long id = fixtureUser();
		AccessMatrix.pages(mvc, logins)
			.expect("GET", "/", everyone(200).all())
			.expect("GET", "/account", everyone(200).all())
			.expect("GET", "/account/totp", everyone(200).all())
			.expect("GET", "/account/tokens", everyone(200).all())
			.expect("GET", "/account/password", everyone(200).all())
			.expect("GET", "/admin/users", allow(200, "admin").otherwise(403))
			.expect("GET", "/admin/users/new", allow(200, "admin").otherwise(403))
			.expect("GET", "/admin/users/" + id, allow(200, "admin").otherwise(403))
			.expect("POST", "/admin/users/" + id + "/unlock", allow(302, "admin").otherwise(403))
			.expect("GET", "/admin/security", allow(200, "admin").otherwise(403))
			.expect("POST", "/admin/security", "role=ASSESSOR&required=false", allow(302, "admin").otherwise(403))
			.expect("GET", "/audit", allow(200, "admin", "police").otherwise(403))
			.verify();
	}
}
