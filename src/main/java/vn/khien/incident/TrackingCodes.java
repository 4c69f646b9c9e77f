package vn.khien.incident;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * The codes a public report is tracked by: 20 symbols of 30 (98 bits, more than anyone
 * can guess), letters and digits nobody misreads (no I, L, O, 0, 1) and no X, the usual
 * filler of a mistyped code. Only a code’s hash is stored.
 */
public final class TrackingCodes {

	private static final char[] LETTERS = "ABCDEFGHJKMNPQRSTUVWYZ23456789".toCharArray();

	static final int LENGTH = 20;

	private static final SecureRandom RANDOM = new SecureRandom();

	private TrackingCodes() {
	}

	public static String next() {
		char[] code = new char[LENGTH];
		for (int i = 0; i < code.length; i++) {
			code[i] = LETTERS[RANDOM.nextInt(LETTERS.length)];
		}
		return new String(code);
	}

	/** The code as issued, from what a person typed (any case, spaces and dashes). */
	static Optional<String> normal(String typed) {
		String code = typed.strip().toUpperCase(Locale.ROOT).replace("-", "").replace(" ", "");
		return code.length() == LENGTH ? Optional.of(code) : Optional.empty();
	}

}
