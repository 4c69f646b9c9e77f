package vn.khien.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import vn.khien.platform.Accounts;
import vn.khien.platform.Role;
import vn.khien.KhienTest;

@KhienTest
class TokenUseAuditTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	ApiTokens tokens;

	ApiTokens.Issued freshToken() {
		String username = "token-use-" + UUID.randomUUID().toString().substring(0, 8);
		long id = accounts.create(new Accounts.NewAccount(username, "Token " + username, null, "a-token-use-password",
				EnumSet.of(Role.ASSESSOR), null, null));
		return tokens.issue(id, ApiTokens.Kind.PERSONAL, "test", Duration.ofHours(2));
	}

	long tokenUses(long tokenId) {
		return jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'TOKEN_USE' AND entity_id = :id")
			.param("id", Long.toString(tokenId))
			.query(Long.class)
			.single();
	}

	void call(ApiTokens.Issued token) {
		assertThat(mvc.get().uri("/api/v1/reorganisations?size=1").header("Authorization", "Bearer " + token.token()))
			.hasStatusOk();
	}

	@Test
	void manyRequestsWithOneTokenWriteOneUseAnHour() {
		var token = freshToken();
		for (int i = 0; i < 25; i++) {
			call(token);
		}
		assertThat(tokenUses(token.id())).isEqualTo(1);
		Instant recorded = jdbc.sql("SELECT last_used_at FROM api_token WHERE id = :id")
			.param("id", token.id())
			.query(Timestamp.class)
			.single()
			.toInstant();

		jdbc.sql("UPDATE api_token SET last_used_at = :at WHERE id = :id")
			.param("at", Timestamp.from(recorded.minus(Duration.ofMinutes(61))))
			.param("id", token.id())
			.update();
		call(token);
		call(token);
		assertThat(tokenUses(token.id())).isEqualTo(2);
		assertThat(jdbc.sql("SELECT last_used_at FROM api_token WHERE id = :id")
			.param("id", token.id())
			.query(Timestamp.class)
			.single()
			.toInstant()).isAfterOrEqualTo(recorded);
	}

	@Test
	void concurrentRequestsRecordOneUse() throws Exception {
		var token = freshToken();
		int threads = 8;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			var start = new CountDownLatch(1);
			List<Future<Boolean>> answers = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				answers.add(pool.submit(() -> {
					start.await();
					return tokens.authenticate(token.token(), "GET", "/api/v1/concurrent").isPresent();
				}));
			}
			start.countDown();
			for (Future<Boolean> answer : answers) {
				assertThat(answer.get()).isTrue();
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(tokenUses(token.id())).isEqualTo(1);
	}

}
