package vn.khien.inventory.importing;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One asset read from an import file. Hostname, addresses, MAC and URL are already
 * normalised with {@link AssetIdentity}.
 *
 * @param line 1-based position in the source: CSV physical line (header is line 1), XLSX
 * row number, or ordinal of the Nmap {@code <host>} element
 */
public record AssetRecord(int line, AssetKind kind, @Nullable String hostname, List<String> addresses,
		@Nullable String mac, @Nullable String os, @Nullable String url, @Nullable String systemCode,
		List<OpenPort> ports) {

	public AssetRecord {
		addresses = List.copyOf(addresses);
		ports = List.copyOf(ports);
	}

	public String identityKey() {
		return AssetIdentity.key(this);
	}
}
