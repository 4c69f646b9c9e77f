package vn.khien.platform.security;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * TOTP (RFC 6238: HMAC-SHA1, 30 s step, 6 digits) on top of HOTP (RFC 4226). Thread-safe.
 */
public final class Totp {

	public static final int DIGITS = 6;

	public static final long STEP_SECONDS = 30;

	/** Accepted clock drift in steps, either way. */
	public static final int DRIFT_STEPS = 1;

	private static final int SECRET_BYTES = 20;

	private static final Pattern SIX_DIGITS = Pattern.compile("[0-9]{6}");

	private static final int[] POWERS = { 1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000 };

	private static final SecureRandom RANDOM = new SecureRandom();

	/** A new random 160-bit secret, Base32 without padding. */
	public static String newSecret() {
		byte[] secret = new byte[SECRET_BYTES];
		RANDOM.nextBytes(secret);
		return Base32.encode(secret);
	}

	/** The 6-digit code for the time step containing {@code t}. */
	public String codeAt(String base32Secret, Instant t) {
		return codeAt(Base32.decode(base32Secret), t, DIGITS);
	}

	/**
	 * True if {@code code} is exactly six digits and matches the step of {@code now} or
	 * one step either side.
	 */
	public boolean verify(String base32Secret, @Nullable String code, Instant now) {
		return verifiedStep(base32Secret, code, now).isPresent();
	}

	/**
	 * Like {@link #verify} but returns the matching time step, so a caller can store it
	 * and refuse a code whose step is not greater than the last accepted one (replay
	 * protection).
	 */
	public OptionalLong verifiedStep(String base32Secret, @Nullable String code, Instant now) {
		if (code == null || !SIX_DIGITS.matcher(code).matches()) {
			return OptionalLong.empty();
		}
		byte[] key = Base32.decode(base32Secret);
		byte[] given = code.getBytes(StandardCharsets.US_ASCII);
		long current = step(now);
		long matched = -1;
		boolean found = false;
		// Every window is computed and compared so timing does not reveal which one
		// matched.
		for (long s = current - DRIFT_STEPS; s <= current + DRIFT_STEPS; s++) {
			byte[] expected = hotp(key, s, DIGITS).getBytes(StandardCharsets.US_ASCII);
			boolean equal = MessageDigest.isEqual(expected, given);
			if (equal && !found) {
				matched = s;
			}
			found |= equal;
		}
		return found ? OptionalLong.of(matched) : OptionalLong.empty();
	}

	/**
	 * otpauth:// URI for authenticator apps; issuer and account are percent-encoded as
	 * UTF-8.
	 */
	public static String otpauthUri(String issuer, String account, String base32Secret) {
		String encodedIssuer = encode(issuer);
		return "otpauth://totp/" + encodedIssuer + ":" + encode(account) + "?secret="
				+ base32Secret.replace(" ", "").replace("=", "") + "&issuer=" + encodedIssuer
				+ "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP_SECONDS;
	}

	static String codeAt(byte[] key, Instant t, int digits) {
		return hotp(key, step(t), digits);
	}

	/** RFC 4226 HOTP value for {@code counter}, zero-padded to {@code digits} (1..8). */
	static String hotp(byte[] key, long counter, int digits) {
		if (digits < 1 || digits > 8) {
			throw new IllegalArgumentException("digits must be 1..8");
		}
		byte[] hash;
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(key, "HmacSHA1"));
			hash = mac.doFinal(longBytes(counter));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HmacSHA1 unavailable", e);
		}
		int offset = hash[hash.length - 1] & 0x0F;
		int binary = ((hash[offset] & 0x7F) << 24) | ((hash[offset + 1] & 0xFF) << 16)
				| ((hash[offset + 2] & 0xFF) << 8) | (hash[offset + 3] & 0xFF);
		String code = Integer.toString(binary % POWERS[digits]);
		return "0".repeat(digits - code.length()) + code;
	}

	private static long step(Instant t) {
		return Math.floorDiv(t.getEpochSecond(), STEP_SECONDS);
	}

	private static byte[] longBytes(long value) {
		byte[] bytes = new byte[8];
		for (int i = 7; i >= 0; i--) {
			bytes[i] = (byte) value;
			value >>>= 8;
		}
		return bytes;
	}

	// URLEncoder targets form encoding; a URI path needs %20, and a literal '+' is
	// already %2B.
	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
