package vn.khien.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import tools.jackson.databind.json.JsonMapper;
import vn.khien.KhienTest;
import vn.khien.platform.AuditLog;
import vn.khien.platform.KhienSettings;

@KhienTest
class ThrottledSignInsTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	ThrottledSignIns throttled;

	@Autowired
	AuditLog audit;

	@Autowired
	KhienSettings settings;

	@Autowired
	MeterRegistry meters;

	Duration window() {
		return settings.login().addressWindow();
	}

	void signIn(String address, String username) {
		mvc.post().uri("/api/v1/auth/token").with(request -> {
			request.setRemoteAddr(address);
			return request;
		})
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"%s\",\"password\":\"wrong\"}".formatted(username))
			.exchange();
	}

	/**
	 * The {@code refused} of each LOGIN_THROTTLED entry about the address, oldest first.
	 */
	List<Long> refusedEntries(String address) {
		return jdbc.sql("""
				SELECT after_state FROM audit_entry WHERE action = 'LOGIN_THROTTLED' AND entity_type = 'address'
				  AND entity_id = :address ORDER BY seq""")
			.param("address", address)
			.query(String.class)
			.list()
			.stream()
			.map(after -> json.readTree(after).get("refused").asLong())
			.toList();
	}

	long count(String action, String address) {
		return jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = :action AND address = :address")
			.param("action", action)
			.param("address", address)
			.query(Long.class)
			.single();
	}

	double refusedMeter() {
		return meters.get("khien.signin.refused").tag("reason", "throttled").counter().count();
	}

	@Test
	void twoHundredThrottledAttemptsWriteAFewEntriesThatAddUp() {
		String address = "10.20.5.1";
		int maxFailures = settings.login().maxFailuresPerAddress();
		for (int i = 0; i < maxFailures; i++) {
			signIn(address, "nobody-" + i);
		}
		double meterBefore = refusedMeter();
		for (int i = 0; i < 200; i++) {
			assertThat(mvc.post().uri("/api/v1/auth/token").with(request -> {
				request.setRemoteAddr(address);
				return request;
			})
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"username\":\"spray-%d\",\"password\":\"x\"}".formatted(i)))
				.hasStatus(HttpStatus.TOO_MANY_REQUESTS);
		}
		// the first refusal is written at once, the others are counted
		assertThat(refusedEntries(address)).containsExactly(1L);
		assertThat(count("LOGIN_FAILURE", address)).isEqualTo(maxFailures);
		assertThat(refusedMeter() - meterBefore).isEqualTo(200);

		throttled.flush(Instant.now().plus(window()).plusSeconds(1));

		List<Long> entries = refusedEntries(address);
		assertThat(entries).hasSizeLessThanOrEqualTo(3);
		assertThat(entries.stream().mapToLong(Long::longValue).sum()).isEqualTo(200);
		assertThat(jdbc.sql("""
				SELECT after_state FROM audit_entry WHERE action = 'LOGIN_THROTTLED' AND entity_id = :address
				ORDER BY seq DESC LIMIT 1""").param("address", address).query(String.class).single())
			.contains("\"usernames\":[\"spray-1\"");
	}

	@Test
	void countsCarryIntoTheNextEntryAndAnAddressWritesOnePerWindow() {
		String address = "10.20.6.1";
		Instant t0 = Instant.now();
		throttled.refused(address, "a", t0);
		assertThat(refusedEntries(address)).containsExactly(1L);
		for (int minute = 1; minute <= 3; minute++) {
			throttled.refused(address, "a", t0.plus(Duration.ofMinutes(minute)));
		}
		throttled.flush(t0.plus(window()).minusSeconds(1));
		assertThat(refusedEntries(address)).as("the window is still open").containsExactly(1L);

		// the first refusal after the window carries the three counted in it, and opens
		// the next window
		Instant t1 = t0.plus(window()).plusSeconds(10);
		throttled.refused(address, "b", t1);
		assertThat(refusedEntries(address)).containsExactly(1L, 4L);

		// a window that ends with nothing counted forgets the address; the next refusal
		// is written at once
		throttled.flush(t1.plus(window()).plusSeconds(1));
		assertThat(refusedEntries(address)).containsExactly(1L, 4L);
		Instant t2 = t1.plus(window()).plus(window());
		throttled.refused(address, "c", t2);
		throttled.refused(address, "c", t2.plusSeconds(1));
		throttled.refused(address, "d", t2.plusSeconds(2));
		assertThat(refusedEntries(address)).containsExactly(1L, 4L, 1L);

		// when the window ends with refusals counted, the flush writes them
		throttled.flush(t2.plus(window()));
		assertThat(refusedEntries(address)).containsExactly(1L, 4L, 1L, 2L);
		assertThat(refusedEntries(address).stream().mapToLong(Long::longValue).sum()).isEqualTo(8);
	}

	@Test
	void whatIsCountedIsWrittenAtShutdown() {
		String address = "10.20.7.1";
		var own = new ThrottledSignIns(audit, settings, new SimpleMeterRegistry());
		Instant now = Instant.now();
		for (int i = 0; i < 5; i++) {
			own.refused(address, "shutdown", now.plusSeconds(i));
		}
		assertThat(refusedEntries(address)).containsExactly(1L);
		own.flushAll();
		assertThat(refusedEntries(address)).containsExactly(1L, 4L);
	}

}
