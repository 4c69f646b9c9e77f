package vn.khien.monitoring.transport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class InProcessTransportTests {

	private static final TransportSettings SETTINGS = TransportSettings.defaults()
		.withRetryBackoff(Duration.ofMillis(10), Duration.ofMillis(50))
		.withStopTimeout(Duration.ofSeconds(10));

	static RawEvent event(long agency, int seq) {
		return new RawEvent(7, agency, Instant.now(), "ndjson-line",
				(agency + "-" + seq).getBytes(StandardCharsets.UTF_8));
	}

	static int seq(RawEvent event) {
		String text = new String(event.payload(), StandardCharsets.UTF_8);
		return Integer.parseInt(text.substring(text.indexOf('-') + 1));
	}

	@Test
	void aBatchHoldsTheEventsInTheOrderTheyWerePublished() {
		InProcessTransport transport = new InProcessTransport(SETTINGS.withWorkers(1).withBatchSize(1000));
		List<RawEvent> published = IntStream.range(0, 300).mapToObj((i) -> event(1 + i % 3, i)).toList();
		published.forEach((e) -> assertThat(transport.publish(e)).isTrue());
		List<List<RawEvent>> batches = new CopyOnWriteArrayList<>();
		transport.start(batches::add);
		transport.stop();

		assertThat(batches).containsExactly(published);
		assertThat(transport.counters()).isEqualTo(new TransportCounters(300, 0, 0, 300, 0, 0));
	}

	@Test
	void eachAgencyKeepsItsOrderAcrossWorkersAndBatches() {
		InProcessTransport transport = new InProcessTransport(SETTINGS.withWorkers(3).withBatchSize(7));
		Map<Long, List<Integer>> seen = new ConcurrentHashMap<>();
		transport.start((batch) -> batch
			.forEach((e) -> seen.computeIfAbsent(e.agencyId(), (k) -> Collections.synchronizedList(new ArrayList<>()))
				.add(seq(e))));
		for (int i = 0; i < 1000; i++) {
			assertThat(transport.publish(event(i % 10, i))).isTrue();
		}
		transport.stop();

		assertThat(seen).hasSize(10);
		seen.forEach((agency, seqs) -> assertThat(seqs).hasSize(100).isSorted());
	}

	@Test
	void refusesWhenFullAndAfterStop() {
		InProcessTransport transport = new InProcessTransport(SETTINGS.withWorkers(1).withQueueCapacity(4));
		for (int i = 0; i < 4; i++) {
			assertThat(transport.publish(event(1, i))).isTrue();
		}
		assertThat(transport.publish(event(1, 4))).isFalse();

		List<RawEvent> handled = new CopyOnWriteArrayList<>();
		transport.start(handled::addAll);
		await().until(() -> handled.size() == 4);
		assertThat(transport.publish(event(1, 5))).isTrue();
		transport.stop();
		assertThat(transport.publish(event(1, 6))).isFalse();

		assertThat(handled).extracting(InProcessTransportTests::seq).containsExactly(0, 1, 2, 3, 5);
		assertThat(transport.counters()).isEqualTo(new TransportCounters(5, 2, 0, 5, 0, 0));
	}

	@Test
	void stopDrainsTheQueuesFirst() {
		InProcessTransport transport = new InProcessTransport(SETTINGS.withWorkers(2).withBatchSize(10));
		for (int i = 0; i < 5000; i++) {
			transport.publish(event(i % 5, i));
		}
		AtomicInteger handled = new AtomicInteger();
		transport.start((batch) -> {
			Thread.sleep(1);
			handled.addAndGet(batch.size());
		});
		transport.stop();

		assertThat(handled).hasValue(5000);
		assertThat(transport.counters().handled()).isEqualTo(5000);
		assertThat(transport.counters().lost()).isZero();
	}

	@Test
	void aBatchTheHandlerThrowsOnIsOfferedAgainWhole() {
		InProcessTransport transport = new InProcessTransport(SETTINGS.withWorkers(1).withBatchSize(50));
		List<RawEvent> published = IntStream.range(0, 20).mapToObj((i) -> event(3, i)).toList();
		published.forEach(transport::publish);
		List<List<RawEvent>> offered = new CopyOnWriteArrayList<>();
		transport.start((batch) -> {
			offered.add(batch);
			if (offered.size() == 1) {
				throw new IllegalStateException("database down");
			}
		});
		await().until(() -> transport.counters().handled() == 20);
		transport.stop();

		assertThat(offered).containsExactly(published, published);
		assertThat(transport.counters()).isEqualTo(new TransportCounters(20, 0, 0, 20, 20, 0));
	}

	@Test
	void stopGivesUpOnAHandlerThatNeverSucceedsAndCountsWhatItHeld() {
		InProcessTransport transport = new InProcessTransport(
				SETTINGS.withWorkers(1).withBatchSize(5).withStopTimeout(Duration.ofMillis(300)));
		for (int i = 0; i < 12; i++) {
			transport.publish(event(1, i));
		}
		transport.start((batch) -> {
			throw new IllegalStateException("always");
		});
		await().until(() -> transport.counters().failed() >= 10);
		transport.stop();

		assertThat(transport.counters().handled()).isZero();
		assertThat(transport.counters().lost()).isEqualTo(12);
	}

}
