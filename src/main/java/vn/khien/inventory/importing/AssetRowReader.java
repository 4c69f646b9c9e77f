package vn.khien.inventory.importing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import vn.khien.platform.importing.Columns;
import vn.khien.platform.importing.Columns.Column;
import vn.khien.platform.importing.ImportProblem;
import vn.khien.platform.importing.TableRecord;

/**
 * Columns and row validation of asset tables (CSV and XLSX alike: both formats accept
 * exactly the same columns and report the same problems).
 *
 * <p>
 * One instance per file: it remembers the identity keys seen so far to report duplicates.
 */
final class AssetRowReader {

	static final String KIND = "kind";
	static final String HOSTNAME = "hostname";
	static final String ADDRESSES = "addresses";
	static final String MAC = "mac";
	static final String OS = "os";
	static final String URL = "url";
	static final String SYSTEM = "system";

	static final Columns COLUMNS = Columns
		.of(Column.of(KIND, "loại", "loại tài sản"), Column.of(HOSTNAME, "tên máy"),
				Column.of(ADDRESSES, "ip", "địa chỉ ip"), Column.of(MAC, "địa chỉ mac"), Column.of(OS, "hệ điều hành"),
				Column.of(URL, "địa chỉ url"), Column.of(SYSTEM, "system_code", "hệ thống", "mã hệ thống"))
		.require(KIND)
		.require(HOSTNAME, ADDRESSES, URL);

	private static final Pattern ADDRESS_SEPARATORS = Pattern.compile("[;,\\s]+");

	// One entry per accepted row: 100k rows cost a few MB, which is the accepted bound
	// for one import.
	private final Map<String, Integer> firstLineOfKey = new HashMap<>();

	/**
	 * Validates one data row.
	 * @throws ImportProblem located at {@code line} for the first problem found in the
	 * row
	 */
	AssetRecord read(TableRecord row) {
		int line = row.line();
		String kindText = row.get(KIND);
		AssetKind kind;
		try {
			kind = AssetKind.parse(kindText);
		}
		catch (ImportProblem ex) {
			throw ImportProblem.atLine(line, "import.row.invalidKind", kindText == null ? "" : kindText);
		}
		String hostnameText = row.get(HOSTNAME);
		String hostname;
		try {
			hostname = AssetIdentity.normaliseHostname(hostnameText);
		}
		catch (IllegalArgumentException ex) {
			throw ImportProblem.atLine(line, "import.row.invalidHostname", hostnameText);
		}
		List<String> addresses = new ArrayList<>(1);
		String addressText = row.get(ADDRESSES);
		if (addressText != null) {
			for (String part : ADDRESS_SEPARATORS.split(addressText)) {
				if (part.isEmpty()) {
					continue;
				}
				try {
					String address = AssetIdentity.normaliseAddress(part);
					if (!addresses.contains(address)) {
						addresses.add(address);
					}
				}
				catch (IllegalArgumentException ex) {
					throw ImportProblem.atLine(line, "import.row.invalidAddress", part);
				}
			}
		}
		String macText = row.get(MAC);
		String mac;
		try {
			mac = AssetIdentity.normaliseMac(macText);
		}
		catch (IllegalArgumentException ex) {
			throw ImportProblem.atLine(line, "import.row.invalidMac", macText);
		}
		String urlText = row.get(URL);
		String url = null;
		if (urlText != null) {
			try {
				url = AssetIdentity.normaliseUrl(urlText);
			}
			catch (IllegalArgumentException ex) {
				throw ImportProblem.atLine(line, "import.row.invalidUrl", urlText);
			}
		}
		if (kind == AssetKind.WEB_PORTAL ? url == null : hostname == null && addresses.isEmpty()) {
			throw ImportProblem.atLine(line,
					kind == AssetKind.WEB_PORTAL ? "import.row.missingUrl" : "import.row.missingIdentity");
		}
		AssetRecord asset = new AssetRecord(line, kind, hostname, addresses, mac, row.get(OS), url, row.get(SYSTEM),
				List.of());
		String key = AssetIdentity.key(asset);
		Integer firstLine = firstLineOfKey.putIfAbsent(key, line);
		if (firstLine != null) {
			throw ImportProblem.atLine(line, "import.row.duplicate", key.substring(key.indexOf(':') + 1), firstLine);
		}
		return asset;
	}

}
