package vn.khien.platform;

import static vn.khien.AccessMatrix.OFFICER;
import static vn.khien.AccessMatrix.only;
import static vn.khien.AccessMatrix.having;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import com.jayway.jsonpath.JsonPath;

import vn.khien.AccessFixtures;
import vn.khien.AccessMatrix;
import vn.khien.AccessMatrix.Caller;
import vn.khien.AccessMatrix.Item;
import vn.khien.AccessMatrix.Scope;
import vn.khien.KhienTest;
import vn.khien.TestLogins;
import vn.khien.platform.security.AccountSecurity;
import vn.khien.platform.security.ApiTokens;
import vn.khien.platform.security.Totp;

/**
 * The platform's handlers: sign-in, accounts, users, audit, import jobs. One row per
 * handler.
 */
@KhienTest
class PlatformAccessMatrixTests implements AccessMatrix.Module {

	@Autowired
	ApplicationContext context;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestLogins logins;

	@Autowired
	Accounts accounts;

	@Autowired
	ApiTokens tokens;

	@Autowired
	AccountSecurity security;

	@Autowired
	JdbcClient jdbc;

	@Test
	void everyPlatformHandlerAnswersEachCallerAsDeclared() {
		AccessMatrix.verify(this, context);
	}

	private long user() {
		String name = AccessFixtures.unique("mx-user").toLowerCase();
		return accounts.create(new Accounts.NewAccount(name, "Matrix fixture", null, "matrix-fixture-password",
				EnumSet.of(Role.ASSESSOR), null, null));
	}

	/**
	 * A dry-run asset import into a unit of the health department, started and finished
	 * as {@code officer}.
	 */
	private ImportFixtures.Job previewByOfficer(AccessFixtures fixtures) {
		return new ImportFixtures(mvc, logins, fixtures).preview("officer", "SYT");
	}

	/**
	 * An import that failed (a bad address), started by {@code officer}: one a retry can
	 * be asked for.
	 */
	private ImportFixtures.Job failedByOfficer(AccessFixtures fixtures) {
		return new ImportFixtures(mvc, logins, fixtures).failed("officer", "SYT");
	}

	/**
	 * Jobs are seen by administrators and operators, and by their creator within the
	 * creator's scope.
	 */
	private static Scope jobOf(Caller creator, Supplier<Long> agency) {
		return having(Role.ADMIN, Role.PROVINCE_OPERATOR).or((c, m) -> c.equals(creator) && m.reads(c, agency.get()));
	}

	private record JobKey(String id, String createdBy) {
	}

	private static AccessMatrix.Listing jobs() {
		return (body, m) -> {
			List<Map<String, Object>> items = JsonPath.read(body, "$.items[*]");
			return items.stream().map(i -> {
				String id = (String) i.get("jobId");
				return new Item(new JobKey(id, (String) i.get("createdBy")),
						m.owners("SELECT agency_id FROM import_job WHERE id = :v AND agency_id IS NOT NULL", id));
			}).toList();
		};
	}

	/** The rows of the imports history, each the job it links to. */
	private AccessMatrix.Listing jobRows() {
		Pattern row = Pattern.compile("data-job-id=\"([0-9a-f-]{36})\"");
		return (body, m) -> row.matcher(body).results().map(r -> r.group(1)).distinct().map(id -> {
			String createdBy = jdbc.sql("SELECT created_by FROM import_job WHERE id = :id")
				.param("id", id)
				.query(String.class)
				.single();
			return new Item(new JobKey(id, createdBy),
					m.owners("SELECT agency_id FROM import_job WHERE id = :v AND agency_id IS NOT NULL", id));
		}).toList();
	}

	private static boolean jobVisible(Caller caller, Item item, AccessMatrix m) {
		JobKey key = (JobKey) item.key();
		return caller.has(Role.ADMIN) || caller.has(Role.PROVINCE_OPERATOR) || (key.createdBy().equals(caller.name())
				&& (item.agencies().isEmpty() || m.readsAny(caller, item.agencies())));
	}

	@Override
	public void declare(AccessMatrix m) {
		var fixtures = new AccessFixtures(context);
		Supplier<Long> user = AccessMatrix.once(this::user);
		Supplier<ImportFixtures.Job> job = AccessMatrix.once(() -> previewByOfficer(fixtures));
		Supplier<Long> jobAgency = () -> job.get().agencyId();

		// --- API
		m.api("POST", "/api/v1/auth/token").json(call -> {
			String username = call.caller().signedIn() ? call.account() : "assessor";
			return """
					{"username":"%s","password":"%s"}""".formatted(username, TestLogins.passwordOf(username));
		}).anonymous(200).ok(200);
		m.api("GET", "/api/v1/users").permit(Role.ADMIN);
		m.api("POST", "/api/v1/users")
			.permit(Role.ADMIN)
			.json(() -> """
					{"username":"%s","displayName":"Matrix","password":"a-long-enough-password","roles":["ASSESSOR"]}"""
				.formatted(AccessFixtures.unique("mx-new").toLowerCase()))
			.ok(201);
		m.api("GET", "/api/v1/users/{id}").with("id", user).permit(Role.ADMIN);
		m.api("PUT", "/api/v1/users/{id}").with("id", user).permit(Role.ADMIN).json(() -> """
				{"displayName":"Matrix fixture","enabled":true}""");
		m.api("POST", "/api/v1/users/{id}/roles").with("id", user).permit(Role.ADMIN).json(() -> """
				{"roles":["ASSESSOR"]}""");
		m.api("GET", "/api/v1/audit").query("size", 1).permit(Role.ADMIN, Role.POLICE);
		m.api("GET", "/api/v1/audit/verify").permit(Role.ADMIN, Role.POLICE);
		m.api("GET", "/api/v1/imports")
			.given(job)
			.query("size", 500)
			.listOf(jobs(), (c, item) -> jobVisible(c, item, m));
		m.api("GET", "/api/v1/imports/{jobId}").with("jobId", () -> job.get().id()).scope(jobOf(OFFICER, jobAgency));
		// NB: a preview is confirmed once and a job retried when failed, so each caller
		// let through gets its own
		m.api("POST", "/api/v1/imports/{jobId}/commit")
			.fresh("jobId", () -> previewByOfficer(fixtures).id())
			.permit(Role.ADMIN, Role.PROVINCE_OPERATOR, Role.AGENCY_OFFICER)
			.scope(jobOf(OFFICER, jobAgency))
			.ok(202);
		m.api("POST", "/api/v1/imports/{jobId}/retry")
			.fresh("jobId", () -> failedByOfficer(fixtures).id())
			.permit(Role.ADMIN, Role.PROVINCE_OPERATOR, Role.AGENCY_OFFICER)
			.scope(jobOf(OFFICER, jobAgency))
			.ok(202);
		m.api("GET", "/actuator/prometheus").servedOutsideMvc().permit(Role.ADMIN);

		// --- pages
		m.page("GET", "/login").anonymous(200);
		m.page("GET", "/login/denied").query("reason", "noRole").anonymous(200);
		m.page("GET", "/");
		m.page("GET", "/account");
		m.page("GET", "/account/totp");
		m.page("POST", "/account/totp").asClones(call -> {
			mvc.get().uri("/account/totp").with(call.session()).exchange();
			call.put("secret", logins.attribute(call.session(), "khien.totp.pending"));
		})
			.form(call -> Map.of("code",
					call.caller().signedIn() ? new Totp().codeAt(call.<String>get("secret"), Instant.now()) : "000000"))
			.ok(302);
		m.page("POST", "/account/totp/disable").asClones(call -> {
			String secret = Totp.newSecret();
			security.enableTotp(call.accountId(), secret, new Totp().codeAt(secret, Instant.now()));
			call.put("secret", secret);
		})
			.form(call -> Map.of("password", TestLogins.DEMO_PASSWORD, "code",
					call.caller().signedIn()
							? new Totp().codeAt(call.<String>get("secret"), Instant.now().plusSeconds(30)) : "000000"))
			.ok(302);
		m.page("GET", "/account/password");
		m.page("POST", "/account/password")
			.asClones()
			.form(() -> Map.of("currentPassword", TestLogins.DEMO_PASSWORD, "newPassword", "a-new-matrix-password",
					"confirmPassword", "a-new-matrix-password"))
			.ok(302);
		m.page("GET", "/account/tokens");
		m.page("POST", "/account/tokens")
			.form(() -> Map.of("name", "matrix", "days", "1"))
			.okBody("the new token", body -> body.contains("id=\"new-token\""));
		m.page("POST", "/account/tokens/{id}/revoke")
			.with("id",
					() -> tokens
						.issue(accounts.findByUsername("officer").orElseThrow().id(), ApiTokens.Kind.PERSONAL,
								"matrix revoke", Duration.ofDays(1))
						.id())
			.scope(only(OFFICER))
			.ok(302);
		m.page("GET", "/admin/users").permit(Role.ADMIN);
		m.page("GET", "/admin/users/new").permit(Role.ADMIN);
		m.page("POST", "/admin/users")
			.permit(Role.ADMIN)
			.form(() -> Map.of("username", AccessFixtures.unique("mx-page").toLowerCase(), "displayName", "Matrix",
					"password", "a-long-enough-password", "roles", "ASSESSOR"))
			.ok(302);
		m.page("GET", "/admin/users/{id}").with("id", user).permit(Role.ADMIN);
		m.page("POST", "/admin/users/{id}")
			.with("id", user)
			.permit(Role.ADMIN)
			.form(() -> Map.of("displayName", "Matrix fixture", "email", "", "agency", ""))
			.ok(302);
		m.page("POST", "/admin/users/{id}/roles")
			.with("id", user)
			.permit(Role.ADMIN)
			.form(() -> Map.of("roles", "ASSESSOR"))
			.ok(302);
		m.page("POST", "/admin/users/{id}/enable").with("id", user).permit(Role.ADMIN).ok(302);
		m.page("POST", "/admin/users/{id}/disable").fresh("id", this::user).permit(Role.ADMIN).ok(302);
		m.page("POST", "/admin/users/{id}/unlock").with("id", user).permit(Role.ADMIN).ok(302);
		m.page("POST", "/admin/users/{id}/reset-totp").with("id", user).permit(Role.ADMIN).ok(302);
		m.page("GET", "/admin/security").permit(Role.ADMIN);
		// NB: the value it has (false), so that no other test's sign-in starts asking for
		// a second factor
		m.page("POST", "/admin/security")
			.permit(Role.ADMIN)
			.form(() -> Map.of("role", "ASSESSOR", "required", "false"))
			.ok(302);
		m.page("GET", "/audit").permit(Role.ADMIN, Role.POLICE);
		m.page("GET", "/search").query("q", "so").listOf(AccessMatrix.links("href=\"/agencies/(\\d+)\"", null));
		m.page("GET", "/audit/export.csv").permit(Role.ADMIN, Role.POLICE);
		m.page("GET", "/imports").given(job).listOf(jobRows(), (c, item) -> jobVisible(c, item, m));
		m.page("GET", "/imports/{jobId}").with("jobId", () -> job.get().id()).scope(jobOf(OFFICER, jobAgency));
		m.page("POST", "/imports/{jobId}/commit")
			.fresh("jobId", () -> previewByOfficer(fixtures).id())
			.permit(Role.ADMIN, Role.PROVINCE_OPERATOR, Role.AGENCY_OFFICER)
			.scope(jobOf(OFFICER, jobAgency))
			.ok(302);
		m.page("POST", "/imports/{jobId}/retry")
			.fresh("jobId", () -> failedByOfficer(fixtures).id())
			.permit(Role.ADMIN, Role.PROVINCE_OPERATOR, Role.AGENCY_OFFICER)
			.scope(jobOf(OFFICER, jobAgency))
			.ok(302);
		m.page("GET", "/imports/{jobId}/events").with("jobId", () -> job.get().id()).scope(jobOf(OFFICER, jobAgency));
	}

}
