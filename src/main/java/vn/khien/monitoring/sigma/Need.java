package vn.khien.monitoring.sigma;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A necessary condition read off a detection: it can fit an event only if one of the
 * named fields holds one of these literals (folded). The detector uses it to skip the
 * rules whose literals an event lacks; null where a detection offers none (a negation, a
 * regular expression, a number, a literal under four characters). Keywords need their
 * literal in any value.
 */
record Need(List<Literal> literals) {

	/** Literals shorter than a gram cannot be indexed (and tell little). */
	static final int MIN_LENGTH = 4;

	/**
	 * A literal in a field, or in any value of the event (keywords) when the field is
	 * null.
	 */
	record Literal(@Nullable String field, String text) {
	}

	/** Any of the alternatives: null if one of them is unconstrained. */
	static @Nullable Need anyOf(List<@Nullable Need> alternatives) {
		if (alternatives.isEmpty()) {
			return null;
		}
		List<Literal> all = new ArrayList<>();
		for (Need need : alternatives) {
			if (need == null) {
				return null;
			}
			all.addAll(need.literals);
		}
		return new Need(List.copyOf(all));
	}

	/**
	 * All of the parts must hold, so any one part's need is necessary: the most telling.
	 */
	static @Nullable Need best(List<@Nullable Need> parts) {
		Need best = null;
		for (Need need : parts) {
			if (need != null && (best == null || need.score() > best.score())) {
				best = need;
			}
		}
		return best;
	}

	/** Longer literals first (they occur less by chance), then fewer of them. */
	private long score() {
		int shortest = Integer.MAX_VALUE;
		for (Literal literal : literals) {
			shortest = Math.min(shortest, literal.text.length());
		}
		return Math.min(shortest, 6) * 1_000_000L - literals.size();
	}

	/**
	 * The longest run of literal characters of a wildcard value, folded; null when short.
	 */
	static @Nullable String literalOf(Glob glob) {
		int bestFrom = 0;
		int bestLength = 0;
		int from = -1;
		for (int i = 0; i <= glob.kinds.length; i++) {
			boolean lit = i < glob.kinds.length && glob.kinds[i] == Glob.LIT;
			if (lit && from < 0) {
				from = i;
			}
			else if (!lit && from >= 0) {
				if (i - from > bestLength) {
					bestFrom = from;
					bestLength = i - from;
				}
				from = -1;
			}
		}
		if (bestLength < MIN_LENGTH) {
			return null;
		}
		return Glob.foldAll(new String(glob.chars, bestFrom, bestLength));
	}

}
