package vn.khien.registry.web;

import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

import vn.khien.platform.PageQuery;
import vn.khien.platform.SiteSearch;
import vn.khien.registry.Agencies;

/** Agencies by name (without diacritics too) or code, for the menu bar's search. */
@Component
class RegistrySearch implements SiteSearch {

	private final Agencies agencies;

	RegistrySearch(Agencies agencies) {
		this.agencies = agencies;
	}

	@Override
	public List<Group> search(String text, int limit) {
		var found = agencies.list(new Agencies.Filter(text, null, null, null), PageQuery.of(0, limit, "name"));
		return List.of(new Group(30, "search.agencies",
				found.items().stream().map(a -> new Hit(a.name(), a.code(), "/agencies/" + a.id())).toList(),
				found.total(), found.totalCapped(),
				UriComponentsBuilder.fromPath("/agencies").queryParam("q", text).encode().build().toUriString()));
	}

}
