package vn.khien.monitoring.sigma;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.khien.monitoring.event.SigmaView;

/** One rule value compiled for one field: tested against one present, non-list value. */
abstract class ValueTest {

	abstract boolean test(Object value, SigmaView event);

	/** The literals a value must contain for this test to pass; null if none known. */
	@Nullable Need need(String field) {
		return null;
	}

	static String text(Object value) {
		if (value instanceof String s) {
			return s;
		}
		if (value instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15) {
			return Long.toString(d.longValue());
		}
		return String.valueOf(value);
	}

	/**
	 * The number a field holds, as a number or as numeric text; NaN when it holds none.
	 */
	static double number(Object value) {
		if (value instanceof Long l) {
			return l;
		}
		if (value instanceof Number n) {
			return n.doubleValue();
		}
		if (value instanceof String s) {
			return parseNumber(s);
		}
		return Double.NaN;
	}

	static double parseNumber(String s) {
		int n = s.length();
		if (n == 0 || n > 40) {
			return Double.NaN;
		}
		// NB: a hand check first so the common non-numeric text costs no exception
		long whole = 0;
		int i = 0;
		boolean negative = s.charAt(0) == '-';
		if (negative || s.charAt(0) == '+') {
			i = 1;
		}
		if (i == n) {
			return Double.NaN;
		}
		int digits = 0;
		for (; i < n; i++) {
			char c = s.charAt(i);
			if (c < '0' || c > '9') {
				break;
			}
			if (++digits > 18) {
				break;
			}
			whole = whole * 10 + (c - '0');
		}
		if (i == n) {
			return negative ? -whole : whole;
		}
		char c = s.charAt(i);
		if (c != '.' && c != 'e' && c != 'E' && !(c >= '0' && c <= '9')) {
			return Double.NaN;
		}
		try {
			return Double.parseDouble(s);
		}
		catch (NumberFormatException ex) {
			return Double.NaN;
		}
	}

	/** Wildcard strings (one value, or the variants one value expands to). */
	static final class Strings extends ValueTest {

		final Glob[] variants;

		Strings(Glob[] variants) {
			this.variants = variants;
		}

		@Override
		boolean test(Object value, SigmaView event) {
			String s = text(value);
			String folded = event instanceof FoldedView view ? view.fold(s) : null;
			for (Glob glob : variants) {
				if (folded != null && !glob.cased() ? glob.matchesFolded(folded) : glob.matches(s)) {
					return true;
				}
			}
			return false;
		}

		@Override
		@Nullable Need need(String field) {
			List<Need.Literal> literals = new ArrayList<>();
			for (Glob glob : variants) {
				String literal = Need.literalOf(glob);
				if (literal == null) {
					return null;
				}
				literals.add(new Need.Literal(field, literal));
			}
			return literals.isEmpty() ? null : new Need(List.copyOf(literals));
		}

	}

	/** A YAML number: equal as a number, or as the text the rule wrote (0x10, 007). */
	static final class NumberEquals extends ValueTest {

		private final double number;

		private final String text;

		NumberEquals(double number, String text) {
			this.number = number;
			this.text = text;
		}

		@Override
		boolean test(Object value, SigmaView event) {
			if (value instanceof Long l) {
				return l == number;
			}
			if (value instanceof Number n) {
				return n.doubleValue() == number;
			}
			if (value instanceof String s) {
				return number(s) == number || s.equalsIgnoreCase(text);
			}
			return false;
		}

	}

	static final class BooleanEquals extends ValueTest {

		private final boolean expected;

		private final String text;

		BooleanEquals(boolean expected, String text) {
			this.expected = expected;
			this.text = text;
		}

		@Override
		boolean test(Object value, SigmaView event) {
			if (value instanceof Boolean b) {
				return b == expected;
			}
			String s = text(value);
			return s.equalsIgnoreCase(text) || s.equalsIgnoreCase(Boolean.toString(expected));
		}

	}

	enum Op {

		LT, LTE, GT, GTE

	}

	static final class Compare extends ValueTest {

		private final Op op;

		private final double bound;

		Compare(Op op, double bound) {
			this.op = op;
			this.bound = bound;
		}

		@Override
		boolean test(Object value, SigmaView event) {
			double n = number(value);
			if (Double.isNaN(n)) {
				return false;
			}
			return switch (op) {
				case LT -> n < bound;
				case LTE -> n <= bound;
				case GT -> n > bound;
				case GTE -> n >= bound;
			};
		}

	}

	/** RE2/J: linear time whatever the pattern, so a rule cannot stall the detector. */
	static final class Regex extends ValueTest {

		private final com.google.re2j.Pattern pattern;

		Regex(com.google.re2j.Pattern pattern) {
			this.pattern = pattern;
		}

		@Override
		boolean test(Object value, SigmaView event) {
			return pattern.matcher(text(value)).find();
		}

	}

	static final class CidrTest extends ValueTest {

		private final Cidr cidr;

		CidrTest(Cidr cidr) {
			this.cidr = cidr;
		}

		@Override
		boolean test(Object value, SigmaView event) {
			return value instanceof String s && cidr.contains(s);
		}

	}

	/**
	 * Compares with another field of the same event (equal, or as prefix/suffix/part).
	 */
	static final class FieldRef extends ValueTest {

		enum Shape {

			EQUALS, STARTS, ENDS, CONTAINS

		}

		private final String other;

		private final Shape shape;

		private final boolean cased;

		FieldRef(String other, Shape shape, boolean cased) {
			this.other = other;
			this.shape = shape;
			this.cased = cased;
		}

		@Override
		boolean test(Object value, SigmaView event) {
			@Nullable Object ref = event.field(other);
			if (ref == null || ref instanceof java.util.List) {
				return false;
			}
			String s = text(value);
			String r = text(ref);
			return switch (shape) {
				case EQUALS -> cased ? s.equals(r) : s.equalsIgnoreCase(r);
				case STARTS -> s.regionMatches(!cased, 0, r, 0, r.length());
				case ENDS ->
					s.length() >= r.length() && s.regionMatches(!cased, s.length() - r.length(), r, 0, r.length());
				case CONTAINS -> cased ? s.contains(r)
						: s.toLowerCase(java.util.Locale.ROOT).contains(r.toLowerCase(java.util.Locale.ROOT));
			};
		}

	}

}
