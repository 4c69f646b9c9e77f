package vn.khien.inventory.importing;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The single identity rule shared by every asset importer (see docs/asset-identity.md).
 *
 * <p>
 * The identity key of an asset is:
 * <ul>
 * <li>{@code url:<normalised url>} for {@link AssetKind#WEB_PORTAL};</li>
 * <li>otherwise {@code host:<normalised hostname>} when the asset has a hostname;</li>
 * <li>otherwise {@code ip:<first normalised address>}.</li>
 * </ul>
 * Keys are only compared within one agency: two agencies may own assets with the same key
 * (private address ranges and host names such as "server01" are reused everywhere), so
 * re-imports match an existing asset only when both the agency and the key are equal.
 *
 * <p>
 * Nothing here touches the network: addresses are validated textually and never resolved,
 * so a hostile file cannot make the server perform DNS lookups.
 */
public final class AssetIdentity {

	private AssetIdentity() {
	}

	/**
	 * Trims, lower-cases and strips one trailing dot. The domain is kept: "web01" and
	 * "web01.sotttt.gov.vn" stay distinct because short names collide across departments.
	 * @return null for null/blank input
	 * @throws IllegalArgumentException when the name contains whitespace or control
	 * characters
	 */
	public static @Nullable String normaliseHostname(@Nullable String hostname) {
		if (hostname == null || hostname.isBlank()) {
			return null;
		}
		String name = hostname.trim().toLowerCase(Locale.ROOT);
		if (name.endsWith(".")) {
			name = name.substring(0, name.length() - 1);
		}
		if (name.isEmpty() || name.length() > 253) {
			throw new IllegalArgumentException("invalid hostname");
		}
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (Character.isWhitespace(c) || Character.isISOControl(c) || c == '/' || c == '\\' || c == '@') {
				throw new IllegalArgumentException("invalid hostname");
			}
		}
		return name;
	}

	/**
	 * Validates an IPv4 or IPv6 literal and returns its canonical text: dotted decimal
	 * without leading zeros, or RFC 5952 compressed lower-case IPv6. IPv4-mapped IPv6
	 * ({@code ::ffff:a.b.c.d}) becomes the plain IPv4 address because it is the same
	 * host.
	 * @throws IllegalArgumentException when the text is not an IP literal (names are
	 * never resolved)
	 */
	public static String normaliseAddress(@Nullable String address) {
		if (address == null) {
			throw new IllegalArgumentException("no address");
		}
		String text = address.trim();
		if (text.startsWith("[") && text.endsWith("]")) {
			text = text.substring(1, text.length() - 1);
		}
		if (text.indexOf(':') < 0) {
			int[] v4 = parseIpv4(text);
			if (v4 == null) {
				throw new IllegalArgumentException("invalid IPv4 address");
			}
			return v4[0] + "." + v4[1] + "." + v4[2] + "." + v4[3];
		}
		int[] groups = parseIpv6(text);
		if (groups == null) {
			throw new IllegalArgumentException("invalid IPv6 address");
		}
		return formatIpv6(groups);
	}

	/**
	 * Canonical form of a web portal URL: http/https only, lower-case scheme and host,
	 * default port dropped, fragment dropped, trailing slashes of the path removed, query
	 * kept as written.
	 * @throws IllegalArgumentException for anything else, including URLs with user info
	 * (credentials)
	 */
	public static String normaliseUrl(@Nullable String url) {
		if (url == null || url.isBlank()) {
			throw new IllegalArgumentException("no url");
		}
		URI uri;
		try {
			uri = new URI(url.trim());
		}
		catch (URISyntaxException ex) {
			throw new IllegalArgumentException("invalid url", ex);
		}
		String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!"http".equals(scheme) && !"https".equals(scheme)) {
			throw new IllegalArgumentException("url must be http or https");
		}
		String host = uri.getHost();
		if (host == null || host.isEmpty() || uri.getRawUserInfo() != null) {
			throw new IllegalArgumentException("invalid url host");
		}
		host = host.toLowerCase(Locale.ROOT);
		if (host.startsWith("[")) {
			host = "[" + normaliseAddress(host) + "]";
		}
		else if (host.endsWith(".")) {
			host = host.substring(0, host.length() - 1);
		}
		int port = uri.getPort();
		boolean defaultPort = port == -1 || ("http".equals(scheme) && port == 80)
				|| ("https".equals(scheme) && port == 443);
		String path = uri.getRawPath() == null ? "" : uri.getRawPath();
		int end = path.length();
		while (end > 0 && path.charAt(end - 1) == '/') {
			end--;
		}
		path = path.substring(0, end);
		StringBuilder out = new StringBuilder(scheme).append("://").append(host);
		if (!defaultPort) {
			out.append(':').append(port);
		}
		out.append(path);
		if (uri.getRawQuery() != null) {
			out.append('?').append(uri.getRawQuery());
		}
		return out.toString();
	}

	/**
	 * Accepts {@code aa:bb:cc:dd:ee:ff}, {@code aa-bb-cc-dd-ee-ff},
	 * {@code aabb.ccdd.eeff} and {@code aabbccddeeff} in any case; returns
	 * {@code aa:bb:cc:dd:ee:ff}.
	 * @return null for null/blank input
	 */
	public static @Nullable String normaliseMac(@Nullable String mac) {
		if (mac == null || mac.isBlank()) {
			return null;
		}
		StringBuilder hex = new StringBuilder(12);
		for (int i = 0; i < mac.length(); i++) {
			char c = mac.charAt(i);
			if (c == ':' || c == '-' || c == '.' || c == ' ') {
				continue;
			}
			if (Character.digit(c, 16) < 0 || hex.length() == 12) {
				throw new IllegalArgumentException("invalid MAC address");
			}
			hex.append(Character.toLowerCase(c));
		}
		if (hex.length() != 12) {
			throw new IllegalArgumentException("invalid MAC address");
		}
		StringBuilder out = new StringBuilder(17);
		for (int i = 0; i < 12; i += 2) {
			if (i > 0) {
				out.append(':');
			}
			out.append(hex, i, i + 2);
		}
		return out.toString();
	}

	/**
	 * The identity key of a record (see class comment).
	 * @throws IllegalArgumentException when the record has nothing to identify it by
	 */
	public static String key(AssetRecord asset) {
		if (asset.kind() == AssetKind.WEB_PORTAL) {
			return "url:" + normaliseUrl(asset.url());
		}
		String hostname = normaliseHostname(asset.hostname());
		if (hostname != null) {
			return "host:" + hostname;
		}
		if (!asset.addresses().isEmpty()) {
			return "ip:" + normaliseAddress(asset.addresses().get(0));
		}
		throw new IllegalArgumentException("asset has neither hostname nor address");
	}

	private static int @Nullable [] parseIpv4(String text) {
		int[] parts = new int[4];
		int part = 0;
		int value = 0;
		int digits = 0;
		for (int i = 0; i <= text.length(); i++) {
			char c = i == text.length() ? '.' : text.charAt(i);
			if (c == '.') {
				if (digits == 0 || part == 4) {
					return null;
				}
				parts[part++] = value;
				value = 0;
				digits = 0;
			}
			else if (c >= '0' && c <= '9') {
				// Leading zeros are refused: some tools read "010" as octal 8, so the
				// value is ambiguous.
				if (digits == 1 && value == 0) {
					return null;
				}
				value = value * 10 + (c - '0');
				digits++;
				if (value > 255) {
					return null;
				}
			}
			else {
				return null;
			}
		}
		return part == 4 ? parts : null;
	}

	private static int @Nullable [] parseIpv6(String text) {
		if (text.indexOf('%') >= 0 || text.length() > 45) {
			return null; // zone ids are local to one machine and mean nothing in an
							// inventory
		}
		int doubleColon = text.indexOf("::");
		if (doubleColon >= 0 && text.indexOf("::", doubleColon + 1) >= 0) {
			return null;
		}
		String head = doubleColon >= 0 ? text.substring(0, doubleColon) : text;
		String tail = doubleColon >= 0 ? text.substring(doubleColon + 2) : "";
		int[] headGroups = groups(head);
		int[] tailGroups = groups(tail);
		if (headGroups == null || tailGroups == null) {
			return null;
		}
		int total = headGroups.length + tailGroups.length;
		if (doubleColon >= 0 ? total > 7 : total != 8) {
			return null;
		}
		int[] result = new int[8];
		System.arraycopy(headGroups, 0, result, 0, headGroups.length);
		System.arraycopy(tailGroups, 0, result, 8 - tailGroups.length, tailGroups.length);
		return result;
	}

	/**
	 * Splits "a:b:c" or "a:b:1.2.3.4" into 16-bit groups; an embedded IPv4 may only come
	 * last.
	 */
	private static int @Nullable [] groups(String text) {
		if (text.isEmpty()) {
			return new int[0];
		}
		String[] parts = text.split(":", -1);
		int count = parts.length;
		boolean v4Tail = parts[count - 1].indexOf('.') >= 0;
		int[] out = new int[v4Tail ? count + 1 : count];
		for (int i = 0; i < count; i++) {
			String p = parts[i];
			if (i == count - 1 && v4Tail) {
				int[] v4 = parseIpv4(p);
				if (v4 == null) {
					return null;
				}
				out[i] = (v4[0] << 8) | v4[1];
				out[i + 1] = (v4[2] << 8) | v4[3];
				break;
			}
			if (p.isEmpty() || p.length() > 4) {
				return null;
			}
			int value = 0;
			for (int j = 0; j < p.length(); j++) {
				int d = Character.digit(p.charAt(j), 16);
				if (d < 0) {
					return null;
				}
				value = value * 16 + d;
			}
			out[i] = value;
		}
		return out;
	}

	private static String formatIpv6(int[] g) {
		if (g[0] == 0 && g[1] == 0 && g[2] == 0 && g[3] == 0 && g[4] == 0 && g[5] == 0xffff) {
			return (g[6] >> 8) + "." + (g[6] & 0xff) + "." + (g[7] >> 8) + "." + (g[7] & 0xff);
		}
		int bestStart = -1;
		int bestLength = 1; // RFC 5952: a single zero group is not compressed
		for (int i = 0; i < 8;) {
			if (g[i] != 0) {
				i++;
				continue;
			}
			int j = i;
			while (j < 8 && g[j] == 0) {
				j++;
			}
			if (j - i > bestLength) {
				bestStart = i;
				bestLength = j - i;
			}
			i = j;
		}
		StringBuilder out = new StringBuilder(39);
		for (int i = 0; i < 8; i++) {
			if (i == bestStart) {
				out.append("::");
				i += bestLength - 1;
				continue;
			}
			if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
				out.append(':');
			}
			out.append(Integer.toHexString(g[i]));
		}
		return out.toString();
	}

}
