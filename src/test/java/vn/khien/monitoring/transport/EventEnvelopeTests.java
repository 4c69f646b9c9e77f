package vn.khien.monitoring.transport;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EventEnvelopeTests {

	private final RawEvent event = new RawEvent(12, 345, Instant.parse("2026-12-02T01:02:03.456789Z"), "syslog",
			"<34>1 2026-12-02T01:02:03Z host app - - - hello".getBytes(StandardCharsets.UTF_8));

	@Test
	void anEventComesBackAsItWent() {
		byte[] bytes = EventEnvelope.encode(this.event);

		assertThat(EventEnvelope.decode(bytes)).isEqualTo(this.event);
		assertThat(bytes).hasSize(50 + "syslog".length() + this.event.payload().length);
	}

	@Test
	void aRecordThatIsNoEventSaysWhere() {
		byte[] bytes = EventEnvelope.encode(this.event);

		assertThatIllegalArgumentException().isThrownBy(() -> EventEnvelope.decode(Arrays.copyOf(bytes, 20)))
			.withMessageContaining("ends at byte 20");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> EventEnvelope.decode(Arrays.copyOf(bytes, bytes.length - 1)))
			.withMessageContaining("payload length");
		assertThatIllegalArgumentException().isThrownBy(() -> EventEnvelope.decode("{\"json\":1}".getBytes()))
			.withMessageContaining("version 123 at byte 0");
		assertThatIllegalArgumentException().isThrownBy(() -> EventEnvelope.decode(new byte[0]))
			.withMessageContaining("ends at byte 0");
	}

	@Test
	void idsAreVersion7AndOrderedByTime() {
		RawEvent earlier = new RawEvent(1, 1, Instant.parse("2026-01-01T00:00:00Z"), "syslog", new byte[0]);
		RawEvent later = new RawEvent(1, 1, Instant.parse("2026-01-01T00:00:01Z"), "syslog", new byte[0]);

		assertThat(earlier.id().version()).isEqualTo(7);
		assertThat(earlier.id().variant()).isEqualTo(2);
		assertThat(earlier.id().toString()).isLessThan(later.id().toString());
	}

}
