package vn.khien.monitoring.internal;

import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Semaphore;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;
import vn.khien.monitoring.AlertSeverity;
import vn.khien.monitoring.Alerts;
import vn.khien.monitoring.EventSources;
import vn.khien.monitoring.event.DecodeError;
import vn.khien.monitoring.event.DecodedEvent;
import vn.khien.monitoring.event.EventDecoder;
import vn.khien.monitoring.event.EventSink;
import vn.khien.monitoring.sigma.CorrelationMatch;
import vn.khien.monitoring.sigma.RuleMatch;
import vn.khien.platform.SystemPrincipal;

/**
 * The SOC's pipeline for one batch from one source: decode, place each event, keep it,
 * match it against the rules and correlations, write what fired; in one transaction, so
 * that an answer of success means everything is stored (a crash loses nothing accepted).
 * A bounded number of batches run at once; beyond it a batch is refused at once, and the
 * sender is told to come back.
 */
@Component
public class EventPipeline {

	/**
	 * What the pipeline runs as: it reads the whole inventory to place events, and writes
	 * alerts.
	 */
	static final SystemPrincipal PIPELINE = SystemPrincipal.of("monitoring-pipeline",
			SystemPrincipal.Permission.READ_PROVINCE, SystemPrincipal.Permission.WRITE_PROVINCE);

	/** Events placed, kept and matched per statement batch. */
	static final int CHUNK = 500;

	/** Refusals listed in an answer; the count goes on. */
	static final int ERRORS_LISTED = 100;

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final EventSources sources;

	private final RuleEngine engine;

	private final Attribution attribution;

	private final AlertWriter writer;

	private final Alerts alerts;

	private final MonitoringSettings settings;

	private final TransactionTemplate transactions;

	private final JsonMapper json;

	private final EventDecoder decoder;

	private final Semaphore slots;

	private final vn.khien.monitoring.transport.EventTransport transport;

	private final vn.khien.monitoring.transport.KafkaSettings kafka;

	EventPipeline(JdbcClient jdbc, JdbcTemplate template, EventSources sources, RuleEngine engine,
			Attribution attribution, AlertWriter writer, Alerts alerts, MonitoringSettings settings,
			PlatformTransactionManager transactions, JsonMapper json,
			vn.khien.monitoring.transport.EventTransport transport, vn.khien.monitoring.transport.KafkaSettings kafka) {
		this.transport = transport;
		this.kafka = kafka;
		this.jdbc = jdbc;
		this.template = template;
		this.sources = sources;
		this.engine = engine;
		this.attribution = attribution;
		this.writer = writer;
		this.alerts = alerts;
		this.settings = settings;
		this.transactions = new TransactionTemplate(transactions);
		this.json = json;
		this.decoder = new EventDecoder(vn.khien.monitoring.event.DecoderSettings.defaults()
			.withLimits(settings.maxEventBytes(), Math.max(settings.maxEventBytes(), 1024 * 1024)));
		this.slots = new Semaphore(settings.batchesAtOnce());
	}

	/**
	 * What became of a batch: events kept, refused (each listed up to a limit), alerts
	 * raised.
	 */
	public record Outcome(long accepted, long refused, List<Refusal> errors, long alerts) {
	}

	/** An input the decoder refused, with its line. */
	public record Refusal(long line, String code, String message) {
	}

	/** The pipeline is full: the sender should retry a little later. */
	public static class Saturated extends RuntimeException {

		Saturated() {
			super("the monitoring pipeline is saturated", null, false, false);
		}

	}

	/**
	 * Runs a batch, or refuses it at once when the pipeline is full.
	 * @param json JSON objects back to back (as evtx_dump writes them) rather than lines
	 * (NDJSON, syslog, CEF)
	 */
	public Outcome ingest(EventSources.Bound source, InputStream body, boolean json) {
		if (!slots.tryAcquire()) {
			throw new Saturated();
		}
		try {
			return PIPELINE.call(() -> run(source, body, json));
		}
		finally {
			slots.release();
		}
	}

	private Outcome run(EventSources.Bound source, InputStream body, boolean concatenated) {
		Collected collected = new Collected();
		if (concatenated) {
			decoder.decodeJson(body, collected);
		}
		else {
			decoder.decodeLines(body, collected);
		}
		return store(source, collected);
	}

	/**
	 * Largest piece of a bulk request put on Kafka as one record (its default limit is 1
	 * MB).
	 */
	static final int PIECE_BYTES = 256 * 1024;

	/**
	 * What went onto the transport of a bulk request, and the lines refused at once for
	 * being longer than an event may be.
	 */
	public record Queued(long pieces, long bytes, long refused) {
	}

	/**
	 * Puts a bulk request on the transport (Kafka), in pieces of whole lines (a body of
	 * JSON objects back to back goes whole, up to three pieces' worth); detection runs on
	 * the consumers. {@link Saturated} when the transport refuses a piece: the pieces
	 * before it were taken.
	 */
	public Queued queue(EventSources.Bound source, InputStream body, boolean json) throws java.io.IOException {
		long agency = source.agencyIds().get(0);
		Instant now = Instant.now();
		if (json) {
			byte[] all = body.readNBytes(PIECE_BYTES * 3 + 1);
			if (all.length > PIECE_BYTES * 3) {
				throw vn.khien.platform.InvalidInputException.withStatus(413, "monitoring.events.jsonTooLarge",
						PIECE_BYTES * 3);
			}
			publish(new vn.khien.monitoring.transport.RawEvent(source.id(), agency, now, RAW_JSON, all));
			return new Queued(1, all.length, 0);
		}
		// NB: a line longer than an event may be is refused here, as the consumers would
		// refuse it: in a piece it could pass Kafka's record limit and refuse the whole
		// request again at every retry
		int maxLine = settings.maxEventBytes();
		long pieces = 0;
		long bytes = 0;
		long refused = 0;
		java.io.ByteArrayOutputStream piece = new java.io.ByteArrayOutputStream(PIECE_BYTES + 1024);
		java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream(1024);
		boolean overlong = false;
		byte[] buffer = new byte[8192];
		int n;
		while ((n = body.read(buffer)) > 0) {
			int from = 0;
			for (int i = 0; i < n; i++) {
				if (buffer[i] != '\n') {
					continue;
				}
				if (overlong || line.size() + i - from > maxLine) {
					refused++;
				}
				else {
					line.writeTo(piece);
					piece.write(buffer, from, i + 1 - from);
				}
				line.reset();
				overlong = false;
				from = i + 1;
				if (piece.size() >= PIECE_BYTES) {
					bytes += piece.size();
					pieces++;
					publish(new vn.khien.monitoring.transport.RawEvent(source.id(), agency, now, RAW_LINES,
							piece.toByteArray()));
					piece.reset();
				}
			}
			if (!overlong && line.size() + n - from > maxLine) {
				overlong = true;
				line.reset();
			}
			else if (!overlong) {
				line.write(buffer, from, n - from);
			}
		}
		if (overlong) {
			refused++;
		}
		else {
			line.writeTo(piece);
		}
		if (piece.size() > 0) {
			bytes += piece.size();
			pieces++;
			publish(new vn.khien.monitoring.transport.RawEvent(source.id(), agency, now, RAW_LINES,
					piece.toByteArray()));
		}
		return new Queued(pieces, bytes, refused);
	}

	/**
	 * Whether bulk requests go through the transport (Kafka) rather than into the
	 * database at once.
	 */
	public boolean queues() {
		return kafka.enabled();
	}

	private void publish(vn.khien.monitoring.transport.RawEvent raw) {
		if (!transport.publish(raw)) {
			throw new Saturated();
		}
	}

	/**
	 * The formats of raw events: a bulk request's lines, its JSON objects, one syslog
	 * message.
	 */
	public static final String RAW_LINES = "lines";

	public static final String RAW_JSON = "json";

	public static final String RAW_SYSLOG = "syslog";

	/**
	 * Raw events a transport delivered (syslog messages, or a bulk request's lines when
	 * Kafka carries them), at least once: one already kept is passed over with what it
	 * raised. A batch that fails throws, and the transport offers it again.
	 */
	public void ingestRaw(List<vn.khien.monitoring.transport.RawEvent> batch) {
		PIPELINE.run(() -> {
			Map<Long, Collected> bySource = new java.util.LinkedHashMap<>();
			for (var raw : batch) {
				Collected collected = bySource.computeIfAbsent(raw.sourceId(), id -> new Collected());
				collected.from(raw.id().toString());
				switch (raw.format()) {
					case RAW_JSON -> decoder.decodeJson(new java.io.ByteArrayInputStream(raw.payload()), collected);
					case RAW_LINES -> decoder.decodeLines(new java.io.ByteArrayInputStream(raw.payload()), collected);
					default -> decoder.decodeMessage(raw.payload(), null, collected);
				}
			}
			for (var e : bySource.entrySet()) {
				vn.khien.monitoring.EventSource found = sources.get(e.getKey());
				store(new EventSources.Bound(found.id(), found.name(), found.agencyIds()), e.getValue());
			}
		});
	}

	/**
	 * What a batch decoded to: its events, and its refusals (listed up to a limit, all
	 * counted).
	 */
	private static final class Collected implements EventSink {

		final List<DecodedEvent> events = new ArrayList<>();

		/**
		 * Each event's key: random, or its raw event's id and place, so a re-delivery is
		 * known.
		 */
		final List<String> uids = new ArrayList<>();

		final List<Refusal> errors = new ArrayList<>();

		long refused;

		@Nullable String prefix;

		int within;

		void from(String rawId) {
			prefix = rawId;
			within = 0;
		}

		@Override
		public void accept(DecodedEvent event) {
			events.add(event);
			uids.add(prefix == null ? UUID.randomUUID().toString() : prefix + "#" + within++);
		}

		@Override
		public void reject(DecodeError error) {
			refused++;
			if (errors.size() < ERRORS_LISTED) {
				errors.add(new Refusal(error.line(), error.reason().code(), error.message()));
			}
		}

	}

	private Outcome store(EventSources.Bound source, Collected collected) {
		List<DecodedEvent> events = collected.events;
		long raised = transactions.execute(status -> {
			long count = 0;
			for (int from = 0; from < events.size(); from += CHUNK) {
				int to = Math.min(events.size(), from + CHUNK);
				count += chunk(source, events.subList(from, to), collected.uids.subList(from, to));
			}
			sources.count(source.id(), events.size(), collected.refused);
			return count;
		});
		return new Outcome(events.size(), collected.refused, collected.errors, raised);
	}

	private long chunk(EventSources.Bound source, List<DecodedEvent> given, List<String> givenUids) {
		// NB: a raw event delivered again was kept, with what it raised, by the batch
		// that stored it first
		java.util.Set<String> kept = new java.util.HashSet<>(
				jdbc.sql("SELECT event_uid FROM monitored_event WHERE event_uid IN (:u)")
					.param("u", givenUids)
					.query(String.class)
					.list());
		List<DecodedEvent> events = new ArrayList<>(given.size());
		List<String> uids = new ArrayList<>(given.size());
		for (int i = 0; i < given.size(); i++) {
			// NB: add answers false for an event kept before and for one twice in this
			// batch
			if (kept.add(givenUids.get(i))) {
				events.add(given.get(i));
				uids.add(givenUids.get(i));
			}
		}
		if (events.isEmpty()) {
			return 0;
		}
		List<Attribution.Place> places = attribution.place(events, source, source.id());
		List<Object[]> rows = new ArrayList<>(events.size());
		Instant now = Instant.now();
		for (int i = 0; i < events.size(); i++) {
			DecodedEvent e = events.get(i);
			Attribution.Place p = places.get(i);
			String uid = uids.get(i);
			Map<String, Object> ecs = e.ecs();
			rows.add(new Object[] { uid, p.agencyId(), p.systemId(), p.assetId(), source.id(),
					Timestamp.from(e.timestamp()), Timestamp.from(now), e.shape().name().toLowerCase(),
					clip(first(e.hostNames()), 255), clip(text(ecs, "source", "ip"), 64),
					clip(text(ecs, "destination", "ip"), 64), clip(text(ecs, "user", "name"), 255),
					clip(text(ecs, "event", "code"), 64), clip(json.writeValueAsString(ecs), 200_000),
					clip(e.original(), 200_000) });
		}
		template.batchUpdate(
				"""
						INSERT INTO monitored_event (event_uid, agency_id, system_id, asset_id, source_id, event_at, received_at,
						  kind, host_name, source_ip, destination_ip, user_name, event_code, ecs, original)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
				rows);
		RuleEngine.Compiled rules = engine.current();
		long raised = 0;
		Map<String, Long> ids = new HashMap<>();
		for (int i = 0; i < events.size(); i++) {
			DecodedEvent e = events.get(i);
			Attribution.Place p = places.get(i);
			long agency = p.agencyId() == null ? 0 : p.agencyId();
			List<RuleMatch> matches = rules.detector().match(e, agency);
			if (matches.isEmpty()) {
				continue;
			}
			long eventId = ids.computeIfAbsent(uids.get(i), this::idOf);
			for (RuleMatch m : matches) {
				RuleEngine.RuleInfo info = rules.rules()
					.get(vn.khien.monitoring.DetectionRules.uidOf(m.rule().id(), m.rule().name(), m.rule().fileName(),
							m.rule().line()));
				if (info == null || rules.offFor(agency, info.id())) {
					continue;
				}
				if (rules.correlator().standalone(m.rule())) {
					raised += write(info, p, first(e.hostNames()), first(e.hostNames()), eventId, e.timestamp());
				}
				List<CorrelationMatch> fired;
				synchronized (rules.correlator()) {
					fired = rules.correlator().accept(m, e, agency);
				}
				for (CorrelationMatch c : fired) {
					RuleEngine.RuleInfo correlation = rules.rules()
						.get(vn.khien.monitoring.DetectionRules.uidOf(c.correlation().id(), c.correlation().name(),
								c.correlation().fileName(), c.correlation().line()));
					if (correlation != null && !rules.offFor(agency, correlation.id())) {
						raised += write(correlation, p, first(e.hostNames()), c.group().toString(), eventId, c.last());
					}
				}
			}
		}
		return raised;
	}

	private long write(RuleEngine.RuleInfo info, Attribution.Place p, @Nullable String host, @Nullable String group,
			long eventId, Instant at) {
		AlertWriter.Written w = writer.write(new AlertWriter.Hit(info.id(), info.uid(), info.title(), info.author(),
				info.severity(), info.tags(), p.agencyId(), p.systemId(), p.assetId(), host, group, eventId, at));
		if (!w.raised()) {
			return 0;
		}
		AlertSeverity threshold = settings.autoEscalate();
		if (threshold != null && info.severity().compareTo(threshold) >= 0) {
			alerts.escalateAutomatically(w.alertId(), PIPELINE.getName());
		}
		return 1;
	}

	private long idOf(String uid) {
		return jdbc.sql("SELECT id FROM monitored_event WHERE event_uid = :u")
			.param("u", uid)
			.query(Long.class)
			.single();
	}

	/** A value of the ECS document by its path ({@code source}, {@code ip}), as text. */
	@SuppressWarnings("unchecked")
	static @Nullable String text(Map<String, Object> ecs, String... path) {
		Object node = ecs;
		for (String step : path) {
			if (!(node instanceof Map<?, ?> map)) {
				return null;
			}
			node = ((Map<String, Object>) map).get(step);
		}
		if (node instanceof List<?> list) {
			node = list.isEmpty() ? null : list.get(0);
		}
		return node == null || node instanceof Map ? null : node.toString();
	}

	static @Nullable String first(List<String> values) {
		return values.isEmpty() ? null : values.get(0).toLowerCase(java.util.Locale.ROOT);
	}

	static @Nullable String clip(@Nullable String text, int max) {
		return text == null || text.length() <= max ? text : text.substring(0, max);
	}

}
