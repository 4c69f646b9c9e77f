package vn.khien.inventory.web;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import vn.khien.inventory.Asset;
import vn.khien.inventory.AssetManagement.AssetDetails;
import vn.khien.inventory.importing.AssetKind;
import vn.khien.inventory.importing.OpenPort;

final class AssetPayloads {

	private AssetPayloads() {
	}

	record PortView(int port, String protocol, @Nullable String service, @Nullable String product,
			@Nullable String version) {

		static PortView from(OpenPort p) {
			return new PortView(p.port(), p.protocol(), p.service(), p.product(), p.version());
		}
	}

	record AssetView(long id, long agencyId, @Nullable Long systemId, AssetKind kind, @Nullable String hostname,
			List<String> addresses, @Nullable String mac, @Nullable String os, @Nullable String url, String source,
			Instant firstSeenAt, Instant lastSeenAt, @Nullable List<PortView> ports) {

		static AssetView from(Asset a) {
			return from(a, null);
		}

		static AssetView from(Asset a, @Nullable List<OpenPort> ports) {
			return new AssetView(a.id(), a.agencyId(), a.systemId(), a.kind(), a.hostname(), a.addresses(), a.mac(),
					a.os(), a.url(), a.source(), a.firstSeenAt(), a.lastSeenAt(),
					ports == null ? null : ports.stream().map(PortView::from).toList());
		}
	}

	/**
	 * The asset form (page and API); {@code addresses} separated by spaces, commas or
	 * semicolons.
	 */
	record AssetForm(@NotNull Long agencyId, @Nullable Long systemId, @NotNull AssetKind kind,
			@Size(max = 255) @Nullable String hostname, @Size(max = 1000) @Nullable String addresses,
			@Size(max = 30) @Nullable String mac, @Size(max = 255) @Nullable String os,
			@Size(max = 2000) @Nullable String url) {

		static AssetForm empty(@Nullable Long agencyId) {
			return new AssetForm(agencyId, null, AssetKind.SERVER, null, null, null, null, null);
		}

		static AssetForm from(Asset a) {
			return new AssetForm(a.agencyId(), a.systemId(), a.kind(), a.hostname(), String.join(" ", a.addresses()),
					a.mac(), a.os(), a.url());
		}

		AssetDetails details() {
			return new AssetDetails(agencyId, systemId, kind, hostname, addresses, mac, os, url);
		}
	}

}
