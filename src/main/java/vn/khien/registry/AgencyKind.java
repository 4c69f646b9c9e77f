package vn.khien.registry;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** Kind of a state agency in the provincial registry. */
public enum AgencyKind {

	PROVINCIAL_BODY, DEPARTMENT, DISTRICT, COMMUNE, PUBLIC_SERVICE_UNIT, STATE_ENTERPRISE, OTHER;

	private static final Map<String, AgencyKind> LABELS = new HashMap<>();

	static {
		label(PROVINCIAL_BODY, "cơ quan cấp tỉnh", "cơ quan tỉnh");
		label(DEPARTMENT, "sở", "sở, ban, ngành", "ban", "ngành");
		label(DISTRICT, "huyện", "quận", "thị xã", "thành phố thuộc tỉnh", "cấp huyện");
		label(COMMUNE, "xã", "phường", "thị trấn", "đặc khu", "cấp xã");
		label(PUBLIC_SERVICE_UNIT, "đơn vị sự nghiệp");
		label(STATE_ENTERPRISE, "doanh nghiệp nhà nước");
		label(OTHER, "khác");
	}

	private static void label(AgencyKind kind, String... labels) {
		for (String label : labels) {
			LABELS.put(normalize(label), kind);
		}
	}

	/**
	 * Parses an enum name (case-insensitive, spaces or hyphens allowed instead of
	 * underscores) or a Vietnamese label.
	 * @throws IllegalArgumentException if the text is blank or not recognised
	 */
	public static AgencyKind parse(@Nullable String text) {
		if (text == null || text.isBlank()) {
			throw new IllegalArgumentException("Blank agency kind");
		}
		String key = normalize(text);
		AgencyKind byLabel = LABELS.get(key);
		if (byLabel != null) {
			return byLabel;
		}
		String name = key.replaceAll("[\\s-]+", "_").toUpperCase(Locale.ROOT);
		for (AgencyKind kind : values()) {
			if (kind.name().equals(name)) {
				return kind;
			}
		}
		throw new IllegalArgumentException("Unknown agency kind: " + text);
	}

	// NFC first so that decomposed input (e.g. from macOS) matches the precomposed
	// labels.
	private static String normalize(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
	}

}
