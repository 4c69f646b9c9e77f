package vn.khien.inventory;

/**
 * A host was deleted (published in the transaction that deleted it), so that the records
 * other modules keep of it go with it.
 */
public record AssetDeleted(long assetId, long agencyId, String identityKey,
		@org.jspecify.annotations.Nullable String hostname) {
}
