package vn.khien.monitoring.sigma;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import vn.khien.monitoring.event.SigmaView;

/**
 * Which rules of a set an event can fit, found in one pass over each field value the
 * rules' {@link Need}s name: every literal is indexed by one of its three- or
 * four-character grams (the rarest among the set's literals), and the grams of the
 * event's folded values are looked up in turn. A rule without a need is always a
 * candidate. A gram seen does not mean the literal is there (the rule's own test
 * decides), but a rule whose grams are all absent cannot fit, so it is skipped.
 */
final class Prefilter {

	/** One field as the rules of one view read it, with the grams of their literals. */
	private static final class FieldScan {

		final String name;

		final boolean renamed;

		final Grams grams4 = new Grams();

		final Grams grams3 = new Grams();

		FieldScan(String name, boolean renamed) {
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
		for (int pass = 0; pass < 2; pass++) {
			for (int rule = 0; rule < needs.size(); rule++) {
				Need need = needs.get(rule);
				if (need == null) {
					always[rule >>> 6] |= 1L << rule;
					continue;
				}
				for (Need.Literal literal : need.literals()) {
					String key = (renamed[rule] ? "1" : "0") + literal.field();
					Map<Integer, Integer> seen = counts.computeIfAbsent(key, k -> new HashMap<>());
					String text = literal.text();
					int width = text.length() >= 4 ? 4 : 3;
					if (pass == 0) {
						for (int i = width; i <= text.length(); i++) {
							seen.merge(gram(text, i - width, i), 1, Integer::sum);
						}
						continue;
					}
					int rarest = 0;
					int fewest = Integer.MAX_VALUE;
					for (int i = width; i <= text.length(); i++) {
						int g = gram(text, i - width, i);
						int count = seen.get(g);
						if (count < fewest) {
							fewest = count;
							rarest = g;
						}
					}
					FieldScan scan = scans.computeIfAbsent(key,
							k -> new FieldScan(literal.field(), k.charAt(0) == '1'));
					(width == 4 ? scan.grams4 : scan.grams3).add(rarest, rule);
				}
			}
		}
		this.fields = scans.values().toArray(FieldScan[]::new);
		boolean any = false;
		for (FieldScan scan : fields) {
			any |= scan.renamed;
			scan.grams3.seal();
			scan.grams4.seal();
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
			Object value = view.field(scan.name);
			if (value == null) {
				continue;
			}
			if (value instanceof List<?> list) {
				for (Object item : list) {
					if (item != null) {
						scan(scan, view.fold(ValueTest.text(item)), bits);
					}
				}
			}
			else {
				scan(scan, view.fold(ValueTest.text(value)), bits);
			}
		}
		return bits;
	}

	private static void scan(FieldScan scan, String folded, long[] bits) {
		int key = 0;
		boolean three = !scan.grams3.isEmpty();
		boolean four = !scan.grams4.isEmpty();
		for (int i = 0; i < folded.length(); i++) {
			key = (key << 8) | (folded.charAt(i) & 0xFF);
			if (three && i >= 2) {
				scan.grams3.mark(key & 0xFFFFFF, bits);
			}
			if (four && i >= 3) {
				scan.grams4.mark(key, bits);
			}
		}
	}

	/**
	 * A gram as the scan sees it: each char's low byte, packed (collisions only widen the
	 * net).
	 */
	private static int gram(String text, int from, int to) {
		int key = 0;
		for (int i = from; i < to; i++) {
			key = (key << 8) | (text.charAt(i) & 0xFF);
		}
		return key;
	}

	/**
	 * Grams to the rules that need them: a bitmap for the common miss, then a small open
	 * table.
	 */
	private static final class Grams {

		private static final int BITMAP_BITS = 1 << 14;

		private final long[] bitmap = new long[BITMAP_BITS >>> 6];

		private final Map<Integer, List<Integer>> building = new HashMap<>();

		private int[] keys = new int[0];

		private int[][] rules = new int[0][];

		private int mask;

		boolean isEmpty() {
			return building.isEmpty();
		}

		void add(int gram, int rule) {
			List<Integer> list = building.computeIfAbsent(gram, g -> new ArrayList<>());
			if (!list.contains(rule)) {
				list.add(rule);
			}
			int h = hash(gram);
			bitmap[(h & (BITMAP_BITS - 1)) >>> 6] |= 1L << h;
		}

		void seal() {
			int size = Integer.highestOneBit(Math.max(building.size(), 1) * 4);
			keys = new int[size];
			rules = new int[size][];
			mask = size - 1;
			for (Map.Entry<Integer, List<Integer>> e : building.entrySet()) {
				int slot = hash(e.getKey()) & mask;
				while (rules[slot] != null) {
					slot = (slot + 1) & mask;
				}
				keys[slot] = e.getKey();
				rules[slot] = e.getValue().stream().mapToInt(Integer::intValue).toArray();
			}
		}

		void mark(int gram, long[] bits) {
			int h = hash(gram);
			if ((bitmap[(h & (BITMAP_BITS - 1)) >>> 6] & (1L << h)) == 0) {
				return;
			}
			int slot = h & mask;
			int[] found;
			while ((found = rules[slot]) != null) {
				if (keys[slot] == gram) {
					for (int rule : found) {
						bits[rule >>> 6] |= 1L << rule;
					}
					return;
				}
				slot = (slot + 1) & mask;
			}
		}

		private static int hash(int gram) {
			int h = gram * 0x9E3779B1;
			return h ^ (h >>> 15);
		}

	}

}
