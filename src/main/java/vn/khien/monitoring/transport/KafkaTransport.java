package vn.khien.monitoring.transport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.LongSerializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Events through a Kafka topic keyed by agency: the producer writes each event once
 * ({@code acks=all}, idempotent) into its agency's partition; the consumers of one group,
 * on every node, share the partitions and commit a batch's offsets only after the handler
 * returned, so a crash re-delivers what was not finished and loses nothing.
 */
public final class KafkaTransport implements EventTransport {

	private static final Logger log = LoggerFactory.getLogger(KafkaTransport.class);

	private static final Duration POLL = Duration.ofMillis(250);

	private final KafkaSettings kafka;

	private final TransportSettings settings;

	private final KafkaProducer<Long, byte[]> producer;

	private final Counters counters = new Counters();

	private final List<Thread> consumers = new ArrayList<>();

	private volatile boolean accepting = true;

	private volatile boolean running;

	private boolean started;

	public KafkaTransport(KafkaSettings kafka, TransportSettings settings) {
		if (!kafka.enabled()) {
			throw new IllegalArgumentException("khien.monitoring.kafka.bootstrap-servers is not set");
		}
		this.kafka = kafka;
		this.settings = settings;
		// NB: connects to nothing yet; start() fetches the topic's metadata
		this.producer = new KafkaProducer<>(producerConfig(), new LongSerializer(), new ByteArraySerializer());
	}

	private Map<String, Object> common() {
		Map<String, Object> config = new HashMap<>(this.kafka.client());
		config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, this.kafka.bootstrapServers());
		return config;
	}

	private Map<String, Object> producerConfig() {
		Map<String, Object> config = common();
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		config.put(ProducerConfig.BUFFER_MEMORY_CONFIG, this.kafka.bufferMemory().toBytes());
		config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, this.kafka.maxBlock().toMillis());
		config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, this.kafka.compression());
		config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
		config.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, 64 * 1024);
		config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "khien-events-producer");
		return config;
	}

	private Map<String, Object> consumerConfig(int index) {
		Map<String, Object> config = common();
		config.put(ConsumerConfig.GROUP_ID_CONFIG, this.kafka.groupId());
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, this.settings.batchSize());
		// a new group starts at the oldest event kept, published before any worker ran
		config.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		config.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "khien-events-consumer-" + index);
		return config;
	}

	@Override
	public boolean publish(RawEvent event) {
		if (!this.accepting) {
			this.counters.refused.increment();
			return false;
		}
		Delivery delivery = new Delivery();
		try {
			this.producer.send(new ProducerRecord<>(this.kafka.topic(), event.agencyId(), EventEnvelope.encode(event)),
					delivery);
		}
		catch (KafkaException | IllegalStateException | IllegalArgumentException ex) {
			// closed, or an event that cannot be written (a format hint too long)
			log.debug("Event refused by the producer", ex);
			this.counters.refused.increment();
			return false;
		}
		if (delivery.state.compareAndSet(Delivery.PENDING, Delivery.RETURNED)) {
			this.counters.accepted.increment();
			return true;
		}
		// failed before send returned: the buffer stayed full for max.block.ms
		this.counters.refused.increment();
		return false;
	}

	/**
	 * Tells a send that failed at once (a refusal) from one the brokers never confirmed
	 * (a loss).
	 */
	private final class Delivery implements Callback {

		static final int PENDING = 0;

		static final int RETURNED = 1;

		static final int FAILED_AT_ONCE = 2;

		final AtomicInteger state = new AtomicInteger(PENDING);

		@Override
		public void onCompletion(@Nullable RecordMetadata metadata, @Nullable Exception exception) {
			if (exception == null || this.state.compareAndSet(PENDING, FAILED_AT_ONCE)) {
				return;
			}
			KafkaTransport.this.counters.lost.increment();
			long lost = KafkaTransport.this.counters.lost.sum();
			if (lost == 1 || lost % 10_000 == 0) {
				log.warn("Kafka did not confirm an event ({} lost so far): {}", lost, exception.toString());
			}
		}

	}

	@Override
	public synchronized void start(EventHandler handler) {
		if (this.started) {
			throw new IllegalStateException("already started");
		}
		this.started = true;
		ensureTopic();
		awaitMetadata();
		this.running = true;
		for (int i = 0; i < this.settings.workers(); i++) {
			int index = i;
			Thread consumer = new Thread(() -> consume(handler, index), "khien-events-consumer-" + i);
			consumer.setDaemon(true);
			this.consumers.add(consumer);
			consumer.start();
		}
	}

	private void ensureTopic() {
		String topic = this.kafka.topic();
		try (Admin admin = Admin.create(common())) {
			int partitions = this.kafka.partitions();
			try {
				TopicDescription existing = admin.describeTopics(Set.of(topic)).topicNameValues().get(topic).get();
				partitions = existing.partitions().size();
				if (partitions < this.kafka.partitions()) {
					// NB: not grown here: that moves agencies to other partitions
					// (docs/soc-scale.md)
					log.warn("Topic {} has {} partitions, {} configured; grow it by hand", topic, partitions,
							this.kafka.partitions());
				}
			}
			catch (ExecutionException ex) {
				if (!(ex.getCause() instanceof UnknownTopicOrPartitionException)) {
					throw ex;
				}
				create(admin);
			}
			awaitLeaders(admin, partitions);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Cannot read or create topic " + topic, ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while creating topic " + topic, ex);
		}
	}

	private void create(Admin admin) throws InterruptedException, ExecutionException {
		try {
			admin
				.createTopics(Set
					.of(new NewTopic(this.kafka.topic(), this.kafka.partitions(), this.kafka.replicationFactor())))
				.all()
				.get();
			log.info("Created topic {} with {} partitions, replication {}", this.kafka.topic(), this.kafka.partitions(),
					this.kafka.replicationFactor());
		}
		catch (ExecutionException ex) {
			// another node made it first
			if (!(ex.getCause() instanceof TopicExistsException)) {
				throw ex;
			}
		}
	}

	/**
	 * Waits until each partition's leader answers for it. NB: the producer can learn of a
	 * new partition's leader before that broker acts as leader; an idempotent producer
	 * whose first request to an empty partition is refused (NOT_LEADER_OR_FOLLOWER) while
	 * its second one is written retries the first until it expires, and those events are
	 * lost (KAFKA-15591).
	 */
	private void awaitLeaders(Admin admin, int partitions) throws InterruptedException, ExecutionException {
		Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
		for (int i = 0; i < partitions; i++) {
			latest.put(new TopicPartition(this.kafka.topic(), i), OffsetSpec.latest());
		}
		long deadline = System.nanoTime() + this.settings.stopTimeout().toNanos();
		while (true) {
			try {
				admin.listOffsets(latest).all().get();
				return;
			}
			catch (ExecutionException ex) {
				if (!(ex.getCause() instanceof RetriableException) || System.nanoTime() > deadline) {
					throw ex;
				}
				TimeUnit.MILLISECONDS.sleep(50);
			}
		}
	}

	/**
	 * Fetches the topic's partitions once, so that publish never waits for them
	 * (max.block.ms is short).
	 */
	private void awaitMetadata() {
		long deadline = System.nanoTime() + this.settings.stopTimeout().toNanos();
		while (true) {
			try {
				this.producer.partitionsFor(this.kafka.topic());
				return;
			}
			catch (org.apache.kafka.common.errors.TimeoutException ex) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("No metadata for topic " + this.kafka.topic(), ex);
				}
				try {
					TimeUnit.MILLISECONDS.sleep(20);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException("Interrupted while waiting for topic " + this.kafka.topic(), ex);
				}
			}
		}
	}

	private void consume(EventHandler handler, int index) {
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig(index),
				new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
			new ConsumerLoop(consumer, handler).run();
		}
		catch (KafkaException ex) {
			if (this.running) {
				log.error("Kafka consumer {} stopped; its partitions go to the group's other consumers", index, ex);
			}
		}
	}

	/**
	 * One consumer's work: poll, handle, commit. Commits are asynchronous (a synchronous
	 * one per batch held a consumer to a few batches a second on a busy machine) and made
	 * synchronous when partitions are taken away and at the end, so that what was handled
	 * is committed before another consumer takes over. A commit that fails only means the
	 * events come again.
	 */
	private final class ConsumerLoop implements ConsumerRebalanceListener {

		private final KafkaConsumer<byte[], byte[]> consumer;

		private final EventHandler handler;

		/** The next offset to read, per partition, of what the handler finished. */
		private final Map<TopicPartition, OffsetAndMetadata> handled = new HashMap<>();

		ConsumerLoop(KafkaConsumer<byte[], byte[]> consumer, EventHandler handler) {
			this.consumer = consumer;
			this.handler = handler;
		}

		void run() {
			this.consumer.subscribe(List.of(KafkaTransport.this.kafka.topic()), this);
			Duration backoff = KafkaTransport.this.settings.retryBackoff();
			while (KafkaTransport.this.running) {
				ConsumerRecords<byte[], byte[]> records = this.consumer.poll(POLL);
				if (records.isEmpty()) {
					continue;
				}
				List<RawEvent> batch = decode(records);
				try {
					if (!batch.isEmpty()) {
						this.handler.handle(batch);
					}
				}
				catch (Exception ex) {
					KafkaTransport.this.counters.failed.add(batch.size());
					log.warn("Event handler failed on a batch of {}; it is offered again", batch.size(), ex);
					// back to the batch's first offsets: the next poll has it again
					for (TopicPartition partition : records.partitions()) {
						this.consumer.seek(partition, records.records(partition).get(0).offset());
					}
					sleepWhileRunning(backoff);
					backoff = min(backoff.multipliedBy(2), KafkaTransport.this.settings.maxRetryBackoff());
					continue;
				}
				KafkaTransport.this.counters.handled.add(batch.size());
				backoff = KafkaTransport.this.settings.retryBackoff();
				for (TopicPartition partition : records.partitions()) {
					List<ConsumerRecord<byte[], byte[]>> inPartition = records.records(partition);
					this.handled.put(partition,
							new OffsetAndMetadata(inPartition.get(inPartition.size() - 1).offset() + 1));
				}
				this.consumer.commitAsync(Map.copyOf(this.handled), (offsets, ex) -> {
					if (ex != null) {
						log.debug("Asynchronous commit failed; committed again later: {}", ex.toString());
					}
				});
			}
			commitNow(this.handled.keySet());
		}

		@Override
		public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
			// reading starts at the group's committed offsets
		}

		@Override
		public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
			commitNow(partitions);
		}

		@Override
		public void onPartitionsLost(Collection<TopicPartition> partitions) {
			// another consumer owns them: what we handled uncommitted comes again
			this.handled.keySet().removeAll(partitions);
		}

		private void commitNow(Collection<TopicPartition> partitions) {
			Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
			for (TopicPartition partition : partitions) {
				OffsetAndMetadata offset = this.handled.get(partition);
				if (offset != null) {
					offsets.put(partition, offset);
				}
			}
			this.handled.keySet().removeAll(List.copyOf(partitions));
			if (offsets.isEmpty()) {
				return;
			}
			try {
				this.consumer.commitSync(offsets);
			}
			catch (KafkaException ex) {
				log.warn("Could not commit handled events; they will be delivered again: {}", ex.toString());
			}
		}

	}

	private List<RawEvent> decode(ConsumerRecords<byte[], byte[]> records) {
		List<RawEvent> batch = new ArrayList<>(records.count());
		for (ConsumerRecord<byte[], byte[]> record : records) {
			try {
				batch.add(EventEnvelope.decode((record.value() != null) ? record.value() : new byte[0]));
			}
			catch (IllegalArgumentException ex) {
				// skipped and committed with the batch, or it blocks its partition
				this.counters.malformed.increment();
				log.warn("Skipped record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
						ex.getMessage());
			}
		}
		return batch;
	}

	private void sleepWhileRunning(Duration backoff) {
		long until = System.nanoTime() + backoff.toNanos();
		try {
			while (this.running && System.nanoTime() < until) {
				TimeUnit.MILLISECONDS.sleep(Math.min(50, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

	@Override
	public void stop() {
		List<Thread> running;
		synchronized (this) {
			if (!this.accepting) {
				return;
			}
			this.accepting = false;
			running = List.copyOf(this.consumers);
		}
		// accepted events reach the brokers first; unconfirmed ones count as lost
		this.producer.close(this.settings.stopTimeout());
		this.running = false;
		long deadline = System.nanoTime() + this.settings.stopTimeout().toNanos();
		for (Thread consumer : running) {
			try {
				long left = deadline - System.nanoTime();
				consumer.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
		for (Thread consumer : running) {
			if (consumer.isAlive()) {
				// its batch is not committed: the group delivers it again
				log.warn("Consumer {} still in its handler after {}; interrupted", consumer.getName(),
						this.settings.stopTimeout());
				consumer.interrupt();
			}
		}
	}

	@Override
	public TransportCounters counters() {
		return this.counters.snapshot();
	}

}
