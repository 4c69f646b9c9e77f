package vn.khien.monitoring.transport;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.khien.monitoring.transport.InProcessTransportTests.event;
import static vn.khien.monitoring.transport.InProcessTransportTests.seq;

/** Against a real broker ({@link KafkaBroker}), one topic and group per test. */
class KafkaTransportTests {

	private static final TransportSettings SETTINGS = TransportSettings.defaults()
		.withWorkers(1)
		.withBatchSize(100)
		.withRetryBackoff(Duration.ofMillis(20), Duration.ofMillis(100))
		.withStopTimeout(Duration.ofSeconds(20));

	private final List<KafkaTransport> transports = new ArrayList<>();

	private final String topic = "events-" + UUID.randomUUID();

	private KafkaTransport transport(int partitions, String group, TransportSettings settings) {
		KafkaTransport transport = new KafkaTransport(
				KafkaSettings.of(KafkaBroker.servers(), this.topic, partitions, group), settings);
		this.transports.add(transport);
		return transport;
	}

	@AfterEach
	void stop() {
		this.transports.forEach(KafkaTransport::stop);
	}

	private static Admin admin() {
		return Admin.create(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.servers()));
	}

	@Test
	void theTopicIsCreatedWithTheConfiguredPartitions() throws Exception {
		transport(6, "g-" + this.topic, SETTINGS).start((batch) -> {
		});

		try (Admin admin = admin()) {
			assertThat(admin.describeTopics(Set.of(this.topic)).allTopicNames().get().get(this.topic).partitions())
				.hasSize(6);
		}
	}

	@Test
	void publishRefusesWhileTheProducersBufferIsFull() {
		// 64 KB of buffer, no wait for room: 4 KB events in a loop outrun the broker
		KafkaTransport transport = new KafkaTransport(
				KafkaSettings.of(KafkaBroker.servers(), this.topic, 2, "g-" + this.topic)
					.withProducerBuffer(DataSize.ofKilobytes(64), Duration.ZERO, Map.of("batch.size", "16384")),
				SETTINGS);
		this.transports.add(transport);
		Set<UUID> handled = ConcurrentHashMap.newKeySet();
		transport.start((batch) -> batch.forEach((e) -> handled.add(e.id())));
		Set<UUID> accepted = new HashSet<>();
		for (int i = 0; i < 2000; i++) {
			RawEvent e = new RawEvent(1, i % 4, Instant.now(), "syslog", new byte[4096]);
			if (transport.publish(e)) {
				accepted.add(e.id());
			}
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> handled.size() == accepted.size());

		TransportCounters counters = transport.counters();
		assertThat(counters.refused()).isPositive();
		assertThat(counters.accepted()).isEqualTo(accepted.size()).isEqualTo(2000 - counters.refused());
		assertThat(handled).isEqualTo(accepted);
		assertThat(counters.lost()).isZero();
	}

	@Test
	void twoConsumersShareThePartitionsAndEachAgencyKeepsItsOrder() throws Exception {
		String group = "g-" + this.topic;
		Map<String, Set<Long>> agenciesByNode = new ConcurrentHashMap<>();
		Map<Long, List<Integer>> seqsByAgency = new ConcurrentHashMap<>();
		Set<UUID> handled = ConcurrentHashMap.newKeySet();
		KafkaTransport first = transport(4, group, SETTINGS);
		KafkaTransport second = transport(4, group, SETTINGS);
		for (KafkaTransport node : List.of(first, second)) {
			String name = (node == first) ? "first" : "second";
			node.start((batch) -> {
				for (RawEvent e : batch) {
					agenciesByNode.computeIfAbsent(name, (k) -> ConcurrentHashMap.newKeySet()).add(e.agencyId());
					seqsByAgency.computeIfAbsent(e.agencyId(), (k) -> Collections.synchronizedList(new ArrayList<>()))
						.add(seq(e));
					handled.add(e.id());
				}
			});
		}
		awaitMembersWithPartitions(group, 2);

		List<UUID> published = new ArrayList<>();
		for (int i = 0; i < 2000; i++) {
			RawEvent e = event(1 + i % 10, i);
			assertThat(first.publish(e) || second.publish(e)).isTrue();
			published.add(e.id());
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> handled.size() == published.size());

		assertThat(handled).containsExactlyInAnyOrderElementsOf(published);
		assertThat(agenciesByNode).containsOnlyKeys("first", "second");
		// one agency, one partition, one consumer: never handled by both
		assertThat(agenciesByNode.get("first")).doesNotContainAnyElementsOf(agenciesByNode.get("second"));
		assertThat(seqsByAgency).hasSize(10);
		seqsByAgency.forEach((agency, seqs) -> assertThat(seqs).hasSize(200).isSorted());
		assertThat(first.counters().handled() + second.counters().handled()).isEqualTo(2000);
		assertThat(first.counters().accepted() + second.counters().accepted()).isEqualTo(2000);
	}

	private static void awaitMembersWithPartitions(String group, int members) {
		try (Admin admin = admin()) {
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				ConsumerGroupDescription description = admin.describeConsumerGroups(Set.of(group))
					.describedGroups()
					.get(group)
					.get(10, TimeUnit.SECONDS);
				Collection<MemberDescription> all = description.members();
				return all.size() == members
						&& all.stream().allMatch((m) -> !m.assignment().topicPartitions().isEmpty());
			});
		}
	}

	@Test
	void aConsumerThatFailsMidBatchIsReplacedAndTheBatchDeliveredAgain() {
		String group = "g-" + this.topic;
		KafkaTransport failing = transport(2, group, SETTINGS);
		// what the alert writer would write, without and with its unique key
		List<UUID> written = new CopyOnWriteArrayList<>();
		Set<UUID> keyed = ConcurrentHashMap.newKeySet();
		List<RawEvent> firstBatchOfFailing = new CopyOnWriteArrayList<>();
		failing.start((batch) -> {
			if (firstBatchOfFailing.isEmpty()) {
				firstBatchOfFailing.addAll(batch);
			}
			for (RawEvent e : batch.subList(0, batch.size() / 2)) {
				written.add(e.id());
				keyed.add(e.id());
			}
			throw new IllegalStateException("worker dies halfway through its batch");
		});
		List<RawEvent> published = new ArrayList<>();
		for (int i = 0; i < 60; i++) {
			RawEvent e = event(1 + i % 3, i);
			assertThat(failing.publish(e)).isTrue();
			published.add(e);
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> failing.counters().failed() > 0);
		failing.stop();
		assertThat(failing.counters().handled()).isZero();

		KafkaTransport replacement = transport(2, group, SETTINGS);
		List<RawEvent> redelivered = new CopyOnWriteArrayList<>();
		replacement.start((batch) -> {
			redelivered.addAll(batch);
			for (RawEvent e : batch) {
				written.add(e.id());
				keyed.add(e.id());
			}
		});
		await().atMost(Duration.ofSeconds(30)).until(() -> keyed.size() == published.size());

		// at least once: the failing worker's batch comes again, whole, to the next
		assertThat(redelivered).containsAll(firstBatchOfFailing);
		assertThat(written).hasSizeGreaterThan(published.size());
		// the unique key makes it exactly once
		assertThat(keyed).containsExactlyInAnyOrderElementsOf(published.stream().map(RawEvent::id).toList());
		assertThat(redelivered).containsExactlyInAnyOrderElementsOf(published);
		assertThat(redelivered.stream().collect(Collectors.groupingBy(RawEvent::agencyId)))
			.allSatisfy((agency, events) -> assertThat(events).extracting(InProcessTransportTests::seq).isSorted());
	}

}
