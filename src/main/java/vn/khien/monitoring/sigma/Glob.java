package vn.khien.monitoring.sigma;

import java.util.Arrays;

/**
 * A Sigma string value: literal characters and the wildcards {@code *} and {@code ?},
 * plus the dash class the {@code windash} modifier puts where a command-line flag starts.
 * Built once per rule value; {@link #matches} never allocates, and values without inner
 * wildcards take the plain equals, prefix, suffix or contains path.
 */
final class Glob {

	static final byte LIT = 0;

	static final byte ONE = 1;

	static final byte STAR = 2;

	static final byte DASH = 3;

	private static final String DASHES = "-/\u2013\u2014\u2015";

	private enum Shape {

		EXACT, PREFIX, SUFFIX, CONTAINS, ANY, GLOB

	}

	final char[] chars;

	final byte[] kinds;

	private final boolean cased;

	private final Shape shape;

	/** The literal core for the fast shapes, folded unless cased. */
	private final String core;

	private Glob(char[] chars, byte[] kinds, boolean cased) {
		this.chars = chars;
		this.kinds = kinds;
		this.cased = cased;
		int from = 0;
		int to = kinds.length;
		while (from < to && kinds[from] == STAR) {
			from++;
		}
		while (to > from && kinds[to - 1] == STAR) {
			to--;
		}
		boolean plain = true;
		for (int i = from; i < to; i++) {
			plain &= kinds[i] == LIT;
		}
		boolean lead = from > 0;
		boolean trail = to < kinds.length;
		if (!plain) {
			this.shape = Shape.GLOB;
		}
		else if (from == to && (lead || trail)) {
			this.shape = Shape.ANY;
		}
		else if (lead && trail) {
			this.shape = Shape.CONTAINS;
		}
		else if (lead) {
			this.shape = Shape.SUFFIX;
		}
		else if (trail) {
			this.shape = Shape.PREFIX;
		}
		else {
			this.shape = Shape.EXACT;
		}
		if (!cased) {
			for (int i = 0; i < chars.length; i++) {
				if (kinds[i] == LIT) {
					chars[i] = fold(chars[i]);
				}
			}
		}
		this.core = new String(chars, from, to - from);
	}

	/** Reads a rule's string with Sigma's escapes: backslash before *, ? or backslash. */
	static Glob parse(String value, boolean cased) {
		char[] chars = new char[value.length()];
		byte[] kinds = new byte[value.length()];
		int n = 0;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '\\' && i + 1 < value.length()) {
				char next = value.charAt(i + 1);
				if (next == '*' || next == '?' || next == '\\') {
					chars[n] = next;
					kinds[n++] = LIT;
					i++;
					continue;
				}
			}
			chars[n] = c;
			kinds[n++] = c == '*' ? STAR : c == '?' ? ONE : LIT;
		}
		return new Glob(Arrays.copyOf(chars, n), Arrays.copyOf(kinds, n), cased);
	}

	/** A value taken literally (encoded values: base64 and UTF-16 have no wildcards). */
	static Glob literal(String value, boolean cased) {
		return new Glob(value.toCharArray(), new byte[value.length()], cased);
	}

	boolean hasWildcards() {
		for (byte kind : kinds) {
			if (kind != LIT) {
				return true;
			}
		}
		return false;
	}

	/** The plain text of a wildcard-free value, unfolded only if the value was cased. */
	String text() {
		return new String(chars);
	}

	Glob withStars(boolean lead, boolean trail) {
		int extra = (lead && (kinds.length == 0 || kinds[0] != STAR) ? 1 : 0);
		int extraEnd = (trail && (kinds.length == 0 || kinds[kinds.length - 1] != STAR) ? 1 : 0);
		char[] c = new char[chars.length + extra + extraEnd];
		byte[] k = new byte[c.length];
		System.arraycopy(chars, 0, c, extra, chars.length);
		System.arraycopy(kinds, 0, k, extra, kinds.length);
		if (extra == 1) {
			c[0] = '*';
			k[0] = STAR;
		}
		if (extraEnd == 1) {
			c[c.length - 1] = '*';
			k[c.length - 1] = STAR;
		}
		return new Glob(c, k, cased);
	}

	/**
	 * Marks the dashes and slashes that start a word (after a non-word character or at
	 * the start, before a word character) as matching any of the five dashes windash
	 * names.
	 */
	Glob windash() {
		byte[] k = kinds.clone();
		for (int i = 0; i < chars.length; i++) {
			if (k[i] == LIT && DASHES.indexOf(chars[i]) >= 0) {
				boolean before = i == 0 || k[i - 1] != LIT || !isWord(chars[i - 1]);
				boolean after = i + 1 < chars.length && k[i + 1] == LIT && isWord(chars[i + 1]);
				if (before && after) {
					k[i] = DASH;
				}
			}
		}
		return new Glob(chars.clone(), k, cased);
	}

	private static boolean isWord(char c) {
		return Character.isLetterOrDigit(c) || c == '_';
	}

	boolean matches(String s) {
		int len = core.length();
		switch (shape) {
			case EXACT:
				return cased ? s.equals(core) : s.length() == len && s.regionMatches(true, 0, core, 0, len);
			case PREFIX:
				return s.regionMatches(!cased, 0, core, 0, len);
			case SUFFIX:
				return s.length() >= len && s.regionMatches(!cased, s.length() - len, core, 0, len);
			case CONTAINS:
				return cased ? s.contains(core) : indexOfFolded(s, core) >= 0;
			case ANY:
				return true;
			default:
				return glob(s);
		}
	}

	/** Whether the value, already folded by {@link #foldAll}, matches. */
	boolean matchesFolded(String folded) {
		if (cased) {
			return false;
		}
		switch (shape) {
			case EXACT:
				return folded.equals(core);
			case PREFIX:
				return folded.startsWith(core);
			case SUFFIX:
				return folded.endsWith(core);
			case CONTAINS:
				return folded.contains(core);
			case ANY:
				return true;
			default:
				return glob(folded);
		}
	}

	boolean cased() {
		return cased;
	}

	static String foldAll(String s) {
		int n = s.length();
		int i = 0;
		while (i < n) {
			char c = s.charAt(i);
			if (fold(c) != c) {
				break;
			}
			i++;
		}
		if (i == n) {
			return s;
		}
		char[] out = new char[n];
		s.getChars(0, i, out, 0);
		for (; i < n; i++) {
			out[i] = fold(s.charAt(i));
		}
		return new String(out);
	}

	/** Case-insensitive indexOf against an already folded needle, without allocating. */
	static int indexOfFolded(String s, String needle) {
		int m = needle.length();
		if (m == 0) {
			return 0;
		}
		char first = needle.charAt(0);
		int last = s.length() - m;
		for (int i = 0; i <= last; i++) {
			char c = s.charAt(i);
			if ((c == first || fold(c) == first) && s.regionMatches(true, i + 1, needle, 1, m - 1)) {
				return i;
			}
		}
		return -1;
	}

	// Greedy matching that falls back to the last star only: linear in practice, O(n*m)
	// at worst.
	private boolean glob(String s) {
		int n = s.length();
		int m = kinds.length;
		int p = 0;
		int i = 0;
		int starP = -1;
		int starI = 0;
		while (i < n) {
			if (p < m && kinds[p] != STAR && one(p, s.charAt(i))) {
				p++;
				i++;
			}
			else if (p < m && kinds[p] == STAR) {
				starP = p++;
				starI = i;
			}
			else if (starP >= 0) {
				p = starP + 1;
				i = ++starI;
			}
			else {
				return false;
			}
		}
		while (p < m && kinds[p] == STAR) {
			p++;
		}
		return p == m;
	}

	private boolean one(int p, char c) {
		switch (kinds[p]) {
			case ONE:
				return true;
			case DASH:
				return DASHES.indexOf(c) >= 0;
			default:
				return c == chars[p] || (!cased && fold(c) == chars[p]);
		}
	}

	static char fold(char c) {
		if (c < 128) {
			return (c >= 'A' && c <= 'Z') ? (char) (c + 32) : c;
		}
		return Character.toLowerCase(Character.toUpperCase(c));
	}

	@Override
	public String toString() {
		return new String(chars);
	}

}
