package vn.khien.platform;

import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * One page of a list, in the shape every list endpoint answers. When {@code totalCapped}
 * is true, counting stopped at {@code total} and there are more ("10.000+"): a list never
 * counts a whole large table per request. {@code next} is the cursor of the following
 * page for lists that offer keyset paging.
 */
public record PageResult<T>(List<T> items, int page, int size, long total, boolean totalCapped, @Nullable String next) {

	public PageResult(List<T> items, int page, int size, long total) {
		this(items, page, size, total, false, null);
	}

	public <R> PageResult<R> map(Function<T, R> mapper) {
		return new PageResult<>(items.stream().map(mapper).toList(), page, size, total, totalCapped, next);
	}

	public int pages() {
		return size == 0 ? 0 : (int) ((total + size - 1) / size);
	}

	public boolean hasNext() {
		return page + 1 < pages() || (totalCapped && items.size() == size);
	}

	public boolean hasPrevious() {
		return page > 0;
	}
}
