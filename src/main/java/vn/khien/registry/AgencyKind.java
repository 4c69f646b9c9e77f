package vn.khien.registry;

import java.text.Normalizer;
import java.util.Locale;

public enum AgencyKind {
	PROVINCIAL_BODY, DEPARTMENT, DISTRICT, COMMUNE, PUBLIC_SERVICE_UNIT, STATE_ENTERPRISE, OTHER;

	public static AgencyKind parse(String text) {
		String t = Normalizer.normalize(text.trim(), Normalizer.Form.NFC).toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
		return valueOf(t);
	}
}
