package vn.khien.inventory.importing;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import vn.khien.platform.importing.ImportProblem;

/** What an asset is. Import files may name it in English or in Vietnamese. */
public enum AssetKind {

	SERVER, WORKSTATION, LAPTOP, NETWORK_DEVICE, SMART_DEVICE, WEB_PORTAL;

	private static final Map<String, AssetKind> WORDS = new HashMap<>();

	// Exact lower-case spellings, so the common case skips Unicode normalisation (it
	// dominates large imports).
	private static final Map<String, AssetKind> EXACT = new HashMap<>();

	static {
		for (AssetKind kind : values()) {
			WORDS.put(fold(kind.name()), kind);
			EXACT.put(kind.name().toLowerCase(Locale.ROOT), kind);
		}
		// Keys are diacritic-free so that "máy chủ", "May chu" and text typed with a
		// broken IME all match.
		put(SERVER, "máy chủ");
		put(WORKSTATION, "máy trạm", "máy tính để bàn");
		put(LAPTOP, "máy tính xách tay");
		put(NETWORK_DEVICE, "thiết bị mạng");
		put(SMART_DEVICE, "thiết bị thông minh", "iot", "thiết bị iot");
		put(WEB_PORTAL, "cổng thông tin", "trang thông tin", "cổng thông tin điện tử", "trang thông tin điện tử",
				"website", "web portal");
	}

	private static void put(AssetKind kind, String... words) {
		for (String word : words) {
			WORDS.put(fold(word), kind);
			EXACT.put(Normalizer.normalize(word, Normalizer.Form.NFC), kind);
		}
	}

	/**
	 * Parses an English constant name (any case, "_", "-" or space between words) or a
	 * Vietnamese word.
	 * @throws ImportProblem {@code import.row.invalidKind} (without location) when not
	 * recognised
	 */
	public static AssetKind parse(@Nullable String text) {
		if (text == null) {
			throw new ImportProblem("import.row.invalidKind", null, "");
		}
		AssetKind kind = EXACT.get(text.strip().toLowerCase(Locale.ROOT));
		if (kind == null) {
			kind = WORDS.get(fold(text));
		}
		if (kind == null) {
			throw new ImportProblem("import.row.invalidKind", null, text);
		}
		return kind;
	}

	static String fold(String text) {
		String decomposed = Normalizer.normalize(text.trim(), Normalizer.Form.NFD);
		StringBuilder out = new StringBuilder(decomposed.length());
		boolean space = false;
		for (int i = 0; i < decomposed.length(); i++) {
			char c = decomposed.charAt(i);
			if (Character.getType(c) == Character.NON_SPACING_MARK) {
				continue;
			}
			if (c == 'đ' || c == 'Đ') {
				c = 'd';
			}
			if (Character.isWhitespace(c) || c == '_' || c == '-') {
				space = out.length() > 0;
				continue;
			}
			if (space) {
				out.append(' ');
				space = false;
			}
			out.append(Character.toLowerCase(c));
		}
		return out.toString().toLowerCase(Locale.ROOT);
	}

}
