package vn.khien.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumSet;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;

import vn.khien.KhienTest;
import vn.khien.platform.Accounts;
import vn.khien.platform.AuditLog;
import vn.khien.platform.DemoMode;
import vn.khien.platform.InvalidInputException;
import vn.khien.platform.KhienSettings;
import vn.khien.platform.KhienUser;
import vn.khien.platform.Role;
import vn.khien.platform.security.AccountSecurity.TotpRequirement;

/**
 * Outside demo mode an administrator must enrol a second factor; the shared context runs
 * in demo mode.
 */
@KhienTest
class AdministratorsSecondFactorTests {

	static final String PASSWORD = "admin-rule-test-password";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SignInRecords records;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	Accounts accounts;

	@Autowired
	AuditLog audit;

	@Autowired
	KhienSettings settings;

	@Autowired
	AuthenticationManager authentication;

	@Autowired
	ApiTokens tokens;

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	AccountSecurity security(boolean demo) {
		var demoMode = new DemoMode(new KhienSettings(settings.dataDir(), null, demo, null, null, settings.login(),
				settings.jobs(), settings.uploads(), settings.proxy()), new DataSourceProperties());
		return new AccountSecurity(jdbc, records, passwords, accounts, audit, demoMode);
	}

	KhienUser fresh(Role role) {
		String name = "rule-" + UUID.randomUUID().toString().substring(0, 8);
		return records.principal(accounts
			.create(new Accounts.NewAccount(name, "Quản Trị Thử", null, PASSWORD, EnumSet.of(role), null, null)));
	}

	/**
	 * Where the enrolment filter sends {@code user} asking for the home page, or null
	 * when it lets them through.
	 */
	String redirectOf(AccountSecurity security, KhienUser user) throws Exception {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
					PasswordSignIn.authorities(user.roles())));
		var response = new MockHttpServletResponse();
		new TotpEnrolmentFilter(security).doFilter(new MockHttpServletRequest("GET", "/"), response,
				new MockFilterChain());
		return response.getRedirectedUrl();
	}

	void token(AccountSecurity security, KhienUser user) {
		new AuthApi(authentication, tokens, settings, security)
			.token(new AuthApi.TokenRequest(user.username(), PASSWORD, null), new MockHttpServletRequest());
	}

	@Test
	void outsideDemoModeAnUnenrolledAdministratorMustEnrol() throws Exception {
		var security = security(false);
		var admin = fresh(Role.ADMIN);
		assertThat(security.totpRequirement(admin)).isEqualTo(TotpRequirement.ADMINISTRATOR);
		assertThat(security.enrolmentRequired(admin)).isTrue();
		assertThat(redirectOf(security, admin)).isEqualTo("/account/totp");
		assertThatThrownBy(() -> token(security, admin)).isInstanceOfSatisfying(InvalidInputException.class,
				ex -> assertThat(ex.status()).isEqualTo(403));

		String secret = security.newSecret();
		security.enableTotp(admin.id(), secret, new Totp().codeAt(secret, Instant.now()));
		assertThat(security.enrolmentRequired(admin)).isFalse();
		assertThat(redirectOf(security, admin)).isNull();
	}

	@Test
	void inDemoModeAnAdministratorIsNotAskedToEnrol() throws Exception {
		var security = security(true);
		var admin = fresh(Role.ADMIN);
		assertThat(security.totpRequirement(admin)).isEqualTo(TotpRequirement.NONE);
		assertThat(security.enrolmentRequired(admin)).isFalse();
		assertThat(redirectOf(security, admin)).isNull();
		token(security, admin);
	}

	@Test
	void outsideDemoModeOtherRolesFollowTheirPolicyOnly() throws Exception {
		var security = security(false);
		var officer = fresh(Role.ASSESSOR);
		assertThat(security.totpRequirement(officer)).isEqualTo(TotpRequirement.NONE);
		assertThat(redirectOf(security, officer)).isNull();
		token(security, officer);
	}

}
