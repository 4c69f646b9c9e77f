package vn.khien.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.UUID;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.khien.SignedIn;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import vn.khien.KhienTest;
import vn.khien.TestLogins;
import vn.khien.platform.security.AccountSecurity;
import vn.khien.platform.security.Totp;

@KhienTest
class AccountPagesTests {

	static final String PASSWORD = "account-pages-password";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestLogins logins;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	String freshUser() {
		String name = "acct-" + UUID.randomUUID().toString().substring(0, 8);
		accounts.create(
				new Accounts.NewAccount(name, "Người Dùng Thử", null, PASSWORD, EnumSet.of(Role.ASSESSOR), null, null));
		return name;
	}

	@Test
	void accountPageShowsWhoIAmInEitherLanguage() {
		SignedIn session = logins.session("officer");
		assertThat(mvc.get().uri("/account").with(session)).hasStatusOk()
			.bodyText()
			.contains("Lý Thị Y Tế")
			.contains("Cán bộ cơ quan, đơn vị")
			.contains("href=\"/account\"");
		assertThat(mvc.get().uri("/account?lang=en").with(session)).hasStatusOk()
			.bodyText()
			.contains("My account")
			.contains("Agency officer");
	}

	@Test
	void totpEnrolmentNeedsAValidCodeAndThenGuardsSignIn() {
		String username = freshUser();
		SignedIn session = logins.signIn(username, PASSWORD);
		var page = mvc.get().uri("/account/totp").with(session).exchange();
		assertThat(page).hasStatusOk().bodyText().contains("otpauth://totp/Kh");
		String secret = (String) logins.attribute(session, "khien.totp.pending");
		assertThat(secret).isNotNull();
		var totp = new Totp();
		String good = totp.codeAt(secret, Instant.now());

		assertThat(mvc.post()
			.uri("/account/totp")
			.with(session)
			.with(csrf())
			.param("code", good.equals("123456") ? "654321" : "123456")).hasStatusOk()
			.bodyText()
			.contains("is-invalid")
			.contains("Mã không đúng");
		assertThat(totpEnabled(username)).isFalse();

		assertThat(mvc.post().uri("/account/totp").with(session).with(csrf()).param("code", good))
			.hasStatus(HttpStatus.FOUND)
			.redirectedUrl()
			.isEqualTo("/account");
		assertThat(totpEnabled(username)).isTrue();

		// the code used to enrol cannot be used again to turn the second factor off
		assertThat(mvc.post()
			.uri("/account/totp/disable")
			.with(session)
			.with(csrf())
			.param("password", PASSWORD)
			.param("code", good)).hasStatusOk().bodyText().contains("is-invalid");
		assertThat(mvc.post()
			.uri("/account/totp/disable")
			.with(session)
			.with(csrf())
			.param("password", "wrong")
			.param("code", totp.codeAt(secret, Instant.now().plusSeconds(30)))).hasStatusOk()
			.bodyText()
			.contains("Mật khẩu không đúng");
		assertThat(totpEnabled(username)).isTrue();
		assertThat(mvc.post()
			.uri("/account/totp/disable")
			.with(session)
			.with(csrf())
			.param("password", PASSWORD)
			.param("code", totp.codeAt(secret, Instant.now().plusSeconds(30)))).hasStatus(HttpStatus.FOUND);
		assertThat(totpEnabled(username)).isFalse();
	}

	@Test
	void enrolmentPageShowsAQrCodeOfTheOtpauthAddressBesideTheKey() throws Exception {
		String username = freshUser();
		SignedIn session = logins.signIn(username, PASSWORD);
		String body = mvc.get()
			.uri("/account/totp")
			.with(session)
			.exchange()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		String secret = (String) logins.attribute(session, "khien.totp.pending");
		var img = Pattern.compile("<img id=\"totp-qr\"[^>]*src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"[^>]*>")
			.matcher(body);
		assertThat(img.find()).as("QR image in %s", body).isTrue();
		assertThat(img.group()).contains("alt=\"Mã QR để thêm tài khoản Khiên vào ứng dụng xác thực");
		assertThat(body).contains(AccountSecurity.grouped(secret));

		BufferedImage png = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(img.group(1))));
		int[] pixels = png.getRGB(0, 0, png.getWidth(), png.getHeight(), null, 0, png.getWidth());
		var bitmap = new BinaryBitmap(
				new HybridBinarizer(new RGBLuminanceSource(png.getWidth(), png.getHeight(), pixels)));
		// NB: the image is the code and its quiet zone only, as generated: read it as
		// such (no camera photo)
		assertThat(new QRCodeReader()
			.decode(bitmap, java.util.Map.of(com.google.zxing.DecodeHintType.PURE_BARCODE, Boolean.TRUE))
			.getText()).isEqualTo(Totp.otpauthUri(AccountSecurity.ISSUER, username, secret))
			.contains("secret=" + secret);

		assertThat(mvc.get().uri("/account/totp?lang=en").with(session)).hasStatusOk()
			.bodyText()
			.contains("alt=\"QR code for adding the Khiên account");
	}

	boolean totpEnabled(String username) {
		return accounts.findByUsername(username).orElseThrow().totpEnabled();
	}

	@Test
	void personalTokenIsShownOnceWorksAndCanBeRevoked() throws Exception {
		String username = freshUser();
		SignedIn session = logins.signIn(username, PASSWORD);
		assertThat(mvc.post()
			.uri("/account/tokens")
			.with(session)
			.with(csrf())
			.param("name", "script")
			.param("days", "400")).hasStatusOk().bodyText().contains("is-invalid").doesNotContain("new-token-value");
		assertThat(mvc.post().uri("/account/tokens").with(session).with(csrf()).param("name", "").param("days", "abc"))
			.hasStatusOk()
			.bodyText()
			.contains("is-invalid");

		String body = mvc.post()
			.uri("/account/tokens")
			.with(session)
			.with(csrf())
			.param("name", "my script")
			.param("days", "30")
			.exchange()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		var matcher = Pattern.compile("id=\"new-token-value\">(khn_[A-Za-z0-9_-]+)<").matcher(body);
		assertThat(matcher.find()).isTrue();
		String token = matcher.group(1);
		String stored = jdbc.sql("SELECT token_hash FROM api_token WHERE prefix = :p")
			.param("p", token.substring(0, 10))
			.query(String.class)
			.single();
		assertThat(stored).isNotEqualTo(token).hasSize(64);

		// authenticated (403, not 401): an assessor may not verify the audit chain
		assertThat(mvc.get().uri("/api/v1/audit/verify").header("Authorization", "Bearer " + token))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/account/tokens").with(session)).hasStatusOk()
			.bodyText()
			.contains("my script")
			.doesNotContain(token);

		long id = jdbc.sql("SELECT id FROM api_token WHERE prefix = :p")
			.param("p", token.substring(0, 10))
			.query(Long.class)
			.single();
		// someone else's token cannot be revoked
		assertThat(mvc.post().uri("/account/tokens/{id}/revoke", id).with(logins.session("operator")).with(csrf()))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.post().uri("/account/tokens/{id}/revoke", id).with(session).with(csrf()))
			.hasStatus(HttpStatus.FOUND);
		assertThat(mvc.get().uri("/api/v1/audit/verify").header("Authorization", "Bearer " + token))
			.hasStatus(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void passwordChangeChecksTheCurrentOneAndTheLength() {
		String username = freshUser();
		SignedIn session = logins.signIn(username, PASSWORD);
		assertThat(mvc.post()
			.uri("/account/password")
			.with(session)
			.with(csrf())
			.param("currentPassword", PASSWORD)
			.param("newPassword", "short")
			.param("confirmPassword", "short")).hasStatusOk()
			.bodyText()
			.contains("is-invalid")
			.contains("Mật khẩu phải có từ 12")
			.doesNotContain("value=\"short\"");
		assertThat(mvc.post()
			.uri("/account/password")
			.with(session)
			.with(csrf())
			.param("currentPassword", "wrong")
			.param("newPassword", "a-new-long-password")
			.param("confirmPassword", "a-new-long-password")).hasStatusOk().bodyText().contains("Mật khẩu không đúng");
		assertThat(mvc.post()
			.uri("/account/password")
			.with(session)
			.with(csrf())
			.param("currentPassword", PASSWORD)
			.param("newPassword", "a-new-long-password")
			.param("confirmPassword", "another-long-password")).hasStatusOk()
			.bodyText()
			.contains("Hai mật khẩu không khớp");
		assertThat(mvc.post()
			.uri("/account/password")
			.with(session)
			.with(csrf())
			.param("currentPassword", PASSWORD)
			.param("newPassword", "a-new-long-password")
			.param("confirmPassword", "a-new-long-password")).hasStatus(HttpStatus.FOUND);
		assertThat(logins.signIn(username, "a-new-long-password")).isNotNull();
	}

	@Test
	void totpRequiredForARoleSendsUnenrolledUsersToEnrolment() {
		String username = freshUser();
		SignedIn admin = logins.session("admin");
		try {
			assertThat(mvc.post()
				.uri("/admin/security")
				.with(admin)
				.with(csrf())
				.param("role", "ASSESSOR")
				.param("required", "true")).hasStatus(HttpStatus.FOUND);
			SignedIn session = logins.signIn(username, PASSWORD);
			assertThat(mvc.get().uri("/account").with(session)).hasStatus(HttpStatus.FOUND)
				.redirectedUrl()
				.isEqualTo("/account/totp");
			assertThat(mvc.get().uri("/").with(session)).hasStatus(HttpStatus.FOUND);
			assertThat(mvc.get().uri("/account/totp").with(session)).hasStatusOk()
				.bodyText()
				.contains("totp-must-enrol")
				.contains("data-reason=\"ROLE_POLICY\"")
				.contains("Vai trò của bạn bắt buộc xác thực hai yếu tố");
			assertThat(mvc.post()
				.uri("/api/v1/auth/token")
				.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
				.content("{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}"))
				.hasStatus(HttpStatus.FORBIDDEN)
				.bodyJson()
				.extractingPath("$.code")
				.isEqualTo("auth.totpEnrolmentRequired");
			assertThat(mvc.get().uri("/admin/security").with(admin)).hasStatusOk()
				.bodyText()
				.contains("data-role=\"ASSESSOR\"");
		}
		finally {
			assertThat(mvc.post()
				.uri("/admin/security")
				.with(admin)
				.with(csrf())
				.param("role", "ASSESSOR")
				.param("required", "false")).hasStatus(HttpStatus.FOUND);
		}
		assertThat(jdbc.sql(
				"SELECT COUNT(*) FROM audit_entry WHERE action = 'PERMISSION_CHANGE' AND entity_type = 'role_policy' AND entity_id = 'ASSESSOR'")
			.query(Long.class)
			.single()).isGreaterThanOrEqualTo(2);
		assertThat(mvc.get().uri("/account").with(logins.signIn(username, PASSWORD))).hasStatusOk();
	}

	@Test
	void roleWithoutAdminCannotChangeSecurityPolicy() {
		assertThat(mvc.post()
			.uri("/admin/security")
			.with(logins.session("operator"))
			.with(csrf())
			.param("role", "ASSESSOR")
			.param("required", "true")).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(
				jdbc.sql("SELECT totp_required FROM role_policy WHERE role = 'ASSESSOR'").query(Boolean.class).single())
			.isFalse();
	}

}
