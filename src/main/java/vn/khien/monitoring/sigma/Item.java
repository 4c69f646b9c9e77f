package vn.khien.monitoring.sigma;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.khien.monitoring.event.SigmaView;

/** One entry of a search identifier: a field with its values, or a keyword search. */
abstract class Item {

	abstract boolean test(SigmaView event);

	/** What an event must hold for the item to fit; null if nothing known. */
	@Nullable Need need() {
		return null;
	}

	/** A field's values: any of them (all with the all modifier), negated by neq. */
	static final class Field extends Item {

		final String name;

		private final ValueTest[] tests;

		private final boolean all;

		private final boolean neq;

		/** A null among the values: the field is absent. */
		private final boolean absentMatches;

		/** For exists: the presence wanted; null when not an exists test. */
		private final @Nullable Boolean exists;

		Field(String name, ValueTest[] tests, boolean all, boolean neq, boolean absentMatches,
				@Nullable Boolean exists) {
			this.name = name;
			this.tests = tests;
			this.all = all;
			this.neq = neq;
			this.absentMatches = absentMatches;
			this.exists = exists;
		}

		@Override
		boolean test(SigmaView event) {
			Object value = event.field(name);
			if (exists != null) {
				return (value != null) == exists;
			}
			if (value == null) {
				return absentMatches;
			}
			boolean result;
			if (all) {
				result = tests.length > 0;
				for (ValueTest test : tests) {
					if (!one(test, value, event)) {
						result = false;
						break;
					}
				}
			}
			else {
				result = false;
				for (ValueTest test : tests) {
					if (one(test, value, event)) {
						result = true;
						break;
					}
				}
			}
			return neq != result;
		}

		@Override
		@Nullable Need need() {
			if (exists != null || absentMatches || neq || tests.length == 0) {
				return null;
			}
			List<@Nullable Need> needs = new ArrayList<>();
			for (ValueTest test : tests) {
				needs.add(test.need(name));
			}
			return all ? Need.best(needs) : Need.anyOf(needs);
		}

		private static boolean one(ValueTest test, Object value, SigmaView event) {
			if (value instanceof List<?> list) {
				for (Object item : list) {
					if (item != null && test.test(item, event)) {
						return true;
					}
				}
				return false;
			}
			return test.test(value, event);
		}

	}

	/**
	 * Keywords: searched in every string value of the event (contains, case-insensitive).
	 */
	static final class Keywords extends Item {

		private final Glob[] patterns;

		private final boolean all;

		Keywords(Glob[] patterns, boolean all) {
			this.patterns = patterns;
			this.all = all;
		}

		@Override
		@Nullable Need need() {
			List<@Nullable Need> needs = new ArrayList<>();
			for (Glob pattern : patterns) {
				String literal = Need.literalOf(pattern);
				needs.add(literal == null ? null : new Need(List.of(new Need.Literal(null, literal))));
			}
			return all ? Need.best(needs) : Need.anyOf(needs);
		}

		@Override
		boolean test(SigmaView event) {
			for (Glob pattern : patterns) {
				boolean found = false;
				FoldedView view = event instanceof FoldedView v && !pattern.cased() ? v : null;
				for (String value : event.values()) {
					if (view != null ? pattern.matchesFolded(view.fold(value)) : pattern.matches(value)) {
						found = true;
						break;
					}
				}
				if (found != all) {
					return found;
				}
			}
			return all;
		}

	}

}
