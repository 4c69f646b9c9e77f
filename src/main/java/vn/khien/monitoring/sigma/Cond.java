package vn.khien.monitoring.sigma;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.khien.monitoring.event.SigmaView;

/** A compiled condition: references resolved to the selections themselves. */
abstract class Cond {

	abstract boolean test(SigmaView event);

	/** What an event must hold for the condition to be true; null if nothing known. */
	abstract @Nullable Need need();

	private static List<@Nullable Need> needs(Cond[] parts) {
		List<@Nullable Need> needs = new ArrayList<>();
		for (Cond part : parts) {
			needs.add(part.need());
		}
		return needs;
	}

	static final class Ref extends Cond {

		final Selection selection;

		Ref(Selection selection) {
			this.selection = selection;
		}

		@Override
		boolean test(SigmaView event) {
			return selection.test(event);
		}

		@Override
		@Nullable Need need() {
			return selection.need();
		}

	}

	static final class Not extends Cond {

		private final Cond inner;

		Not(Cond inner) {
			this.inner = inner;
		}

		@Override
		boolean test(SigmaView event) {
			return !inner.test(event);
		}

		@Override
		@Nullable Need need() {
			return null;
		}

	}

	static final class And extends Cond {

		private final Cond[] parts;

		And(Cond[] parts) {
			this.parts = parts;
		}

		@Override
		boolean test(SigmaView event) {
			for (Cond part : parts) {
				if (!part.test(event)) {
					return false;
				}
			}
			return true;
		}

		@Override
		@Nullable Need need() {
			return Need.best(needs(parts));
		}

	}

	static final class Or extends Cond {

		private final Cond[] parts;

		Or(Cond[] parts) {
			this.parts = parts;
		}

		@Override
		boolean test(SigmaView event) {
			for (Cond part : parts) {
				if (part.test(event)) {
					return true;
				}
			}
			return false;
		}

		@Override
		@Nullable Need need() {
			return Need.anyOf(needs(parts));
		}

	}

	/** At least n of the selections (n = all of them for all of). */
	static final class AtLeast extends Cond {

		private final Selection[] selections;

		private final int n;

		AtLeast(Selection[] selections, int n) {
			this.selections = selections;
			this.n = n;
		}

		@Override
		boolean test(SigmaView event) {
			int hits = 0;
			int left = selections.length;
			for (Selection selection : selections) {
				left--;
				if (selection.test(event) && ++hits >= n) {
					return true;
				}
				if (hits + left < n) {
					return false;
				}
			}
			return hits >= n;
		}

		@Override
		@Nullable Need need() {
			List<@Nullable Need> needs = new ArrayList<>();
			int unknown = 0;
			for (Selection selection : selections) {
				Need need = selection.need();
				if (need == null) {
					unknown++;
				}
				else {
					needs.add(need);
				}
			}
			if (n >= selections.length) {
				return Need.best(needs);
			}
			// NB: when fewer than n selections are unconstrained, a match includes a
			// constrained one
			return unknown >= n ? null : Need.anyOf(needs);
		}

	}

}
