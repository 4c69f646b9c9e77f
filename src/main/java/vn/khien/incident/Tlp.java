package vn.khien.incident;

import java.util.Locale;
import java.util.Optional;

/**
 * The Traffic Light Protocol 2.0 (FIRST): how far what a case holds may be shared. RED
 * stays with the case’s participants.
 */
public enum Tlp {

	RED("red"), AMBER_STRICT("amber+strict"), AMBER("amber"), GREEN("green"), CLEAR("clear");

	private final String code;

	Tlp(String code) {
		this.code = code;
	}

	@com.fasterxml.jackson.annotation.JsonValue
	public String code() {
		return code;
	}

	/** As the protocol writes it: {@code TLP:AMBER+STRICT}. */
	public String label() {
		return "TLP:" + code.toUpperCase(Locale.ROOT);
	}

	public static Optional<Tlp> of(String code) {
		String wanted = code.strip().toLowerCase(Locale.ROOT).replace("tlp:", "").replace('_', '+');
		for (Tlp t : values()) {
			if (t.code.equals(wanted)) {
				return Optional.of(t);
			}
		}
		return Optional.empty();
	}

}
