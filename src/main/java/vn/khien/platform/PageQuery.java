package vn.khien.platform;

import java.util.Map;

/**
 * Paging and sorting asked for by a caller. {@code sort} is checked against the columns a list
 * allows, so a sort parameter never reaches SQL as typed.
 */
public record PageQuery(int page, int size, String sort, boolean descending) {

	public static final int MAX_SIZE = 500;

	public static PageQuery of(Integer page, Integer size, String sort) {
		int p = page == null || page < 0 ? 0 : page;
		int s = size == null || size < 1 ? 25 : Math.min(size, MAX_SIZE);
		String key = sort == null ? "" : sort.trim();
		boolean desc = key.startsWith("-");
		return new PageQuery(p, s, desc ? key.substring(1) : key, desc);
	}

	public long offset() {
		return (long) page * size;
	}

	/** The ORDER BY clause for this query, or {@code fallback} when the sort key is not allowed. */
	public String orderBy(Map<String, String> allowed, String fallback) {
		String column = allowed.get(sort);
		return column == null ? fallback : column + (descending ? " DESC" : " ASC");
	}

	public String sortParam() {
		return sort.isEmpty() ? "" : (descending ? "-" : "") + sort;
	}
}
