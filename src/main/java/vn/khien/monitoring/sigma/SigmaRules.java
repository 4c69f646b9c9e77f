package vn.khien.monitoring.sigma;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import vn.khien.monitoring.event.LogSource;

/**
 * Reads Sigma files: each YAML document is a rule, a correlation or a meta filter (Sigma
 * 1 collections with {@code action: global / reset / repeat} are merged first). A
 * document that is wrong is refused with its file and line; the others still load.
 */
public final class SigmaRules {

	private static final Pattern TIMESPAN = Pattern.compile("(\\d{1,9})([smhdw])");

	private SigmaRules() {
	}

	public static ParseResult parse(String fileName, byte[] yaml) {
		List<SigmaRule> rules = new ArrayList<>();
		List<SigmaCorrelation> correlations = new ArrayList<>();
		List<SigmaFilter> filters = new ArrayList<>();
		List<RuleError> errors = new ArrayList<>();
		List<Yml> documents;
		try {
			documents = Yml.documents(yaml);
		}
		catch (SigmaException ex) {
			errors.add(new RuleError(fileName, ex.line(), ex.getMessage()));
			return new ParseResult(rules, correlations, filters, errors);
		}
		Yml.MapNode global = null;
		Yml.MapNode previous = null;
		for (Yml document : documents) {
			try {
				if (!(document instanceof Yml.MapNode map)) {
					throw new SigmaException(document.line(), "a document must be a map");
				}
				String action = text(map, "action");
				if ("global".equals(action)) {
					global = without(map, "action");
					continue;
				}
				if ("reset".equals(action)) {
					global = null;
					continue;
				}
				Yml.MapNode doc = map;
				if ("repeat".equals(action)) {
					if (previous == null) {
						throw new SigmaException(map.line(), "'action: repeat' with no document before it");
					}
					doc = previous.mergedWith(without(map, "action"));
				}
				else if (action != null) {
					throw new SigmaException(map.lineOf("action"), "unknown action '" + action + "'");
				}
				else if (global != null) {
					doc = global.mergedWith(map);
				}
				previous = doc;
				if (doc.get("correlation") != null) {
					correlations.add(correlation(fileName, doc));
				}
				else if (doc.get("filter") != null) {
					filters.add(filter(fileName, doc));
				}
				else {
					rules.add(rule(fileName, doc));
				}
			}
			catch (SigmaException ex) {
				errors.add(new RuleError(fileName, ex.line(), ex.getMessage()));
			}
		}
		if (documents.isEmpty()) {
			errors.add(new RuleError(fileName, 0, "no YAML document"));
		}
		return new ParseResult(rules, correlations, filters, errors);
	}

	private static Yml.MapNode without(Yml.MapNode map, String key) {
		Map<String, Yml.Entry> entries = new LinkedHashMap<>(map.entries());
		entries.remove(key);
		return new Yml.MapNode(entries, map.line());
	}

	private static SigmaRule rule(String fileName, Yml.MapNode doc) {
		String title = required(doc, "title");
		LogSource logSource = logSource(doc, true);
		Detection detection = DetectionParser.parse(doc.get("detection"), doc.line());
		return new SigmaRule(fileName, doc.line(), text(doc, "id"), text(doc, "name"), title, text(doc, "status"),
				text(doc, "level"), text(doc, "author"), text(doc, "description"), text(doc, "license"),
				text(doc, "date"), text(doc, "modified"), list(doc, "references"), list(doc, "tags"), logSource,
				list(doc, "falsepositives"), list(doc, "fields"), detection);
	}

	private static SigmaFilter filter(String fileName, Yml.MapNode doc) {
		String title = required(doc, "title");
		if (!(doc.get("filter") instanceof Yml.MapNode filter)) {
			throw new SigmaException(doc.lineOf("filter"), "'filter' must be a map");
		}
		List<String> rules = list(filter, "rules");
		if (rules.isEmpty()) {
			throw new SigmaException(filter.line(), "a filter needs 'rules': the rules it applies to");
		}
		Detection detection = DetectionParser.parse(without(filter, "rules"), filter.line());
		return new SigmaFilter(fileName, doc.line(), text(doc, "id"), title, text(doc, "description"),
				text(doc, "author"), logSource(doc, false), rules, detection);
	}

	private static SigmaCorrelation correlation(String fileName, Yml.MapNode doc) {
		String title = required(doc, "title");
		if (!(doc.get("correlation") instanceof Yml.MapNode body)) {
			throw new SigmaException(doc.lineOf("correlation"), "'correlation' must be a map");
		}
		String typeText = required(body, "type");
		SigmaCorrelation.Type type = switch (typeText) {
			case "event_count" -> SigmaCorrelation.Type.EVENT_COUNT;
			case "value_count" -> SigmaCorrelation.Type.VALUE_COUNT;
			case "temporal" -> SigmaCorrelation.Type.TEMPORAL;
			case "temporal_ordered" -> SigmaCorrelation.Type.TEMPORAL_ORDERED;
			case "value_sum", "value_avg", "value_percentile" ->
				throw new SigmaException(body.lineOf("type"), "correlation type '" + typeText + "' is not supported");
			default -> throw new SigmaException(body.lineOf("type"), "unknown correlation type '" + typeText + "'");
		};
		List<String> rules = list(body, "rules");
		if (rules.isEmpty()) {
			throw new SigmaException(body.line(), "a correlation needs 'rules'");
		}
		String span = required(body, "timespan");
		Matcher m = TIMESPAN.matcher(span.trim());
		if (!m.matches()) {
			throw new SigmaException(body.lineOf("timespan"),
					"timespan '" + span + "': expected a number and s, m, h or d");
		}
		long amount = Long.parseLong(m.group(1));
		Duration timespan = switch (m.group(2)) {
			case "s" -> Duration.ofSeconds(amount);
			case "m" -> Duration.ofMinutes(amount);
			case "h" -> Duration.ofHours(amount);
			case "d" -> Duration.ofDays(amount);
			default -> Duration.ofDays(7 * amount);
		};
		Yml conditionNode = body.get("condition");
		String field = null;
		SigmaCorrelation.Threshold threshold;
		boolean temporal = type == SigmaCorrelation.Type.TEMPORAL || type == SigmaCorrelation.Type.TEMPORAL_ORDERED;
		if (conditionNode == null) {
			if (!temporal) {
				throw new SigmaException(body.line(), "a " + typeText + " correlation needs a 'condition'");
			}
			threshold = new SigmaCorrelation.Threshold(null, (long) rules.size(), null, null, null, null);
		}
		else {
			if (!(conditionNode instanceof Yml.MapNode condition)) {
				throw new SigmaException(conditionNode.line(), "'condition' must be a map such as 'gte: 10'");
			}
			Long[] bounds = new Long[6];
			String[] names = { "gt", "gte", "lt", "lte", "eq", "neq" };
			for (Yml.Entry entry : condition.entries().values()) {
				if (entry.key().equals("field")) {
					field = text(condition, "field");
					continue;
				}
				int index = List.of(names).indexOf(entry.key());
				if (index < 0) {
					throw new SigmaException(entry.line(), "unknown condition '" + entry.key() + "'");
				}
				if (!(entry.value() instanceof Yml.Scalar scalar) || scalar.kind() != Yml.Kind.INT) {
					throw new SigmaException(entry.line(), "'" + entry.key() + "' needs a whole number");
				}
				bounds[index] = Long.parseLong(scalar.text().replace("_", ""));
			}
			threshold = new SigmaCorrelation.Threshold(bounds[0], bounds[1], bounds[2], bounds[3], bounds[4],
					bounds[5]);
			if (bounds[0] == null && bounds[1] == null && bounds[4] == null) {
				// NB: "fewer than N" is true from the first event on: deciding it needs
				// the window to close unseen
				throw new SigmaException(condition.line(),
						"a condition without gt, gte or eq (fewer than N events) is not supported: it needs absence detection");
			}
		}
		if (type == SigmaCorrelation.Type.VALUE_COUNT && field == null) {
			throw new SigmaException(body.lineOf("condition"),
					"a value_count correlation needs 'field' in its condition");
		}
		Map<String, Map<String, String>> aliases = new LinkedHashMap<>();
		if (body.get("aliases") instanceof Yml.MapNode aliasMap) {
			for (Yml.Entry alias : aliasMap.entries().values()) {
				if (!(alias.value() instanceof Yml.MapNode perRule)) {
					throw new SigmaException(alias.line(), "alias '" + alias.key() + "' must map rule names to fields");
				}
				Map<String, String> fields = new LinkedHashMap<>();
				for (Yml.Entry entry : perRule.entries().values()) {
					fields.put(entry.key(), text(perRule, entry.key()));
				}
				aliases.put(alias.key(), fields);
			}
		}
		boolean generate = false;
		if (body.get("generate") instanceof Yml.Scalar g) {
			generate = g.kind() == Yml.Kind.BOOL && g.text().equalsIgnoreCase("true");
		}
		if (doc.get("generate") instanceof Yml.Scalar g) {
			generate = g.kind() == Yml.Kind.BOOL && g.text().equalsIgnoreCase("true");
		}
		return new SigmaCorrelation(fileName, doc.line(), text(doc, "id"), text(doc, "name"), title,
				text(doc, "status"), text(doc, "level"), text(doc, "author"), text(doc, "description"),
				list(doc, "references"), list(doc, "tags"), type, rules, list(body, "group-by"), timespan, threshold,
				field, generate, aliases);
	}

	private static LogSource logSource(Yml.MapNode doc, boolean required) {
		Yml node = doc.get("logsource");
		if (node == null) {
			if (required) {
				throw new SigmaException(doc.line(), "missing 'logsource'");
			}
			return LogSource.UNKNOWN;
		}
		if (!(node instanceof Yml.MapNode map)) {
			throw new SigmaException(node.line(), "'logsource' must be a map");
		}
		return new LogSource(lower(text(map, "product")), lower(text(map, "category")), lower(text(map, "service")));
	}

	private static @Nullable String lower(@Nullable String text) {
		return text == null ? null : text.trim().toLowerCase(Locale.ROOT);
	}

	private static String required(Yml.MapNode map, String key) {
		String text = text(map, key);
		if (text == null || text.isBlank()) {
			throw new SigmaException(map.line(), "missing '" + key + "'");
		}
		return text;
	}

	private static @Nullable String text(Yml.MapNode map, String key) {
		Yml node = map.get(key);
		if (node == null || node instanceof Yml.Scalar s && s.kind() == Yml.Kind.NULL) {
			return null;
		}
		if (!(node instanceof Yml.Scalar scalar)) {
			throw new SigmaException(node.line(), "'" + key + "' must be text");
		}
		return scalar.text();
	}

	private static List<String> list(Yml.MapNode map, String key) {
		Yml node = map.get(key);
		List<String> values = new ArrayList<>();
		if (node instanceof Yml.Scalar scalar) {
			if (scalar.kind() != Yml.Kind.NULL) {
				values.add(scalar.text());
			}
		}
		else if (node instanceof Yml.Seq seq) {
			for (Yml item : seq.items()) {
				if (!(item instanceof Yml.Scalar scalar)) {
					throw new SigmaException(item.line(), "'" + key + "' must be a list of texts");
				}
				values.add(scalar.text());
			}
		}
		else if (node != null) {
			throw new SigmaException(node.line(), "'" + key + "' must be a list of texts");
		}
		return values;
	}

}
