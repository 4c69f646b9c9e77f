package vn.khien.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.EnumSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import tools.jackson.databind.json.JsonMapper;
import vn.khien.KhienTest;

@KhienTest
class LogSecrecyTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	JsonMapper json;

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void logsContainNeitherPasswordsNorTokens(CapturedOutput output) throws Exception {
		String username = "logs-" + UUID.randomUUID().toString().substring(0, 8);
		String password = "Secret-Password-" + UUID.randomUUID();
		String wrong = "Wrong-Password-" + UUID.randomUUID();
		accounts
			.create(new Accounts.NewAccount(username, "Logs", null, password, EnumSet.of(Role.ASSESSOR), null, null));

		mvc.post().uri("/login").param("username", username).param("password", wrong).with(csrf()).with(r -> {
			r.setRemoteAddr("10.30.0.1");
			return r;
		}).exchange();
		mvc.post().uri("/api/v1/auth/token").with(r -> {
			r.setRemoteAddr("10.30.0.1");
			return r;
		})
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"" + username + "\",\"password\":\"" + wrong + "\"}")
			.exchange();
		mvc.post().uri("/login").param("username", username).param("password", password).with(csrf()).exchange();
		String body = mvc.post()
			.uri("/api/v1/auth/token")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}")
			.exchange()
			.getResponse()
			.getContentAsString();
		String token = json.readTree(body).get("token").asString();
		mvc.get().uri("/api/v1/audit/verify").header("Authorization", "Bearer " + token).exchange();
		mvc.get().uri("/api/v1/audit/verify").header("Authorization", "Bearer " + token + "x").exchange();
		// a malformed body that echoes the password must not reach the log either
		mvc.post()
			.uri("/api/v1/auth/token")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"")
			.exchange();

		assertThat(token).startsWith("khn_");
		assertThat(output.getAll()).doesNotContain(password)
			.doesNotContain(wrong)
			.doesNotContain(token)
			.doesNotContain(token.substring(4));
	}

}
