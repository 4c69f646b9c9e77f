package vn.khien.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Seals short secrets for storage: AES-256-GCM, a random 12-byte IV per value, under the
 * key of {@code KHIEN_SECRET_KEY} or, when that is unset, of {@code secret.key} in the
 * data folder (generated on first start). A sealed value reads {@code v1:} + base64(IV,
 * ciphertext, tag); the version lets the format change later. The context (say
 * {@code app_user.totp_secret:42}) is authenticated too, so a value copied onto another
 * row does not open there. Thread-safe; never logs a key or a secret.
 */
@Component
public class SecretBox {

	public static final String PREFIX = "v1:";

	static final String KEY_FILE = "secret.key";

	static final int KEY_BYTES = 32;

	private static final int IV_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
			PosixFilePermission.OWNER_WRITE);

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Logger log = LoggerFactory.getLogger(SecretBox.class);

	/**
	 * A sealed value that does not open: another key, or altered. Never carries the value
	 * itself.
	 */
	public static class UnreadableSecret extends IllegalStateException {

		UnreadableSecret(String message) {
			super(message);
		}

	}

	private final SecretKeySpec key;

	private final String source;

	// NB: @Autowired picks this one among the constructors; the others build a box from a
	// given key
	@Autowired
	SecretBox(KhienSettings settings) {
		this(settings.secretKey(), settings.dataDir());
	}

	/**
	 * The key of {@code base64Key} when given, otherwise of the key file in
	 * {@code dataDir}, created if missing.
	 */
	SecretBox(@Nullable String base64Key, Path dataDir) {
		this(loadKey(base64Key, dataDir.resolve(KEY_FILE)));
	}

	private SecretBox(LoadedKey loaded) {
		this(loaded.bytes(), loaded.source());
		Arrays.fill(loaded.bytes(), (byte) 0);
		log.info("Secret key for stored secrets taken from {}{}", loaded.source(), loaded.note());
	}

	/**
	 * A box under the given 32-byte key; {@code source} says where it came from in
	 * messages.
	 */
	public SecretBox(byte[] key, String source) {
		if (key.length != KEY_BYTES) {
			throw new IllegalStateException("The secret key from " + source + " must be " + KEY_BYTES + " bytes");
		}
		this.key = new SecretKeySpec(key, "AES");
		this.source = source;
	}

	/**
	 * Where the key came from ({@code KHIEN_SECRET_KEY} or the key file's path), for
	 * messages.
	 */
	public String keySource() {
		return source;
	}

	public static boolean isSealed(@Nullable String value) {
		return value != null && value.startsWith(PREFIX);
	}

	public String seal(String secret, String context) {
		byte[] iv = new byte[IV_BYTES];
		RANDOM.nextBytes(iv);
		try {
			Cipher cipher = cipher(Cipher.ENCRYPT_MODE, iv, context);
			byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
			return PREFIX + Base64.getEncoder()
				.encodeToString(ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM unavailable", ex);
		}
	}

	/**
	 * An HMAC-SHA256 of {@code message} for {@code context}, Base64url: lets the server
	 * recognise a value it handed out (a paging cursor) without keeping it.
	 */
	public String mac(String message, String context) {
		try {
			var hmac = javax.crypto.Mac.getInstance("HmacSHA256");
			hmac.init(new javax.crypto.spec.SecretKeySpec(key.getEncoded(), "HmacSHA256"));
			hmac.update(("mac:" + context + "\u0000").getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(hmac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 unavailable", ex);
		}
	}

	/**
	 * The secret sealed for {@code context}; refuses a value sealed under another key or
	 * context, or altered.
	 */
	public String open(String sealed, String context) {
		if (!isSealed(sealed)) {
			throw new UnreadableSecret("not a sealed value (no " + PREFIX + " prefix)");
		}
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
		}
		catch (IllegalArgumentException ex) {
			throw new UnreadableSecret("a sealed value is not valid base64");
		}
		if (bytes.length < IV_BYTES + TAG_BITS / 8) {
			throw new UnreadableSecret("a sealed value is too short");
		}
		try {
			Cipher cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(bytes, IV_BYTES), context);
			return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
		}
		catch (javax.crypto.AEADBadTagException ex) {
			throw new UnreadableSecret("a sealed value does not open with the secret key from " + source
					+ ": another key, or the value was altered");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM unavailable", ex);
		}
	}

	private Cipher cipher(int mode, byte[] iv, String context) throws GeneralSecurityException {
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
		cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
		return cipher;
	}

	private record LoadedKey(byte[] bytes, String source, String note) {
	}

	private static LoadedKey loadKey(@Nullable String base64Key, Path file) {
		if (base64Key != null && !base64Key.isBlank()) {
			return new LoadedKey(decode(base64Key, "KHIEN_SECRET_KEY"), "KHIEN_SECRET_KEY", "");
		}
		Path path = file.toAbsolutePath().normalize();
		try {
			if (Files.notExists(path)) {
				byte[] generated = generate(path);
				if (generated != null) {
					return new LoadedKey(generated, path.toString(), ", generated now: back it up with the database,"
							+ " without it everyone must enrol their second factor again");
				}
			}
			warnIfOthersCanRead(path);
			return new LoadedKey(decode(Files.readString(path, StandardCharsets.US_ASCII), path.toString()),
					path.toString(), "");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create the secret key file " + path, ex);
		}
	}

	/**
	 * Writes a new key, readable by its owner only where the file system knows POSIX
	 * permissions.
	 */
	private static byte @Nullable [] generate(Path file) throws IOException {
		Path dir = file.getParent();
		Files.createDirectories(dir);
		byte[] key = new byte[KEY_BYTES];
		RANDOM.nextBytes(key);
		boolean posix = Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class);
		Path temp = posix
				? Files.createTempFile(dir, "secret-", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
				: Files.createTempFile(dir, "secret-", ".tmp");
		try {
			Files.writeString(temp, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
			// NB: no REPLACE_EXISTING: should another process have written a key
			// meanwhile, both use that one
			Files.move(temp, file);
			return key;
		}
		catch (FileAlreadyExistsException ex) {
			return null;
		}
		finally {
			Files.deleteIfExists(temp);
		}
	}

	private static void warnIfOthersCanRead(Path file) throws IOException {
		if (Files.getFileStore(file).supportsFileAttributeView(PosixFileAttributeView.class)) {
			var permissions = Files.getPosixFilePermissions(file);
			if (!OWNER_ONLY.containsAll(permissions)) {
				log.warn("The secret key file {} is readable by others ({}); chmod 600 it", file,
						PosixFilePermissions.toString(permissions));
			}
		}
	}

	private static byte[] decode(String base64, String source) {
		byte[] key;
		try {
			key = Base64.getDecoder().decode(base64.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException(
					"The secret key from " + source + " is not base64 (make one with" + " `openssl rand -base64 32`)");
		}
		if (key.length != KEY_BYTES) {
			throw new IllegalStateException("The secret key from " + source + " must be the base64 of " + KEY_BYTES
					+ " bytes, not " + key.length + " (make one with `openssl rand -base64 32`)");
		}
		return key;
	}

}
