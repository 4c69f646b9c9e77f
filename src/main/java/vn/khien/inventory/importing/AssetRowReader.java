package vn.khien.inventory.importing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Column mapping and row validation for tabular asset files (CSV and XLSX share it, so both formats accept
 * exactly the same columns and report the same problems).
 *
 * <p>One instance per file: it remembers the identity keys seen so far to report duplicates.
 */
final class AssetRowReader {

    static final String KIND = "kind";
    static final String HOSTNAME = "hostname";
    static final String ADDRESSES = "addresses";
    static final String MAC = "mac";
    static final String OS = "os";
    static final String URL = "url";
    static final String SYSTEM = "system";

    static final List<String> COLUMNS = List.of(KIND, HOSTNAME, ADDRESSES, MAC, OS, URL, SYSTEM);

    private static final Pattern ADDRESS_SEPARATORS = Pattern.compile("[;,\\s]+");

    private final Map<String, Integer> index = new HashMap<>();
    // One entry per accepted row: 100k rows cost a few MB, which is the accepted bound for one import.
    private final Map<String, Integer> firstLineOfKey = new HashMap<>();

    /**
     * @param header cell texts of the header row, in order
     * @param headerLine where the header is, for the problem location
     * @throws ImportProblem {@code import.csv.columns} (missing, unknown) or {@code import.csv.duplicateColumn}
     */
    AssetRowReader(List<? extends @Nullable String> header, int headerLine) {
        Set<String> unknown = new LinkedHashSet<>();
        for (int i = 0; i < header.size(); i++) {
            String raw = header.get(i);
            String name = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue; // trailing empty header cells are common in spreadsheet exports
            }
            if (name.equals("system_code") || name.equals("systemcode")) {
                name = SYSTEM;
            }
            if (!COLUMNS.contains(name)) {
                unknown.add(raw.strip());
                continue;
            }
            if (index.putIfAbsent(name, i) != null) {
                throw ImportProblem.atLine(headerLine, "import.csv.duplicateColumn", raw.strip());
            }
        }
        List<String> missing = new ArrayList<>();
        if (!index.containsKey(KIND)) {
            missing.add(KIND);
        }
        if (!index.containsKey(HOSTNAME) && !index.containsKey(ADDRESSES) && !index.containsKey(URL)) {
            missing.add(HOSTNAME + "/" + ADDRESSES + "/" + URL);
        }
        if (!missing.isEmpty() || !unknown.isEmpty()) {
            throw ImportProblem.atLine(headerLine, "import.csv.columns", listOrDash(missing), listOrDash(unknown));
        }
    }

    private static String listOrDash(java.util.Collection<String> names) {
        return names.isEmpty() ? "-" : String.join(", ", names);
    }

    static boolean isBlank(List<? extends @Nullable String> cells) {
        for (String cell : cells) {
            if (cell != null && !cell.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Validates one data row.
     *
     * @throws ImportProblem located at {@code line} for the first problem found in the row
     */
    AssetRecord read(int line, List<? extends @Nullable String> cells) {
        String kindText = cell(cells, KIND);
        AssetKind kind;
        try {
            kind = AssetKind.parse(kindText);
        }
        catch (ImportProblem ex) {
            throw ImportProblem.atLine(line, "import.row.invalidKind", kindText == null ? "" : kindText);
        }
        String hostnameText = cell(cells, HOSTNAME);
        String hostname;
        try {
            hostname = AssetIdentity.normaliseHostname(hostnameText);
        }
        catch (IllegalArgumentException ex) {
            throw ImportProblem.atLine(line, "import.row.invalidHostname", hostnameText);
        }
        List<String> addresses = new ArrayList<>(1);
        String addressText = cell(cells, ADDRESSES);
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
        String macText = cell(cells, MAC);
        String mac;
        try {
            mac = AssetIdentity.normaliseMac(macText);
        }
        catch (IllegalArgumentException ex) {
            throw ImportProblem.atLine(line, "import.row.invalidMac", macText);
        }
        String urlText = cell(cells, URL);
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
            throw ImportProblem.atLine(line, kind == AssetKind.WEB_PORTAL ? "import.row.missingUrl" : "import.row.missingIdentity");
        }
        AssetRecord asset = new AssetRecord(line, kind, hostname, addresses, mac, cell(cells, OS), url,
                cell(cells, SYSTEM), List.of());
        String key = AssetIdentity.key(asset);
        Integer firstLine = firstLineOfKey.putIfAbsent(key, line);
        if (firstLine != null) {
            throw ImportProblem.atLine(line, "import.row.duplicate", key.substring(key.indexOf(':') + 1), firstLine);
        }
        return asset;
    }

    private @Nullable String cell(List<? extends @Nullable String> cells, String column) {
        Integer i = index.get(column);
        return i == null || i >= cells.size() ? null : Values.trimToNull(cells.get(i));
    }
}
