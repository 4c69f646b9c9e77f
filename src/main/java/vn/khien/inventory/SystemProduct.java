package vn.khien.inventory;

import org.jspecify.annotations.Nullable;

/**
 * A product or component an information system uses, with a domestic alternative when one
 * is recorded.
 */
public record SystemProduct(long id, long systemId, @Nullable String component, String vendor, String product,
		@Nullable String version, ProductOrigin origin, @Nullable String domesticAlternative) {
}
