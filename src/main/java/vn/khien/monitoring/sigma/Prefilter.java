package vn.khien.monitoring.sigma;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Which rules of a set an event can fit, found in one pass over each field value the
 * rules' {@link Need}s name: every literal is indexed by one of its four-character grams
 * (the rarest among the set's literals of that field), and the grams of the event's
 * folded values are looked up in turn. A rule without a need is always a candidate. A
 * gram seen does not mean the literal is there (the rule's own test decides), but a rule
 * whose grams are all absent cannot fit, so it is skipped.
 */
final class Prefilter {

	static final int GRAM = Need.MIN_LENGTH;

	/**
	 * A field as the rules of one view read it (the renamed view for 4688's), or every
	 * value for keywords (no field).
	 */
	private record Source(@Nullable String field, boolean renamed) {
	}

	/** One source with the grams of the literals the rules need in it. */
	private record FieldScan(Source source, Grams grams) {
	}

	private final FieldScan[] fields;

	/** The rules without a need, as bits. */
	private final long[] always;

	private final boolean anyRenamed;

	/**
	 * @param needs per rule, in order: its need, or null
	 * @param renamed per rule: whether it reads the renamed view
	 */
	Prefilter(List<@Nullable Need> needs, boolean[] renamed) {
		this.always = new long[(needs.size() + 63) >>> 6];
		// NB: the grams of every literal are counted first, so that each literal is
		// indexed by the gram fewest others share
		Map<Source, Map<Integer, Integer>> counts = new HashMap<>();
		for (int rule = 0; rule < needs.size(); rule++) {
			Need need = needs.get(rule);
			if (need == null) {
				always[rule >>> 6] |= 1L << rule;
				continue;
			}
			for (Need.Literal literal : need.literals()) {
				Map<Integer, Integer> seen = counts.computeIfAbsent(new Source(literal.field(), renamed[rule]),
						k -> new HashMap<>());
				for (int i = 0; i + GRAM <= literal.text().length(); i++) {
					seen.merge(gram(literal.text(), i), 1, Integer::sum);
				}
			}
		}
		Map<Source, Grams> scans = new LinkedHashMap<>();
		for (int rule = 0; rule < needs.size(); rule++) {
			Need need = needs.get(rule);
			for (Need.Literal literal : need == null ? List.<Need.Literal>of() : need.literals()) {
				Source source = new Source(literal.field(), renamed[rule]);
				scans.computeIfAbsent(source, k -> new Grams()).add(rarest(literal.text(), counts.get(source)), rule);
			}
		}
		this.fields = scans.entrySet()
			.stream()
			.map(e -> new FieldScan(e.getKey(), e.getValue().seal()))
			.toArray(FieldScan[]::new);
		this.anyRenamed = scans.keySet().stream().anyMatch(Source::renamed);
	}

	/**
	 * The literal's gram fewest literals share, and of those the least common in events.
	 */
	private static int rarest(String text, Map<Integer, Integer> seen) {
		int rarest = 0;
		int fewest = Integer.MAX_VALUE;
		for (int i = 0; i + GRAM <= text.length(); i++) {
			int g = gram(text, i);
			int cost = seen.get(g) * 16 + commonness(text, i);
			if (cost < fewest) {
				fewest = cost;
				rarest = g;
			}
		}
		return rarest;
	}

	boolean readsRenamed() {
		return anyRenamed;
	}

	/** The candidate rules as bits (rule i at bit i). */
	long[] candidates(FoldedView event, @Nullable FoldedView renamed) {
		long[] bits = always.clone();
		for (FieldScan scan : fields) {
			FoldedView view = scan.source.renamed() && renamed != null ? renamed : event;
			String field = scan.source.field();
			if (field == null) {
				for (String value : view.values()) {
					scan(scan.grams, view.fold(value), bits);
				}
				continue;
			}
			Object value = view.field(field);
			if (value == null) {
				continue;
			}
			if (value instanceof List<?> list) {
				for (Object item : list) {
					if (item != null) {
						scan(scan.grams, view.fold(ValueTest.text(item)), bits);
					}
				}
			}
			else {
				scan(scan.grams, view.fold(ValueTest.text(value)), bits);
			}
		}
		return bits;
	}

	private static void scan(Grams grams, String folded, long[] bits) {
		int n = folded.length();
		if (n < GRAM) {
			return;
		}
		int key = gram(folded, 0) >>> 8;
		for (int i = GRAM - 1; i < n; i++) {
			key = (key << 8) | (folded.charAt(i) & 0xFF);
			grams.mark(key, bits);
		}
	}

	/**
	 * How often a gram is likely in events, to choose between grams the rules share
	 * equally: the words of Windows paths and executables are in nearly every value, and
	 * punctuation and digits are commoner in values than letters.
	 */
	private static int commonness(String text, int from) {
		String gram = text.substring(from, from + GRAM);
		if (COMMON.contains(gram)) {
			return 8;
		}
		int cost = 0;
		for (int i = 0; i < GRAM; i++) {
			char c = gram.charAt(i);
			cost += c >= 'a' && c <= 'z' ? 0 : 1;
		}
		return cost;
	}

	private static final Set<String> COMMON = Set.of("wind", "indo", "ndow", "dows", "syst", "yste", "stem", "tem3",
			"em32", "prog", "rogr", "ogra", "gram", "file", "iles", "micr", "icro", "cros", "roso", "osof", "soft",
			"user", "sers", "data", "appd", "ppda", "pdat", "temp", "loca", "ocal", "exe ", "powe", "ower", "wers",
			"ersh", "rshe", "shel", "hell", "comm", "omma", "mman", "mand");

	/**
	 * The gram at {@code from} as the scan sees it: each char's low byte, packed (a
	 * collision only widens the net).
	 */
	private static int gram(String text, int from) {
		int key = 0;
		for (int i = from; i < from + GRAM; i++) {
			key = (key << 8) | (text.charAt(i) & 0xFF);
		}
		return key;
	}

	/**
	 * Grams to the rules that need them: a bitmap for the common miss, then an open
	 * table.
	 */
	private static final class Grams {

		private static final int BITMAP_LOG = 14;

		private final long[] bitmap = new long[1 << (BITMAP_LOG - 6)];

		private final Map<Integer, List<Integer>> building = new HashMap<>();

		private int[] keys = new int[0];

		private int[][] rules = new int[0][];

		private int shift = 32;

		void add(int gram, int rule) {
			List<Integer> list = building.computeIfAbsent(gram, g -> new ArrayList<>());
			if (!list.contains(rule)) {
				list.add(rule);
			}
			int bit = hash(gram) >>> (32 - BITMAP_LOG);
			bitmap[bit >>> 6] |= 1L << bit;
		}

		/** Builds the table at twice the grams or more, so probes stay short. */
		Grams seal() {
			int log = 33 - Integer.numberOfLeadingZeros(Math.max(building.size(), 1));
			keys = new int[1 << log];
			rules = new int[1 << log][];
			shift = 32 - log;
			for (Map.Entry<Integer, List<Integer>> e : building.entrySet()) {
				int slot = hash(e.getKey()) >>> shift;
				while (rules[slot] != null) {
					slot = (slot + 1) & (rules.length - 1);
				}
				keys[slot] = e.getKey();
				rules[slot] = e.getValue().stream().mapToInt(Integer::intValue).toArray();
			}
			return this;
		}

		void mark(int gram, long[] bits) {
			int h = hash(gram);
			int bit = h >>> (32 - BITMAP_LOG);
			if ((bitmap[bit >>> 6] & (1L << bit)) == 0) {
				return;
			}
			int slot = h >>> shift;
			int[] found;
			while ((found = rules[slot]) != null) {
				if (keys[slot] == gram) {
					for (int rule : found) {
						bits[rule >>> 6] |= 1L << rule;
					}
					return;
				}
				slot = (slot + 1) & (rules.length - 1);
			}
		}

		/** Fibonacci hashing: the high bits are the well mixed ones. */
		private static int hash(int gram) {
			return gram * 0x9E3779B1;
		}

	}

}
