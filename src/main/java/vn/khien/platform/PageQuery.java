package vn.khien.platform;

import java.util.Map;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

/**
 * Paging and sorting asked for by a caller. {@code sort} is checked against the keys a
 * list offers, so a sort parameter never reaches SQL as typed; a key a list does not
 * offer, a page size over the limit or a page too deep to reach by offset is refused
 * (400) rather than quietly replaced. {@code after} is a keyset cursor
 * ({@link PageCursor}) for clients that walk a whole list.
 */
public record PageQuery(int page, int size, String sort, boolean descending, @Nullable String after) {

	public static final int MAX_SIZE = 500;

	public static final int DEFAULT_SIZE = 25;

	/** How far offset paging reaches; past it, lists are walked with {@code after}. */
	public static final long MAX_OFFSET = 100_000;

	/** Longest search text a list takes. */
	public static final int MAX_TEXT = 200;

	public PageQuery(int page, int size, String sort, boolean descending) {
		this(page, size, sort, descending, null);
	}

	public static PageQuery of(@Nullable Integer page, @Nullable Integer size, @Nullable String sort) {
		return of(page, size, sort, null);
	}

	public static PageQuery of(@Nullable Integer page, @Nullable Integer size, @Nullable String sort,
			@Nullable String after) {
		if (page != null && page < 0) {
			throw new InvalidInputException("page", "page.page.negative");
		}
		if (size != null && (size < 1 || size > MAX_SIZE)) {
			throw new InvalidInputException("size", "page.size.range", MAX_SIZE);
		}
		int p = page == null ? 0 : page;
		int s = size == null ? DEFAULT_SIZE : size;
		if ((long) p * s > MAX_OFFSET) {
			throw new InvalidInputException("page", "page.page.tooDeep", MAX_OFFSET);
		}
		String key = sort == null ? "" : sort.trim();
		boolean desc = key.startsWith("-");
		return new PageQuery(p, s, desc ? key.substring(1) : key, desc,
				after == null || after.isBlank() ? null : after);
	}

	/** Most rows an export of a list writes: as deep as paging goes. */
	public static final int EXPORT_ROWS = (int) MAX_OFFSET;

	/**
	 * A search text as a list takes it: trimmed, null when blank, refused when longer
	 * than {@link #MAX_TEXT}.
	 */
	public static @Nullable String text(String param, @Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		if (value.length() > MAX_TEXT) {
			throw new InvalidInputException(param, "page.text.tooLong", MAX_TEXT);
		}
		return value.trim();
	}

	public long offset() {
		return (long) page * size;
	}

	/**
	 * The ORDER BY clause for this query, {@code fallback} when no sort was asked for; a
	 * sort key the list does not offer is refused, naming the keys it does.
	 */
	public String orderBy(Map<String, String> allowed, String fallback) {
		if (sort.isEmpty()) {
			return fallback;
		}
		String column = allowed.get(sort);
		if (column == null) {
			throw new InvalidInputException("sort", "page.sort.unknown", sort,
					String.join(", ", new TreeSet<>(allowed.keySet())));
		}
		return column + (descending ? " DESC" : " ASC");
	}

	public String sortParam() {
		return sort.isEmpty() ? "" : (descending ? "-" : "") + sort;
	}
}
