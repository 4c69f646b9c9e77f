package vn.khien.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.EnumSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import vn.khien.KhienTest;
import vn.khien.TestLogins;

@KhienTest
class UserAdministrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestLogins logins;

	@Autowired
	Accounts accounts;

	@Autowired
	AuditTrail audit;

	static String unique() {
		return "ua-" + UUID.randomUUID().toString().substring(0, 8);
	}

	MockMvcTester.MockMvcRequestBuilder asAdmin(MockMvcTester.MockMvcRequestBuilder request, String json) {
		return request.header("Authorization", logins.bearer("admin"))
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content(json);
	}

	@Test
	void adminCreatesAUserAndTheAnswerCarriesNoSecrets() {
		String username = unique();
		var result = asAdmin(mvc.post().uri("/api/v1/users"), """
				{"username":"%s","displayName":"Nguyễn Thị Mới","email":"moi@example.vn",
				 "password":"a-long-enough-password","roles":["ASSESSOR"]}""".formatted(username)).exchange();
		assertThat(result).hasStatus(HttpStatus.CREATED).bodyJson().extractingPath("$.username").isEqualTo(username);
		assertThat(result).bodyText()
			.doesNotContainIgnoringCase("password")
			.doesNotContainIgnoringCase("secret")
			.doesNotContain("{bcrypt}");
		long id = accounts.findByUsername(username).orElseThrow().id();
		assertThat(mvc.get().uri("/api/v1/users?q=" + username).header("Authorization", logins.bearer("admin")))
			.hasStatusOk()
			.bodyJson()
			.extractingPath("$.total")
			.isEqualTo(1);
		assertThat(mvc.get().uri("/api/v1/users/{id}", id).header("Authorization", logins.bearer("admin")))
			.hasStatusOk()
			.bodyText()
			.doesNotContainIgnoringCase("hash")
			.doesNotContainIgnoringCase("secret");
		assertThat(audit
			.search(new AuditTrail.Filter(null, "CREATE", "user", String.valueOf(id), null, null),
					PageQuery.of(0, 5, null))
			.total()).isEqualTo(1);
	}

	@Test
	void garbageIsRefusedWithAProblemAndChangesNothing() {
		String username = unique();
		assertThat(asAdmin(mvc.post().uri("/api/v1/users"), "{\"username\": ")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.title")
			.isEqualTo("Unreadable input");
		assertThat(asAdmin(mvc.post().uri("/api/v1/users"), """
				{"username":"%s","displayName":"X","password":"short","roles":["ASSESSOR"]}""".formatted(username)))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("password");
		assertThat(asAdmin(mvc.post().uri("/api/v1/users"), """
				{"username":"%s","displayName":"X","password":"a-long-enough-password","roles":["KING"]}"""
			.formatted(username))).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(asAdmin(mvc.post().uri("/api/v1/users"),
				"""
						{"username":"%s","displayName":"%s","password":"a-long-enough-password","roles":["ASSESSOR"]}"""
					.formatted(username, "x".repeat(300))))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("displayName");
		assertThat(asAdmin(mvc.post().uri("/api/v1/users"),
				"""
						{"username":"%s","displayName":"X","password":"a-long-enough-password","roles":["AGENCY_OFFICER"]}"""
					.formatted(username)))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.detail")
			.isEqualTo("An agency officer must belong to an agency.");
		assertThat(accounts.exists(username)).isFalse();
		assertThat(asAdmin(mvc.post().uri("/api/v1/users"), """
				{"username":"officer","displayName":"X","password":"a-long-enough-password","roles":["ASSESSOR"]}"""))
			.hasStatus(HttpStatus.CONFLICT);
		assertThat(asAdmin(mvc.put().uri("/api/v1/users/999999999"), "{\"displayName\":\"X\",\"enabled\":true}"))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get()
			.uri("/api/v1/users/abc")
			.header("Authorization", logins.bearer("admin"))
			.header("Accept-Language", "vi")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.title")
			.isEqualTo("Yêu cầu không hợp lệ");
	}

	@Test
	void roleChangeIsAuditedAsPermissionChangeWithBeforeAndAfter() {
		long id = accounts.create(new Accounts.NewAccount(unique(), "Roles", null, "a-long-enough-password",
				EnumSet.of(Role.ASSESSOR), null, null));
		assertThat(asAdmin(mvc.post().uri("/api/v1/users/{id}/roles", id), "{\"roles\":[\"RESPONDER\",\"ASSESSOR\"]}"))
			.hasStatusOk()
			.bodyJson()
			.extractingPath("$.roles")
			.asArray()
			.containsExactlyInAnyOrder("RESPONDER", "ASSESSOR");
		var entries = audit.search(
				new AuditTrail.Filter("admin", "PERMISSION_CHANGE", "user", String.valueOf(id), null, null),
				PageQuery.of(0, 5, null));
		assertThat(entries.items()).hasSize(1);
		assertThat(entries.items().get(0).beforeState()).contains("ASSESSOR").doesNotContain("RESPONDER");
		assertThat(entries.items().get(0).afterState()).contains("RESPONDER");
	}

	@Test
	void adminCannotRemoveTheirOwnAdministratorRole() {
		long admin = accounts.findByUsername("admin").orElseThrow().id();
		assertThat(asAdmin(mvc.post().uri("/api/v1/users/{id}/roles", admin), "{\"roles\":[\"ASSESSOR\"]}"))
			.hasStatus(HttpStatus.CONFLICT);
		assertThat(accounts.rolesOf(admin)).contains(Role.ADMIN);
	}

	@Test
	void updateDisablesAndTheDisabledUserCannotSignIn() {
		String username = unique();
		long id = accounts.create(new Accounts.NewAccount(username, "Disable me", null, "a-long-enough-password",
				EnumSet.of(Role.ASSESSOR), null, null));
		assertThat(asAdmin(mvc.put().uri("/api/v1/users/{id}", id), """
				{"displayName":"Disabled","email":"","enabled":false}""")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.enabled")
			.isEqualTo(false);
		assertThat(mvc.post()
			.uri("/api/v1/auth/token")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"" + username + "\",\"password\":\"a-long-enough-password\"}"))
			.hasStatus(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void userPagesValidateNextToTheFieldAndKeepWhatWasTyped() {
		var admin = logins.session("admin");
		assertThat(mvc.post()
			.uri("/admin/users")
			.with(admin)
			.with(csrf())
			.param("username", "bad name!")
			.param("displayName", "Giữ Nguyên")
			.param("password", "short")).hasStatusOk()
			.bodyText()
			.contains("is-invalid")
			.contains("value=\"Giữ Nguy")
			.contains("Chọn ít nhất một vai trò")
			.doesNotContain("value=\"short\"");
		String username = unique();
		assertThat(mvc.post()
			.uri("/admin/users")
			.with(admin)
			.with(csrf())
			.param("username", username)
			.param("displayName", "Trang Mới")
			.param("password", "a-long-enough-password")
			.param("roles", "AGENCY_OFFICER")
			.param("agency", "NO-SUCH-AGENCY")).hasStatusOk().bodyText().contains("is-invalid");
		assertThat(mvc.post()
			.uri("/admin/users")
			.with(admin)
			.with(csrf())
			.param("username", username)
			.param("displayName", "Trang Mới")
			.param("password", "a-long-enough-password")
			.param("roles", "ASSESSOR")).hasStatus(HttpStatus.FOUND);
		long id = accounts.findByUsername(username).orElseThrow().id();
		assertThat(mvc.get().uri("/admin/users?q=" + username).with(admin)).hasStatusOk()
			.bodyText()
			.contains("Trang Mới");
		assertThat(mvc.post().uri("/admin/users/{id}/roles", id).with(admin).with(csrf())).hasStatusOk()
			.bodyText()
			.contains("Chọn ít nhất một vai trò");
		assertThat(mvc.post().uri("/admin/users/{id}/roles", id).with(admin).with(csrf()).param("roles", "RESPONDER"))
			.hasStatus(HttpStatus.FOUND);
		assertThat(accounts.rolesOf(id)).containsExactly(Role.RESPONDER);
		assertThat(mvc.post().uri("/admin/users/{id}/disable", id).with(admin).with(csrf()))
			.hasStatus(HttpStatus.FOUND);
		assertThat(accounts.find(id).orElseThrow().enabled()).isFalse();
		assertThat(mvc.get().uri("/admin/users/999999999").with(admin)).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void auditApiFiltersByActorActionAndDay() {
		String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toString();
		assertThat(mvc.get()
			.uri("/api/v1/audit?action=LOGIN_FAILURE&actor=nobody-at-all&from=" + today + "&to=" + today)
			.header("Authorization", logins.bearer("police"))).hasStatusOk()
			.bodyJson()
			.extractingPath("$.total")
			.isEqualTo(0);
		assertThat(mvc.get()
			.uri("/api/v1/audit?entityType=user&action=CREATE&size=2")
			.header("Authorization", logins.bearer("police"))).hasStatusOk()
			.bodyJson()
			.extractingPath("$.items[0].action")
			.isEqualTo("CREATE");
		assertThat(mvc.get().uri("/api/v1/audit?from=yesterday").header("Authorization", logins.bearer("admin")))
			.hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(mvc.get().uri("/audit?action=CREATE&entityType=user").with(logins.session("police"))).hasStatusOk()
			.bodyText()
			.contains("value=\"CREATE\"");
	}

}
