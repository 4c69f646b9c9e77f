package vn.khien.monitoring.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.khien.monitoring.AlertSeverity;
import vn.khien.monitoring.DetectionRules;
import vn.khien.monitoring.sigma.Correlator;
import vn.khien.monitoring.sigma.Detector;
import vn.khien.monitoring.sigma.ParseResult;
import vn.khien.monitoring.sigma.ScopedFilter;
import vn.khien.monitoring.sigma.SigmaCorrelation;
import vn.khien.monitoring.sigma.SigmaRule;
import vn.khien.monitoring.sigma.SigmaRules;

/**
 * The loaded rules compiled for detection, recompiled when their generation moves (a
 * load, a rule turned on or off, here or on another node): checked at most every
 * {@link #CHECK_EVERY_MS}.
 */
@Component
class RuleEngine {

	private static final Logger log = LoggerFactory.getLogger(RuleEngine.class);

	static final long CHECK_EVERY_MS = 2_000;

	private final JdbcClient jdbc;

	private volatile @Nullable Compiled compiled;

	private volatile long checkedAt;

	RuleEngine(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** What an alert says of the rule that raised it. */
	record RuleInfo(long id, String uid, String title, @Nullable String author, AlertSeverity severity,
			List<String> tags) {
	}

	/**
	 * The rules as compiled: the detector, the correlator (fed by one thread at a time),
	 * what each rule is, and the rules each agency turned off.
	 */
	record Compiled(long generation, Detector detector, Correlator correlator, Map<String, RuleInfo> rules,
			Set<String> off) {

		boolean offFor(long agencyId, long ruleId) {
			return off.contains(agencyId + ":" + ruleId);
		}

	}

	Compiled current() {
		Compiled c = compiled;
		long now = System.currentTimeMillis();
		if (c == null || now - checkedAt > CHECK_EVERY_MS) {
			synchronized (this) {
				c = compiled;
				if (c == null || now - checkedAt > CHECK_EVERY_MS) {
					long generation = generation();
					checkedAt = now;
					if (c == null || c.generation() != generation) {
						c = compile(generation);
						compiled = c;
					}
				}
			}
		}
		return c;
	}

	/**
	 * A change on this node is compiled at the next batch, not after the check's
	 * interval.
	 */
	@org.springframework.transaction.event.TransactionalEventListener(fallbackExecution = true)
	void on(vn.khien.monitoring.DetectionRulesChanged changed) {
		checkedAt = 0;
	}

	private long generation() {
		// NB: the rules table holds thousands of rows, not millions: summed every few
		// seconds, never per event
		return jdbc.sql("SELECT COUNT(*) * 1000003 + COALESCE(SUM(version), 0) FROM detection_rule")
			.query(Long.class)
			.single();
	}

	private Compiled compile(long generation) {
		List<SigmaRule> rules = new ArrayList<>();
		List<SigmaCorrelation> correlations = new ArrayList<>();
		List<ScopedFilter> filters = new ArrayList<>();
		Map<String, RuleInfo> info = new HashMap<>();
		jdbc.sql(
				"SELECT id, rule_uid, kind, agency_id, title, author, level, tags, file_name, yaml, enabled FROM detection_rule")
			.query((rs, n) -> {
				if (!rs.getBoolean("enabled")) {
					return n;
				}
				String uid = rs.getString("rule_uid");
				long agency = rs.getLong("agency_id");
				boolean forAgency = !rs.wasNull();
				ParseResult parsed = SigmaRules.parse(rs.getString("file_name"),
						rs.getString("yaml").getBytes(StandardCharsets.UTF_8));
				String tags = rs.getString("tags");
				RuleInfo ruleInfo = new RuleInfo(rs.getLong("id"), uid, rs.getString("title"), rs.getString("author"),
						AlertSeverity.ofLevel(rs.getString("level")),
						tags == null || tags.isBlank() ? List.of() : List.of(tags.split(" ")));
				switch (rs.getString("kind")) {
					case "rule" -> parsed.rules()
						.stream()
						.filter(r -> uid.equals(DetectionRules.uidOf(r.id(), r.name(), r.fileName(), r.line())))
						.findFirst()
						.ifPresent(r -> {
							rules.add(r);
							info.put(uid, ruleInfo);
						});
					case "correlation" -> parsed.correlations()
						.stream()
						.filter(c -> uid.equals(DetectionRules.uidOf(c.id(), c.name(), c.fileName(), c.line())))
						.findFirst()
						.ifPresent(c -> {
							correlations.add(c);
							info.put(uid, ruleInfo);
						});
					default -> parsed.filters()
						.stream()
						.filter(f -> uid.equals(DetectionRules.uidOf(f.id(), null, f.fileName(), f.line())))
						.findFirst()
						.ifPresent(f -> filters
							.add(forAgency ? ScopedFilter.forAgencies(f, Set.of(agency)) : ScopedFilter.everywhere(f)));
				}
				return n;
			})
			.list();
		Set<String> off = new HashSet<>();
		jdbc.sql("SELECT agency_id, rule_id FROM detection_rule_off")
			.query((rs, n) -> off.add(rs.getLong(1) + ":" + rs.getLong(2)))
			.list();
		log.info("Detection rules compiled: {} rules, {} correlations, {} filters", rules.size(), correlations.size(),
				filters.size());
		return new Compiled(generation, Detector.compile(rules, filters), new Correlator(correlations), info, off);
	}

}
