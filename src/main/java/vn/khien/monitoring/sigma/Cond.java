package vn.khien.monitoring.sigma;

import vn.khien.monitoring.event.SigmaView;

/** A compiled condition: references resolved to the selections themselves. */
abstract class Cond {

	abstract boolean test(SigmaView event);

	static final class Ref extends Cond {

		final Selection selection;

		Ref(Selection selection) {
			this.selection = selection;
		}

		@Override
		boolean test(SigmaView event) {
			return selection.test(event);
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

	}

}
