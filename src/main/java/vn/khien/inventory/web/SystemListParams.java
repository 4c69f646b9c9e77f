package vn.khien.inventory.web;

import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriComponentsBuilder;

import vn.khien.inventory.SystemLifecycle;
import vn.khien.inventory.Systems;
import vn.khien.platform.InvalidInputException;
import vn.khien.platform.NotFoundException;
import vn.khien.platform.PageQuery;
import vn.khien.registry.Agencies;

/**
 * The list's filters, paging and sorting as they appear in the URL, shared by the API,
 * the page and the export.
 */
public record SystemListParams(@Nullable String q, @Nullable String agency, @Nullable SystemLifecycle lifecycle,
		@Nullable Boolean critical, @Nullable Boolean personalData, @Nullable Boolean stateSecret,
		@Nullable Boolean shared, @Nullable Integer level, @Nullable Boolean productWarning, @Nullable Integer page,
		@Nullable Integer size, @Nullable String sort) {

	/**
	 * The filter, with {@code agency} (id or code) resolved in the user's scope: unknown
	 * or out of scope is refused alike.
	 */
	Systems.Filter filter(Agencies agencies) {
		Long agencyId = null;
		if (agency != null && !agency.isBlank()) {
			try {
				agencyId = agencies.resolve(agency).id();
			}
			catch (NotFoundException ex) {
				throw new InvalidInputException("agency", "system.filter.agency.unknown", agency.trim());
			}
		}
		return new Systems.Filter(q, agencyId, lifecycle, critical, personalData, stateSecret, shared, level,
				productWarning);
	}

	PageQuery pageQuery() {
		return PageQuery.of(page, size, sort);
	}

	/** This list's URL on another page or with another sort, keeping the filters. */
	public String url(String path, int toPage, @Nullable String toSort) {
		UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
		add(b, "q", q);
		add(b, "agency", agency);
		add(b, "lifecycle", lifecycle);
		add(b, "critical", critical);
		add(b, "personalData", personalData);
		add(b, "stateSecret", stateSecret);
		add(b, "shared", shared);
		add(b, "level", level);
		add(b, "productWarning", productWarning);
		if (toPage > 0) {
			b.queryParam("page", toPage);
		}
		if (size != null) {
			b.queryParam("size", size);
		}
		add(b, "sort", toSort);
		return b.encode().build().toUriString();
	}

	public String pageUrl(int toPage) {
		return url("/systems", toPage, sort);
	}

	/** Sorting by {@code key}; a second click on the current sort reverses it. */
	public String sortUrl(String key) {
		return url("/systems", 0, key.equals(sort) ? "-" + key : key);
	}

	public String exportUrl() {
		return url("/systems/export.csv", 0, sort);
	}

	private static void add(UriComponentsBuilder b, String name, @Nullable Object value) {
		if (value != null && !value.toString().isBlank()) {
			b.queryParam(name, value.toString().trim());
		}
	}
}
