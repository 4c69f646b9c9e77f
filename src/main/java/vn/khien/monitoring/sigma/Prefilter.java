package vn.khien.monitoring.sigma;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
	 * One field as the rules of one view read it, or every value for keywords (no name),
	 * with the grams of their literals.
	 */
	private static final class FieldScan {

		final @Nullable String name;

		final boolean renamed;

		final Grams grams = new Grams();

		FieldScan(@Nullable String name, boolean renamed) {
			this.name = name;
			this.renamed = renamed;
		}

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
		Map<String, FieldScan> scans = new LinkedHashMap<>();
		Map<String, Map<Integer, Integer>> counts = new HashMap<>();
		// NB: two passes: the grams of every literal are counted first, so each literal
		// is indexed by the gram fewest others share
		for (int pass = 0; pass < 2; pass++) {
			for (int rule = 0; rule < needs.size(); rule++) {
				Need need = needs.get(rule);
				if (need == null) {
					always[rule >>> 6] |= 1L << rule;
					continue;
				}
				for (Need.Literal literal : need.literals()) {
					// NB: keywords (no field) under a key no field name can have
					String key = (renamed[rule] ? "1" : "0") + (literal.field() == null ? "" : "=" + literal.field());
					Map<Integer, Integer> seen = counts.computeIfAbsent(key, k -> new HashMap<>());
					String text = literal.text();
					if (pass == 0) {
						for (int i = GRAM; i <= text.length(); i++) {
							seen.merge(gram(text, i - GRAM), 1, Integer::sum);
						}
						continue;
					}
					int rarest = 0;
					int fewest = Integer.MAX_VALUE;
					for (int i = GRAM; i <= text.length(); i++) {
						int g = gram(text, i - GRAM);
						int cost = seen.get(g) * 16 + commonness(text, i - GRAM);
						if (cost < fewest) {
							fewest = cost;
							rarest = g;
						}
					}
					scans.computeIfAbsent(key, k -> new FieldScan(literal.field(), k.charAt(0) == '1')).grams
						.add(rarest, rule);
				}
			}
		}
		this.fields = scans.values().toArray(FieldScan[]::new);
		boolean any = false;
		for (FieldScan scan : fields) {
			any |= scan.renamed;
			scan.grams.seal();
		}
		this.anyRenamed = any;
	}

	boolean readsRenamed() {
		return anyRenamed;
	}

	/** The candidate rules as bits (rule i at bit i). */
	long[] candidates(FoldedView event, @Nullable FoldedView renamed) {
		long[] bits = always.clone();
		for (FieldScan scan : fields) {
			FoldedView view = scan.renamed && renamed != null ? renamed : event;
			if (scan.name == null) {
				for (String value : view.values()) {
					scan(scan.grams, view.fold(value), bits);
				}
				continue;
			}
			Object value = view.field(scan.name);
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

	private static final java.util.Set<String> COMMON = java.util.Set.of("wind", "indo", "ndow", "dows", "syst", "yste",
			"stem", "tem3", "em32", "prog", "rogr", "ogra", "gram", "file", "iles", "micr", "icro", "cros", "roso",
			"osof", "soft", "user", "sers", "data", "appd", "ppda", "pdat", "temp", "loca", "ocal", "exe ", "powe",
			"ower", "wers", "ersh", "rshe", "shel", "hell", "comm", "omma", "mman", "mand");

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
		void seal() {
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
