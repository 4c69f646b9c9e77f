package vn.khien.inventory.web;

import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import vn.khien.registry.Agencies;
import vn.khien.registry.Agency;

/** Names of the agencies in the user's scope; an agency outside it (a shared system's owner) shows as its id. */
public record AgencyLabels(Map<Long, String> names) {

	static AgencyLabels of(Agencies agencies) {
		return new AgencyLabels(
				agencies.all().stream().collect(Collectors.toMap(Agency::id, a -> a.code() + " — " + a.name())));
	}

	public String label(@Nullable Long id) {
		if (id == null) {
			return "";
		}
		String name = names.get(id);
		return name != null ? name : "#" + id;
	}
}
