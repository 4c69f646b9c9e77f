package vn.khien.monitoring.sigma;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Compiles a {@code detection} map: search identifiers (maps linked by AND, lists by OR,
 * keyword lists), value modifiers applied in the order written, and the condition.
 */
final class DetectionParser {

	private static final Set<String> MODIFIERS = Set.of("contains", "startswith", "endswith", "all", "exists", "cased",
			"neq", "windash", "re", "i", "m", "s", "base64", "base64offset", "utf16le", "utf16be", "utf16", "wide",
			"lt", "lte", "gt", "gte", "cidr", "fieldref");

	private static final Set<String> UNSUPPORTED = Set.of("expand", "minute", "hour", "day", "week", "month", "year");

	private DetectionParser() {
	}

	static Detection parse(@Nullable Yml node, int ownerLine) {
		if (node == null) {
			throw new SigmaException(ownerLine, "missing 'detection'");
		}
		if (!(node instanceof Yml.MapNode map)) {
			throw new SigmaException(node.line(), "'detection' must be a map");
		}
		Yml condition = map.get("condition");
		if (condition == null) {
			throw new SigmaException(map.line(), "missing 'condition' in the detection");
		}
		Map<String, Selection> selections = new LinkedHashMap<>();
		for (Yml.Entry entry : map.entries().values()) {
			if (entry.key().equals("condition") || entry.key().equals("timeframe")) {
				continue;
			}
			selections.put(entry.key(), selection(entry.key(), entry.value(), entry.line()));
		}
		if (selections.isEmpty()) {
			throw new SigmaException(map.line(), "the detection has no search identifier");
		}
		List<String> texts = new ArrayList<>();
		if (condition instanceof Yml.Scalar scalar && scalar.kind() != Yml.Kind.NULL) {
			texts.add(scalar.text());
		}
		else if (condition instanceof Yml.Seq seq && !seq.items().isEmpty()) {
			for (Yml item : seq.items()) {
				if (!(item instanceof Yml.Scalar scalar)) {
					throw new SigmaException(item.line(), "a condition must be text");
				}
				texts.add(scalar.text());
			}
		}
		else {
			throw new SigmaException(condition.line(), "'condition' must be text or a list of texts");
		}
		Cond[] conds = new Cond[texts.size()];
		for (int i = 0; i < conds.length; i++) {
			conds[i] = ConditionParser.parse(texts.get(i), selections, condition.line());
		}
		return new Detection(selections.values().toArray(Selection[]::new),
				conds.length == 1 ? conds[0] : new Cond.Or(conds), texts);
	}

	private static Selection selection(String name, Yml value, int line) {
		List<Item[]> alternatives = new ArrayList<>();
		if (value instanceof Yml.MapNode map) {
			alternatives.add(items(map));
		}
		else if (value instanceof Yml.Seq seq) {
			if (seq.items().isEmpty()) {
				throw new SigmaException(line, "search identifier '" + name + "' is an empty list");
			}
			List<Yml.Scalar> keywords = new ArrayList<>();
			for (Yml item : seq.items()) {
				if (item instanceof Yml.MapNode map) {
					alternatives.add(items(map));
				}
				else if (item instanceof Yml.Scalar scalar && scalar.kind() != Yml.Kind.NULL) {
					keywords.add(scalar);
				}
				else {
					throw new SigmaException(item.line(),
							"search identifier '" + name + "': a list holds maps or keywords");
				}
			}
			if (!keywords.isEmpty()) {
				alternatives.add(new Item[] { keywords(keywords, List.of()) });
			}
		}
		else if (value instanceof Yml.Scalar scalar && scalar.kind() != Yml.Kind.NULL) {
			alternatives.add(new Item[] { keywords(List.of(scalar), List.of()) });
		}
		else {
			throw new SigmaException(line, "search identifier '" + name + "' must be a map, a list or a keyword");
		}
		return new Selection(name, alternatives.toArray(Item[][]::new));
	}

	private static Item[] items(Yml.MapNode map) {
		if (map.entries().isEmpty()) {
			throw new SigmaException(map.line(), "an empty map in a search identifier");
		}
		List<Item> items = new ArrayList<>();
		for (Yml.Entry entry : map.entries().values()) {
			items.add(item(entry));
		}
		return items.toArray(Item[]::new);
	}

	private static List<Yml.Scalar> values(Yml value, String key) {
		List<Yml.Scalar> values = new ArrayList<>();
		if (value instanceof Yml.Scalar scalar) {
			values.add(scalar);
		}
		else if (value instanceof Yml.Seq seq) {
			for (Yml item : seq.items()) {
				if (!(item instanceof Yml.Scalar scalar)) {
					throw new SigmaException(item.line(), "'" + key + "': values must be plain values");
				}
				values.add(scalar);
			}
		}
		else {
			throw new SigmaException(value.line(), "'" + key + "': a field takes a value or a list of values");
		}
		if (values.isEmpty()) {
			throw new SigmaException(value.line(), "'" + key + "': an empty list of values");
		}
		return values;
	}

	private static Item item(Yml.Entry entry) {
		String[] parts = entry.key().split("\\|", -1);
		String field = parts[0];
		List<String> mods = new ArrayList<>();
		for (int i = 1; i < parts.length; i++) {
			String mod = parts[i];
			if (UNSUPPORTED.contains(mod)) {
				throw new SigmaException(entry.line(), "modifier '" + mod + "' is not supported");
			}
			if (!MODIFIERS.contains(mod)) {
				throw new SigmaException(entry.line(), "unknown modifier '" + mod + "' in '" + entry.key() + "'");
			}
			if ((mod.equals("i") || mod.equals("m") || mod.equals("s")) && !mods.contains("re")) {
				throw new SigmaException(entry.line(), "modifier '" + mod + "' only follows 're'");
			}
			mods.add(mod);
		}
		List<Yml.Scalar> values = values(entry.value(), entry.key());
		if (field.isEmpty()) {
			return keywords(values, mods);
		}
		return field(field, mods, values, entry);
	}

	private static Item field(String field, List<String> mods, List<Yml.Scalar> values, Yml.Entry entry) {
		int line = entry.line();
		boolean cased = mods.contains("cased");
		boolean all = mods.contains("all");
		boolean neq = mods.contains("neq");
		if (mods.contains("exists")) {
			if (values.size() != 1 || values.get(0).kind() != Yml.Kind.BOOL || mods.size() > 1) {
				throw new SigmaException(line, "'exists' takes true or false alone");
			}
			return new Item.Field(field, new ValueTest[0], false, false, false, bool(values.get(0).text()));
		}
		List<ValueTest> tests = new ArrayList<>();
		boolean absent = false;
		if (mods.contains("re")) {
			for (String mod : mods) {
				if (!Set.of("re", "i", "m", "s", "all", "neq", "cased").contains(mod)) {
					throw new SigmaException(line, "'re' does not combine with '" + mod + "'");
				}
			}
			int flags = (mods.contains("i") ? com.google.re2j.Pattern.CASE_INSENSITIVE : 0)
					| (mods.contains("m") ? com.google.re2j.Pattern.MULTILINE : 0)
					| (mods.contains("s") ? com.google.re2j.Pattern.DOTALL : 0);
			for (Yml.Scalar value : values) {
				try {
					tests.add(new ValueTest.Regex(com.google.re2j.Pattern.compile(value.text(), flags)));
				}
				catch (com.google.re2j.PatternSyntaxException ex) {
					throw new SigmaException(value.line(), "regular expression refused (RE2 syntax, linear time): "
							+ ex.getDescription() + " in '" + value.text() + "'");
				}
			}
		}
		else if (mods.contains("fieldref")) {
			ValueTest.FieldRef.Shape shape = mods.contains("contains") ? ValueTest.FieldRef.Shape.CONTAINS
					: mods.contains("startswith") ? ValueTest.FieldRef.Shape.STARTS : mods.contains("endswith")
							? ValueTest.FieldRef.Shape.ENDS : ValueTest.FieldRef.Shape.EQUALS;
			for (Yml.Scalar value : values) {
				tests.add(new ValueTest.FieldRef(value.text(), shape, cased));
			}
		}
		else if (mods.contains("cidr")) {
			for (Yml.Scalar value : values) {
				Cidr cidr = Cidr.parse(value.text());
				if (cidr == null) {
					throw new SigmaException(value.line(), "not a network: '" + value.text() + "'");
				}
				tests.add(new ValueTest.CidrTest(cidr));
			}
		}
		else if (compare(mods) != null) {
			ValueTest.Op op = compare(mods);
			for (Yml.Scalar value : values) {
				double bound = ValueTest.parseNumber(value.text().replace("_", ""));
				if (Double.isNaN(bound)) {
					throw new SigmaException(value.line(),
							"'" + entry.key() + "' needs a number, not '" + value.text() + "'");
				}
				tests.add(new ValueTest.Compare(op, bound));
			}
		}
		else {
			boolean shaped = mods.stream().anyMatch(m -> !m.equals("cased") && !m.equals("all") && !m.equals("neq"));
			for (Yml.Scalar value : values) {
				if (value.kind() == Yml.Kind.NULL) {
					if (shaped || neq || all) {
						throw new SigmaException(value.line(), "null takes no modifier and no 'all'");
					}
					absent = true;
				}
				else if (!shaped && (value.kind() == Yml.Kind.INT || value.kind() == Yml.Kind.FLOAT)) {
					double number = number(value);
					tests.add(
							Double.isNaN(number) ? new ValueTest.Strings(new Glob[] { Glob.parse(value.text(), cased) })
									: new ValueTest.NumberEquals(number, value.text()));
				}
				else if (!shaped && value.kind() == Yml.Kind.BOOL) {
					tests.add(new ValueTest.BooleanEquals(bool(value.text()), value.text()));
				}
				else {
					tests.add(new ValueTest.Strings(chain(value, mods, cased, false)));
				}
			}
		}
		return new Item.Field(field, tests.toArray(ValueTest[]::new), all, neq, absent, null);
	}

	private static ValueTest.@Nullable Op compare(List<String> mods) {
		ValueTest.Op op = null;
		for (String mod : mods) {
			ValueTest.Op found = switch (mod) {
				case "lt" -> ValueTest.Op.LT;
				case "lte" -> ValueTest.Op.LTE;
				case "gt" -> ValueTest.Op.GT;
				case "gte" -> ValueTest.Op.GTE;
				default -> null;
			};
			if (found != null) {
				if (op != null) {
					throw new SigmaException(0, "one comparison modifier at a time");
				}
				op = found;
			}
		}
		return op;
	}

	private static Item keywords(List<Yml.Scalar> values, List<String> mods) {
		for (String mod : mods) {
			if (Set.of("exists", "re", "i", "m", "s", "cidr", "fieldref", "lt", "lte", "gt", "gte", "neq")
				.contains(mod)) {
				throw new SigmaException(values.get(0).line(), "modifier '" + mod + "' needs a field, not keywords");
			}
		}
		boolean cased = mods.contains("cased");
		List<Glob> patterns = new ArrayList<>();
		for (Yml.Scalar value : values) {
			if (value.kind() == Yml.Kind.NULL) {
				throw new SigmaException(value.line(), "a keyword cannot be null");
			}
			for (Glob glob : chain(value, mods, cased, true)) {
				patterns.add(glob);
			}
		}
		return new Item.Keywords(patterns.toArray(Glob[]::new), mods.contains("all"));
	}

	/**
	 * Applies the string modifiers in the order the rule wrote them; a value is raw text,
	 * then bytes (after a UTF-16 modifier) or wildcard strings.
	 */
	private static Glob[] chain(Yml.Scalar value, List<String> mods, boolean cased, boolean keyword) {
		List<Object> current = new ArrayList<>();
		current.add(value.text());
		for (String mod : mods) {
			List<Object> next = new ArrayList<>();
			for (Object v : current) {
				switch (mod) {
					case "contains" -> next.add(glob(v, cased).withStars(true, true));
					case "startswith" -> next.add(glob(v, cased).withStars(false, true));
					case "endswith" -> next.add(glob(v, cased).withStars(true, false));
					case "windash" -> next.add(glob(v, cased).windash());
					case "base64" -> next.add(Glob.literal(Base64.getEncoder().encodeToString(bytes(v, value)), true));
					case "base64offset" -> {
						for (String variant : base64Offsets(bytes(v, value))) {
							next.add(Glob.literal(variant, true));
						}
					}
					case "utf16le", "wide" -> next.add(plain(v, value).getBytes(StandardCharsets.UTF_16LE));
					case "utf16be" -> next.add(plain(v, value).getBytes(StandardCharsets.UTF_16BE));
					case "utf16" -> {
						byte[] le = plain(v, value).getBytes(StandardCharsets.UTF_16LE);
						byte[] bom = new byte[le.length + 2];
						bom[0] = (byte) 0xFF;
						bom[1] = (byte) 0xFE;
						System.arraycopy(le, 0, bom, 2, le.length);
						next.add(bom);
					}
					default -> next.add(v);
				}
			}
			current = next;
		}
		Glob[] globs = new Glob[current.size()];
		for (int i = 0; i < globs.length; i++) {
			Glob glob = glob(current.get(i), cased);
			globs[i] = keyword ? glob.withStars(true, true) : glob;
		}
		return globs;
	}

	private static Glob glob(Object v, boolean cased) {
		if (v instanceof Glob glob) {
			return glob;
		}
		if (v instanceof byte[] bytes) {
			return Glob.literal(new String(bytes, StandardCharsets.ISO_8859_1), cased);
		}
		return Glob.parse((String) v, cased);
	}

	private static String plain(Object v, Yml.Scalar value) {
		if (v instanceof String raw) {
			Glob glob = Glob.parse(raw, true);
			if (glob.hasWildcards()) {
				throw new SigmaException(value.line(), "cannot encode a value with wildcards: '" + value.text() + "'");
			}
			return glob.text();
		}
		throw new SigmaException(value.line(),
				"an encoding modifier must come before the others: '" + value.text() + "'");
	}

	private static byte[] bytes(Object v, Yml.Scalar value) {
		if (v instanceof byte[] bytes) {
			return bytes;
		}
		return plain(v, value).getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * The three encodings of a value that starts 0, 1 or 2 bytes into a base64 stream,
	 * less the leading and trailing characters that depend on the bytes around it.
	 */
	static List<String> base64Offsets(byte[] value) {
		int[] dropStart = { 0, 2, 3 };
		int[] dropEnd = { 0, 3, 2 };
		List<String> variants = new ArrayList<>(3);
		for (int shift = 0; shift < 3; shift++) {
			byte[] shifted = new byte[value.length + shift];
			System.arraycopy(value, 0, shifted, shift, value.length);
			String encoded = Base64.getEncoder().encodeToString(shifted);
			int end = encoded.length() - dropEnd[(value.length + shift) % 3];
			variants.add(encoded.substring(Math.min(dropStart[shift], end), end));
		}
		return variants;
	}

	private static double number(Yml.Scalar value) {
		String text = value.text().replace("_", "");
		try {
			if (value.kind() == Yml.Kind.INT) {
				if (text.startsWith("0x") || text.startsWith("0X")) {
					return Long.parseLong(text.substring(2), 16);
				}
				if (text.startsWith("0o")) {
					return Long.parseLong(text.substring(2), 8);
				}
				return Long.parseLong(text);
			}
			return Double.parseDouble(text);
		}
		catch (NumberFormatException ex) {
			return Double.NaN;
		}
	}

	private static boolean bool(String text) {
		String t = text.toLowerCase(java.util.Locale.ROOT);
		return t.equals("true") || t.equals("yes") || t.equals("on") || t.equals("y");
	}

}
