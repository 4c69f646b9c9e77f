package vn.khien.platform;

import java.security.SecureRandom;
import java.util.Base64;

import org.jspecify.annotations.Nullable;

/**
 * Tokens that machines present (event sources, TAXII clients): 256 random bits after a
 * prefix that names their kind, so that a leaked one is recognisable in a scan; only
 * their SHA-256 is stored.
 */
public final class SecretTokens {

	private static final SecureRandom RANDOM = new SecureRandom();

	private SecretTokens() {
	}

	public static String next(String prefix) {
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
	}

	/** Whether a text may be a token of that kind (checked before any lookup). */
	public static boolean shaped(@Nullable String token, String prefix) {
		return token != null && token.startsWith(prefix) && token.length() <= 100;
	}

}
