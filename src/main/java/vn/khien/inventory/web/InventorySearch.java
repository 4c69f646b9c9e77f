package vn.khien.inventory.web;

import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

import vn.khien.inventory.Asset;
import vn.khien.inventory.Assets;
import vn.khien.inventory.InformationSystem;
import vn.khien.inventory.Systems;
import vn.khien.platform.AgencyDirectory;
import vn.khien.platform.PageQuery;
import vn.khien.platform.SiteSearch;

/** Hosts by name or address and systems by name or code, for the menu bar's search. */
@Component
class InventorySearch implements SiteSearch {

	private final Assets assets;

	private final Systems systems;

	private final AgencyDirectory directory;

	InventorySearch(Assets assets, Systems systems, AgencyDirectory directory) {
		this.assets = assets;
		this.systems = systems;
		this.directory = directory;
	}

	@Override
	public List<Group> search(String text, int limit) {
		AgencyLabels agencies = AgencyLabels.of(directory);
		var hosts = assets.list(new Assets.Filter(text, null, null, null), PageQuery.of(0, limit, null));
		var found = systems.list(new Systems.Filter(text, null, null, null, null, null, null, null, null),
				PageQuery.of(0, limit, "name"));
		return List.of(
				new Group(10, "search.hosts", hosts.items().stream().map(a -> host(a, agencies)).toList(),
						hosts.total(), hosts.totalCapped(), more("/assets", text)),
				new Group(20, "search.systems", found.items().stream().map(s -> system(s, agencies)).toList(),
						found.total(), found.totalCapped(), more("/systems", text)));
	}

	private static Hit host(Asset a, AgencyLabels agencies) {
		String name = a.hostname() != null ? a.hostname()
				: a.addresses().isEmpty() ? a.identityKey() : a.addresses().get(0);
		return new Hit(name, String.join(" ", a.addresses()) + " · " + agencies.label(a.agencyId()),
				"/assets/" + a.id());
	}

	private static Hit system(InformationSystem s, AgencyLabels agencies) {
		return new Hit(s.name(), s.code() + " · " + agencies.label(s.ownerAgencyId()), "/systems/" + s.id());
	}

	static String more(String path, String text) {
		return UriComponentsBuilder.fromPath(path).queryParam("q", text).encode().build().toUriString();
	}

}
