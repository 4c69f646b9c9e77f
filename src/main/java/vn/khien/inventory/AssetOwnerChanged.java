package vn.khien.inventory;

import org.jspecify.annotations.Nullable;

/**
 * A host moved to another agency or information system (published in the transaction that
 * moved it), so that the records other modules keep of it follow.
 */
public record AssetOwnerChanged(long assetId, long agencyId, @Nullable Long systemId) {
}
