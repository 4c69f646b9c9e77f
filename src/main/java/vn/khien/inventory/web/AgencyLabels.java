package vn.khien.inventory.web;

import java.util.Map;
import java.util.stream.Collectors;

import vn.khien.registry.Agencies;
import vn.khien.registry.Agency;

/** Names of the agencies in the user's scope; an agency outside it is shown by its id only. */
final class AgencyLabels {

	private AgencyLabels() {
	}

	static Map<Long, String> of(Agencies agencies) {
		return agencies.all().stream().collect(Collectors.toMap(Agency::id, a -> a.code() + " — " + a.name()));
	}

	static String label(Map<Long, String> names, long id) {
		String name = names.get(id);
		return name != null ? name : "#" + id;
	}
}
