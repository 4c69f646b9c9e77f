package vn.khien.inventory;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.khien.inventory.importing.AssetKind;

/**
 * A host or web portal of an agency. {@code identityKey} follows the one identity rule
 * (docs/asset-identity.md): it is how imports recognise the asset again.
 */
public record Asset(long id, long agencyId, @Nullable Long systemId, AssetKind kind, String identityKey,
		@Nullable String hostname, List<String> addresses, @Nullable String mac, @Nullable String os,
		@Nullable String url, String source, Instant firstSeenAt, Instant lastSeenAt) {

	public Asset {
		addresses = List.copyOf(addresses);
	}

	/** What people call it: the hostname, the portal's URL, or its first address. */
	public String label() {
		if (url != null && kind == AssetKind.WEB_PORTAL) {
			return url;
		}
		if (hostname != null) {
			return hostname;
		}
		return addresses.isEmpty() ? identityKey : addresses.get(0);
	}
}
