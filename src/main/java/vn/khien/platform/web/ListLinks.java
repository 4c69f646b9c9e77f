package vn.khien.platform.web;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UrlPathHelper;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The links of a list page built from the address the user is on, so that sorting, paging
 * and exporting keep every filter without each page spelling them out
 * ({@code fragments/table.html}): {@code ${@list.sort('name')}},
 * {@code ${@list.page(3)}}, {@code ${@list.export('/systems/export.csv')}}.
 */
@Component("list")
public class ListLinks {

	private static final UrlPathHelper PATHS = new UrlPathHelper();

	/** Sorted by {@code key}, ascending, or descending when it already is ascending. */
	public String sort(String key) {
		return sort(key, null);
	}

	/**
	 * As {@link #sort(String)} on a list sorted by {@code byDefault} when not told; a key
	 * written {@code -gap} sorts descending first (the largest gaps at the top).
	 */
	public String sort(String key, @Nullable String byDefault) {
		String now = sortNow(byDefault);
		return here().replaceQueryParam("sort", key.equals(now) ? reversed(key) : key)
			.replaceQueryParam("page")
			.build()
			.encode()
			.toUriString();
	}

	/** {@code ascending}, {@code descending} or {@code none}, for {@code aria-sort}. */
	public String ariaSort(String key, @Nullable String byDefault) {
		String now = sortNow(byDefault);
		String column = key.startsWith("-") ? key.substring(1) : key;
		return column.equals(now) ? "ascending" : ("-" + column).equals(now) ? "descending" : "none";
	}

	private static String reversed(String key) {
		return key.startsWith("-") ? key.substring(1) : "-" + key;
	}

	/** The page numbered from 0, with the same filters and order. */
	public String page(int page) {
		return here().replaceQueryParam("page", Math.max(0, page)).build().encode().toUriString();
	}

	/** The export at {@code path} of what the list shows, every page of it. */
	public String export(String path) {
		return at(path).replaceQueryParam("page").build().encode().toUriString();
	}

	/** The query's values other than {@code except}, for a form that keeps them. */
	public java.util.List<java.util.Map.Entry<String, String>> kept(String except) {
		var kept = new java.util.ArrayList<java.util.Map.Entry<String, String>>();
		request().getParameterMap().forEach((name, values) -> {
			if (!name.equals(except)) {
				for (String value : values) {
					kept.add(java.util.Map.entry(name, value));
				}
			}
		});
		return kept;
	}

	private UriComponentsBuilder here() {
		return at(PATHS.getPathWithinApplication(request()));
	}

	/** {@code path} with the query the user is on. */
	private static UriComponentsBuilder at(String path) {
		var builder = UriComponentsBuilder.fromPath(path);
		request().getParameterMap().forEach((name, values) -> builder.queryParam(name, (Object[]) values));
		return builder;
	}

	private static @Nullable String sortNow(@Nullable String byDefault) {
		String sort = request().getParameter("sort");
		return sort == null || sort.isBlank() ? byDefault : sort;
	}

	private static HttpServletRequest request() {
		return ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
	}

}
