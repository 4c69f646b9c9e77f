package vn.khien.monitoring.sigma;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

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

	@Nullable Need need() {
		List<@Nullable Need> alternativeNeeds = new ArrayList<>();
		for (Item[] items : alternatives) {
			List<@Nullable Need> parts = new ArrayList<>();
			for (Item item : items) {
				parts.add(item.need());
			}
			alternativeNeeds.add(Need.best(parts));
		}
		return Need.anyOf(alternativeNeeds);
	}

}
