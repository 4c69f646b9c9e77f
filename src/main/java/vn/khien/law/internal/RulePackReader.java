package vn.khien.law.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

import vn.khien.law.Fact;
import vn.khien.law.RulePack;
import vn.khien.law.RulePack.Approval;
import vn.khien.law.RulePack.Authority;
import vn.khien.law.RulePack.Condition;
import vn.khien.law.RulePack.Criterion;
import vn.khien.law.RulePack.DossierPart;
import vn.khien.law.RulePack.IncidentDeadline;
import vn.khien.law.RulePack.IncidentType;
import vn.khien.law.RulePack.SeriousIncident;
import vn.khien.law.RulePack.LegalText;
import vn.khien.law.RulePack.Level;
import vn.khien.law.RulePack.Obligation;
import vn.khien.law.RulePack.ObligationKind;
import vn.khien.law.RulePack.Requirement;
import vn.khien.law.RulePack.RequirementGroup;
import vn.khien.law.RulePack.RequirementKind;
import vn.khien.law.RulePack.Target;
import vn.khien.law.Source;
import vn.khien.law.TimeLimit;

/**
 * Reads one pack file (YAML) and checks it whole: a field missing or unknown, a level
 * outside 1–5, a requirement without a level, a value without a source, a fact or word
 * the criteria cannot weigh — each refused with the file and line. Overlaps between packs
 * are checked by the caller, which sees them all.
 */
public final class RulePackReader {

	private static final int MAX_CHARS = 2_000_000;

	private RulePackReader() {
	}

	public static RulePack read(String file, InputStream in) throws IOException {
		LoaderOptions options = new LoaderOptions();
		options.setAllowDuplicateKeys(false);
		options.setMaxAliasesForCollections(10);
		options.setNestingDepthLimit(40);
		options.setCodePointLimit(MAX_CHARS);
		Node root;
		try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
			root = new Yaml(new SafeConstructor(options)).compose(reader);
		}
		catch (MarkedYAMLException ex) {
			Mark mark = ex.getProblemMark() != null ? ex.getProblemMark() : ex.getContextMark();
			throw new PackException(file, mark == null ? 0 : mark.getLine() + 1, "law.pack.syntax",
					String.valueOf(ex.getProblem()));
		}
		catch (YAMLException ex) {
			throw new PackException(file, 0, "law.pack.syntax", String.valueOf(ex.getMessage()));
		}
		if (root == null) {
			throw new PackException(file, 0, "law.pack.empty");
		}
		return pack(file, new PackNode(root, file));
	}

	private static RulePack pack(String file, PackNode root) {
		var f = root.fields("id", "version", "title", "effective", "texts", "levels", "approvals", "dossierParts",
				"requirements", "targets", "obligations", "incidentDeadlines", "incidentTypes", "seriousIncident");
		String id = f.text("id");
		if (!id.matches("[a-z0-9][a-z0-9-]{0,63}")) {
			throw f.required("id").fail("law.pack.badId", id);
		}
		var period = f.required("effective").fields("from", "to");
		LocalDate from = date(period.required("from"));
		LocalDate to = period.optional("to") == null ? null : date(period.required("to"));
		if (to != null && to.isBefore(from)) {
			throw period.required("to").fail("law.pack.endsBeforeStart", to, from);
		}
		List<LegalText> texts = new ArrayList<>();
		for (PackNode n : f.required("texts").list()) {
			var t = n.fields("number", "title", "effective");
			texts.add(new LegalText(t.text("number"), t.text("title"),
					t.optional("effective") == null ? null : date(t.required("effective"))));
		}
		List<Level> levels = packLevels(f.required("levels"));
		return new RulePack(id, f.text("version"), f.text("title"), from, to, List.copyOf(texts), levels,
				approvals(f.required("approvals")), dossierParts(f.required("dossierParts")),
				requirements(f.required("requirements")),
				f.optional("targets") == null ? List.of() : targets(f.required("targets")),
				obligations(f.required("obligations")), deadlines(f.required("incidentDeadlines")),
				f.optional("incidentTypes") == null ? List.of() : incidentTypes(f.required("incidentTypes")),
				f.optional("seriousIncident") == null ? null : seriousIncident(f.required("seriousIncident")), file,
				List.of());
	}

	private static List<Level> packLevels(PackNode node) {
		List<Level> levels = new ArrayList<>();
		Set<Integer> seen = new HashSet<>();
		Set<String> ids = new HashSet<>();
		for (PackNode n : node.list()) {
			var l = n.fields("level", "name", "harm", "criteria");
			int level = level(l.required("level"));
			if (!seen.add(level)) {
				throw l.required("level").fail("law.pack.duplicateLevel", level);
			}
			List<Criterion> criteria = new ArrayList<>();
			for (PackNode c : l.required("criteria").list()) {
				var cf = c.fields("id", "text", "source", "when");
				String id = cf.text("id");
				if (!ids.add(id)) {
					throw cf.required("id").fail("law.pack.duplicateId", id);
				}
				criteria.add(new Criterion(id, level, cf.text("text"), source(cf.required("source")),
						conditions(cf.required("when"))));
			}
			if (criteria.isEmpty()) {
				throw l.required("criteria").fail("law.pack.noCriteria", level);
			}
			levels.add(new Level(level, l.text("name"), l.optionalText("harm"), List.copyOf(criteria)));
		}
		if (levels.isEmpty()) {
			throw node.fail("law.pack.noLevels");
		}
		return List.copyOf(levels);
	}

	private static List<Condition> conditions(PackNode node) {
		var fields = node.fields(java.util.Arrays.stream(Fact.values()).map(Fact::key).toArray(String[]::new));
		List<Condition> conditions = new ArrayList<>();
		for (Fact fact : Fact.values()) {
			PackNode value = fields.optional(fact.key());
			if (value != null) {
				conditions.add(condition(fact, value));
			}
		}
		if (conditions.isEmpty()) {
			throw node.fail("law.pack.noConditions");
		}
		return List.copyOf(conditions);
	}

	private static Condition condition(Fact fact, PackNode value) {
		if (fact.kind() == Fact.Kind.NUMBER) {
			if (!value.isMapping()) {
				long n = value.number();
				return new Condition(fact, Condition.Test.EQUALS, List.of(), n);
			}
			var f = value.fields("atLeast", "atMost", "below", "above");
			for (Condition.Test test : List.of(Condition.Test.AT_LEAST, Condition.Test.AT_MOST, Condition.Test.BELOW,
					Condition.Test.ABOVE)) {
				PackNode n = f.optional(camel(test));
				if (n != null) {
					return new Condition(fact, test, List.of(), n.number());
				}
			}
			throw value.fail("law.pack.noConditions");
		}
		List<String> words = new ArrayList<>();
		for (PackNode w : value.isList() ? value.list() : List.of(value)) {
			String word = w.text();
			if (!fact.words().contains(word)) {
				throw w.fail("law.pack.unknownWord", word, fact.key(), String.join(", ", fact.words()));
			}
			words.add(word);
		}
		return new Condition(fact, Condition.Test.ONE_OF, List.copyOf(words), 0);
	}

	private static String camel(Condition.Test test) {
		return switch (test) {
			case AT_LEAST -> "atLeast";
			case AT_MOST -> "atMost";
			case BELOW -> "below";
			case ABOVE -> "above";
			case ONE_OF, EQUALS -> test.name();
		};
	}

	private static List<Approval> approvals(PackNode node) {
		List<Approval> approvals = new ArrayList<>();
		Set<Integer> covered = new HashSet<>();
		for (PackNode n : node.list()) {
			var a = n.fields("levels", "appraiser", "approver", "note", "appraisalTime", "approvalTime", "source");
			List<Integer> levels = levels(a.required("levels"));
			for (int level : levels) {
				if (!covered.add(level)) {
					throw a.required("levels").fail("law.pack.duplicateLevel", level);
				}
			}
			approvals.add(new Approval(levels, authority(a.required("appraiser")), authority(a.required("approver")),
					a.optionalText("note"), limit(a.optional("appraisalTime"), null),
					limit(a.optional("approvalTime"), null), source(a.required("source"))));
		}
		return List.copyOf(approvals);
	}

	private static List<DossierPart> dossierParts(PackNode node) {
		List<DossierPart> parts = new ArrayList<>();
		Set<String> ids = new HashSet<>();
		for (PackNode n : node.list()) {
			var p = n.fields("id", "title", "levels", "source");
			String id = unique(p, ids);
			parts.add(new DossierPart(id, p.text("title"), levels(p.required("levels")), source(p.required("source"))));
		}
		return List.copyOf(parts);
	}

	private static List<RequirementGroup> requirements(PackNode node) {
		List<RequirementGroup> groups = new ArrayList<>();
		Set<String> ids = new HashSet<>();
		for (PackNode n : node.list()) {
			var g = n.fields("id", "kind", "title", "source", "items");
			String group = unique(g, ids);
			RequirementKind kind = word(g.required("kind"), RequirementKind.class);
			List<Requirement> items = new ArrayList<>();
			for (PackNode i : g.required("items").list()) {
				var r = i.fields("id", "title", "levels", "source");
				String id = unique(r, ids);
				items.add(new Requirement(id, group, r.text("title"), levels(r.required("levels")),
						source(r.required("source"))));
			}
			groups.add(new RequirementGroup(group, kind, g.text("title"), source(g.required("source")),
					List.copyOf(items)));
		}
		return List.copyOf(groups);
	}

	private static List<Target> targets(PackNode node) {
		List<Target> targets = new ArrayList<>();
		Set<String> ids = new HashSet<>();
		for (PackNode n : node.list()) {
			var t = n.fields("id", "title", "percent", "by", "source");
			String id = unique(t, ids);
			long percent = t.required("percent").number();
			if (percent < 0 || percent > 100) {
				throw t.required("percent").fail("law.pack.badPercent", percent);
			}
			targets.add(new Target(id, t.text("title"), (int) percent,
					t.optional("by") == null ? null : date(t.required("by")), source(t.required("source"))));
		}
		return List.copyOf(targets);
	}

	private static List<Obligation> obligations(PackNode node) {
		List<Obligation> obligations = new ArrayList<>();
		Set<String> ids = new HashSet<>();
		for (PackNode n : node.list()) {
			var o = n.fields("id", "kind", "title", "levels", "every", "due", "recipient", "scope", "source");
			String id = unique(o, ids);
			ObligationKind kind = word(o.required("kind"), ObligationKind.class);
			Source source = source(o.required("source"));
			List<Integer> levels = o.optional("levels") == null ? List.of() : levels(o.required("levels"));
			TimeLimit every = limit(o.optional("every"), source);
			MonthDay due = null;
			if (o.optional("due") != null) {
				var d = o.required("due").fields("month", "day");
				try {
					due = MonthDay.of((int) d.required("month").number(), (int) d.required("day").number());
				}
				catch (java.time.DateTimeException ex) {
					throw o.required("due").fail("law.pack.badDue");
				}
			}
			if (every == null && due == null) {
				throw o.owner().fail("law.pack.everyOrDue", id);
			}
			obligations.add(new Obligation(id, kind, o.text("title"), levels, every, due, o.optionalText("recipient"),
					o.optionalText("scope"), source));
		}
		return List.copyOf(obligations);
	}

	private static List<IncidentDeadline> deadlines(PackNode node) {
		List<IncidentDeadline> deadlines = new ArrayList<>();
		Set<String> ids = new HashSet<>();
		for (PackNode n : node.list()) {
			var d = n.fields("id", "title", "within", "from", "when", "recipient", "source");
			String id = unique(d, ids);
			Source source = source(d.required("source"));
			String from = d.text("from");
			if (!Set.of("discovery", "response_end").contains(from)) {
				throw d.required("from").fail("law.pack.unknownWord", from, "from", "discovery, response_end");
			}
			String when = d.optionalText("when");
			if (when != null && !Set.of("serious", "beyond_capability", "national_security").contains(when)) {
				throw d.required("when")
					.fail("law.pack.unknownWord", when, "when", "serious, beyond_capability, national_security");
			}
			deadlines.add(new IncidentDeadline(id, d.text("title"), limit(d.required("within"), source), from, when,
					d.optionalText("recipient"), source));
		}
		return List.copyOf(deadlines);
	}

	private static List<IncidentType> incidentTypes(PackNode node) {
		List<IncidentType> types = new ArrayList<>();
		Set<String> ids = new HashSet<>();
		Set<String> counted = new HashSet<>();
		for (PackNode n : node.list()) {
			var t = n.fields("id", "title", "taxonomy", "source");
			String id = unique(t, ids);
			List<String> taxonomy = new ArrayList<>();
			for (PackNode entry : t.required("taxonomy").list()) {
				String code = entry.text();
				if (!code.matches("[a-z0-9-]+/[a-z0-9-]+")) {
					throw entry.fail("law.pack.badTaxonomy", code);
				}
				// NB: one taxonomy type counts in one attack type, or the periodic report
				// counts twice
				if (!counted.add(code)) {
					throw entry.fail("law.pack.taxonomyTwice", code);
				}
				taxonomy.add(code);
			}
			types.add(new IncidentType(id, t.text("title"), List.copyOf(taxonomy), source(t.required("source"))));
		}
		return List.copyOf(types);
	}

	private static SeriousIncident seriousIncident(PackNode node) {
		var s = node.fields("levels", "impacts", "beyondCapability", "source");
		List<String> impacts = new ArrayList<>();
		for (PackNode entry : s.required("impacts").list()) {
			impacts.add(entry.text());
		}
		boolean beyond = s.optional("beyondCapability") != null && Boolean.parseBoolean(s.text("beyondCapability"));
		return new SeriousIncident(levels(s.required("levels")), List.copyOf(impacts), beyond,
				source(s.required("source")));
	}

	private static String unique(PackNode.Fields f, Set<String> ids) {
		String id = f.text("id");
		if (!ids.add(id)) {
			throw f.required("id").fail("law.pack.duplicateId", id);
		}
		return id;
	}

	/**
	 * A span; {@code inherited} is the source of the value it belongs to, where the span
	 * has none of its own. Without an amount the span must be marked not yet sourced.
	 */
	private static @Nullable TimeLimit limit(@Nullable PackNode node, @Nullable Source inherited) {
		if (node == null) {
			return null;
		}
		var t = node.fields("amount", "unit", "source");
		Source source = t.optional("source") == null ? inherited : source(t.required("source"));
		if (source == null) {
			throw node.fail("law.pack.missingField", "source");
		}
		Integer amount = null;
		if (t.optional("amount") != null) {
			long n = t.required("amount").number();
			if (n < 0 || n > 1000) {
				throw t.required("amount").fail("law.pack.badAmount", n);
			}
			amount = (int) n;
		}
		else if (source.sourced()) {
			throw node.fail("law.pack.amountUnsourced");
		}
		return new TimeLimit(amount, word(t.required("unit"), TimeLimit.Unit.class), source);
	}

	private static Source source(PackNode node) {
		var s = node.fields("document", "article", "status", "note");
		Source.Status status = s.optional("status") == null ? Source.Status.CONFIRMED
				: word(s.required("status"), Source.Status.class);
		String document = s.optionalText("document");
		String article = s.optionalText("article");
		String note = s.optionalText("note");
		if (status == Source.Status.CONFIRMED && (document == null || article == null)) {
			throw node.fail("law.pack.sourceIncomplete");
		}
		if (status != Source.Status.CONFIRMED && note == null) {
			throw node.fail("law.pack.sourceNote");
		}
		return new Source(document, article, status, note);
	}

	private static List<Integer> levels(PackNode node) {
		Set<Integer> levels = new java.util.TreeSet<>();
		for (PackNode n : node.list()) {
			if (!levels.add(level(n))) {
				throw n.fail("law.pack.duplicateLevel", n.text());
			}
		}
		if (levels.isEmpty()) {
			throw node.fail("law.pack.noLevel");
		}
		return List.copyOf(levels);
	}

	private static int level(PackNode node) {
		String text = node.text();
		if (!text.matches("[1-5]")) {
			throw node.fail("law.pack.unknownLevel", text);
		}
		return Integer.parseInt(text);
	}

	private static Authority authority(PackNode node) {
		return word(node, Authority.class);
	}

	private static <E extends Enum<E>> E word(PackNode node, Class<E> type) {
		String text = node.text();
		try {
			return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			List<String> known = java.util.Arrays.stream(type.getEnumConstants())
				.map(e -> e.name().toLowerCase(Locale.ROOT))
				.toList();
			throw node.fail("law.pack.unknownWord", text, type.getSimpleName(), String.join(", ", known));
		}
	}

	private static LocalDate date(PackNode node) {
		String text = node.text();
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw node.fail("law.pack.badDate", text);
		}
	}

}
