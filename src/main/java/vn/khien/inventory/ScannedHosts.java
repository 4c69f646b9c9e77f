package vn.khien.inventory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.khien.inventory.importing.AssetIdentity;
import vn.khien.platform.AgencyHierarchy;
import vn.khien.platform.AgencyScope;
import vn.khien.platform.CurrentUser;

/**
 * The inventory's hosts that scanners' reports name, found by the one identity rule
 * (docs/asset-identity.md) for the vulnerability module: a portal by its URL, a host by
 * its name, an address by the host whose key it is or, failing that, the one host whose
 * first address it is. Within the caller's scope, and within one agency and those below
 * it when the scan was uploaded for an agency.
 */
@Component
public class ScannedHosts {

	/** Keys looked up per statement. */
	private static final int BATCH = 500;

	private final JdbcClient jdbc;

	private final CurrentUser currentUser;

	private final AgencyHierarchy hierarchy;

	private final AssetSystems systems;

	ScannedHosts(JdbcClient jdbc, CurrentUser currentUser, AgencyHierarchy hierarchy, AssetSystems systems) {
		this.jdbc = jdbc;
		this.currentUser = currentUser;
		this.hierarchy = hierarchy;
		this.systems = systems;
	}

	/**
	 * The information system named by code or id, when the caller sees it and it may hold
	 * hosts of the agency (as for an asset import).
	 */
	public java.util.Optional<Long> system(@Nullable String idOrCode, long agencyId) {
		return systems.resolve(idOrCode, agencyId);
	}

	/** An inventory host a report's target matched. */
	public record Host(long id, long agencyId, @Nullable Long systemId, @Nullable String hostname,
			@Nullable String address, String identityKey) {

		/** What lists show for it: the name, else the address, else the key. */
		public String label() {
			if (hostname != null) {
				return hostname;
			}
			return address != null ? address : identityKey;
		}
	}

	/**
	 * The identity keys a target may have, best first: {@code url:} for a URL (and the
	 * {@code host:}/{@code ip:} key of its host), {@code host:} for a name, {@code ip:}
	 * for an address. Values that the identity rule refuses are left out.
	 */
	public static List<String> keysOf(@Nullable String hostname, @Nullable String address, @Nullable String url) {
		List<String> keys = new ArrayList<>(3);
		if (url != null) {
			try {
				String normal = AssetIdentity.normaliseUrl(url);
				keys.add("url:" + normal);
				String host = java.net.URI.create(normal).getHost();
				if (host != null) {
					addHostOrAddress(keys, host);
				}
			}
			catch (IllegalArgumentException ex) {
				// not a URL the inventory could hold: matched by its host, if any
			}
		}
		if (hostname != null) {
			addHostOrAddress(keys, hostname);
		}
		if (address != null) {
			try {
				String key = "ip:" + AssetIdentity.normaliseAddress(address);
				if (!keys.contains(key)) {
					keys.add(key);
				}
			}
			catch (IllegalArgumentException ex) {
				// a name written where an address belongs is never resolved
			}
		}
		return keys;
	}

	private static void addHostOrAddress(List<String> keys, String text) {
		String key;
		try {
			key = "ip:" + AssetIdentity.normaliseAddress(text);
		}
		catch (IllegalArgumentException notAnAddress) {
			try {
				String name = AssetIdentity.normaliseHostname(text);
				if (name == null) {
					return;
				}
				key = "host:" + name;
			}
			catch (IllegalArgumentException invalid) {
				return;
			}
		}
		if (!keys.contains(key)) {
			keys.add(key);
		}
	}

	/**
	 * The hosts holding each key (several when agencies reuse a name or a private
	 * address); an {@code ip:} key also finds the hosts whose first address it is.
	 * @param agencyId when given, only that agency and those below it
	 */
	public Map<String, List<Host>> find(Collection<String> keys, @Nullable Long agencyId) {
		AgencyScope scope = currentUser.scope();
		if (agencyId != null) {
			Set<Long> within = hierarchy.selfAndDescendants(agencyId);
			scope = scope.unrestricted() ? AgencyScope.of(within) : AgencyScope
				.of(within.stream().filter(scope::includes).collect(java.util.stream.Collectors.toSet()));
		}
		Map<String, List<Host>> found = new HashMap<>();
		List<String> all = new ArrayList<>(keys);
		for (int from = 0; from < all.size(); from += BATCH) {
			List<String> batch = all.subList(from, Math.min(all.size(), from + BATCH));
			scope
				.bind(jdbc.sql("SELECT id, agency_id, system_id, hostname, addresses, identity_key FROM asset"
						+ " WHERE identity_key IN (:keys) AND " + scope.filter("agency_id"))
					.param("keys", batch))
				.query((rs, n) -> host(rs))
				.list()
				.forEach(h -> found.computeIfAbsent(h.identityKey(), k -> new ArrayList<>()).add(h));
			List<String> addresses = batch.stream()
				.filter(k -> k.startsWith("ip:") && !found.containsKey(k))
				.map(k -> k.substring(3))
				.toList();
			if (!addresses.isEmpty()) {
				// NB: addresses are kept space-separated, first first: the first is an
				// index range (asset_address), the others would be a scan
				List<String> conditions = new ArrayList<>();
				Map<String, Object> params = new HashMap<>();
				for (int i = 0; i < addresses.size(); i++) {
					conditions.add("addresses = :a" + i + " OR addresses LIKE :p" + i);
					params.put("a" + i, addresses.get(i));
					params.put("p" + i, addresses.get(i) + " %");
				}
				scope
					.bind(jdbc
						.sql("SELECT id, agency_id, system_id, hostname, addresses, identity_key FROM asset WHERE ("
								+ String.join(" OR ", conditions) + ") AND " + scope.filter("agency_id"))
						.params(params))
					.query((rs, n) -> host(rs))
					.list()
					.forEach(h -> found.computeIfAbsent("ip:" + h.address(), k -> new ArrayList<>()).add(h));
			}
		}
		return found;
	}

	private static Host host(java.sql.ResultSet rs) throws java.sql.SQLException {
		String addresses = rs.getString("addresses");
		String first = addresses == null || addresses.isBlank() ? null : addresses.strip().split(" ")[0];
		long system = rs.getLong("system_id");
		return new Host(rs.getLong("id"), rs.getLong("agency_id"), rs.wasNull() ? null : system,
				rs.getString("hostname"), first, rs.getString("identity_key"));
	}

	/** One host by id, in the caller's scope. */
	public java.util.Optional<Host> get(long assetId) {
		AgencyScope scope = currentUser.scope();
		return scope.bind(jdbc
			.sql("SELECT id, agency_id, system_id, hostname, addresses, identity_key FROM asset WHERE id = :id AND "
					+ scope.filter("agency_id"))
			.param("id", assetId)).query((rs, n) -> host(rs)).optional();
	}

}
