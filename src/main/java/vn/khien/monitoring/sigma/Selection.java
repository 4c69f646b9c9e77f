package vn.khien.monitoring.sigma;

import vn.khien.monitoring.event.SigmaView;

/** A search identifier: alternatives linked by OR, each a list of items linked by AND. */
final class Selection {

	final String name;

	private final Item[][] alternatives;

	Selection(String name, Item[][] alternatives) {
		this.name = name;
		this.alternatives = alternatives;
	}

	boolean test(SigmaView event) {
		for (Item[] items : alternatives) {
			boolean all = true;
			for (Item item : items) {
				if (!item.test(event)) {
					all = false;
					break;
				}
			}
			if (all) {
				return true;
			}
		}
		return false;
	}

}
